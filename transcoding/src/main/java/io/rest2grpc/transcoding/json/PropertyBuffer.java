package io.rest2grpc.transcoding.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Properties held back until a union knows its variant (a discriminator after them, or an
 * undiscriminated object matched by its keys), then replayed as one small JSON object. Used only
 * for unions; everything else streams.
 */
final class PropertyBuffer {
  final List<String> names = new ArrayList<>();
  private final ByteArrayBuilder bytes = new ByteArrayBuilder();
  private final JsonGenerator out;

  PropertyBuffer() throws IOException {
    out = RestJson.FACTORY.createGenerator(bytes);
    out.writeStartObject();
  }

  /** Buffers the rest of the object the parser is in (it stands on START_OBJECT or a property). */
  static PropertyBuffer restOfObject(JsonParser p) throws IOException {
    PropertyBuffer buffer = new PropertyBuffer();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      buffer.add(name, p);
    }
    return buffer;
  }

  /** Copies one property whose value the parser stands on. */
  void add(String name, JsonParser p) throws IOException {
    names.add(name);
    out.writeFieldName(name);
    out.copyCurrentStructure(p);
  }

  /** A parser over the buffered properties, standing on the START_OBJECT that holds them. */
  JsonParser replay() throws IOException {
    out.writeEndObject();
    out.close();
    JsonParser parser = RestJson.FACTORY.createParser(bytes.toByteArray());
    parser.nextToken();
    return parser;
  }
}
