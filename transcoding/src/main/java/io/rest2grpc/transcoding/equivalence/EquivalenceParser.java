package io.rest2grpc.transcoding.equivalence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonArray;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonBoolean;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNull;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNumber;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonObject;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one JSON document into an {@link EquivalenceJson} tree with jackson-core's streaming parser. */
final class EquivalenceParser {
  // A repeated property is rejected rather than silently resolved: two services that each pick a
  // different copy would otherwise compare as equal. Nesting depth is bounded by jackson-core's
  // StreamReadConstraints, which also bounds this parser's recursion.
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private EquivalenceParser() {}

  /** The document's value; an {@link IOException} whose message says why the text is not JSON. */
  static EquivalenceJson parse(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("empty document");
      }
      EquivalenceJson value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("content after the end of the document at " + location(parser));
      }
      return value;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IOException(e.getOriginalMessage()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()), e);
    }
  }

  private static EquivalenceJson read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, EquivalenceJson> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          members.put(name, read(parser, parser.nextToken()));
        }
        yield new JsonObject(Collections.unmodifiableMap(members));
      }
      case START_ARRAY -> {
        List<EquivalenceJson> elements = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          elements.add(read(parser, next));
        }
        yield new JsonArray(Collections.unmodifiableList(elements));
      }
      case VALUE_STRING -> new JsonString(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getText());
      case VALUE_TRUE -> new JsonBoolean(true);
      case VALUE_FALSE -> new JsonBoolean(false);
      case VALUE_NULL -> JsonNull.NULL;
      default -> throw new IOException("unexpected " + token + " at " + location(parser));
    };
  }

  private static String location(JsonParser parser) {
    return "line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr();
  }
}
