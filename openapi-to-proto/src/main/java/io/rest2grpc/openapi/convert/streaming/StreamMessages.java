package io.rest2grpc.openapi.convert.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.SchemaValidator;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.options.v1.StreamFraming;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The message of a stream whose schema says nothing (module README, "Streaming"), inferred from the
 * stream's examples: every example item (an SSE event's data, an NDJSON line, a JSON-seq record) is
 * matched against the spec's component schemas, and when every item matches exactly one, the same one,
 * the stream's message is that schema's. An item matches a schema it validates against (JSON Schema)
 * and whose declared properties hold every member it has: schemas are open (unknown members are
 * allowed), so validation alone lets a small object match every schema without required properties.
 */
public final class StreamMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaValidator validator;
  private final Map<String, Located<Schema<?>>> components;
  private final ObjectProperties objects;

  /** {@code validator} reads {@code spec}'s entry document. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public StreamMessages(Spec spec, SchemaValidator validator, ObjectProperties objects) {
    this.validator = validator;
    this.objects = objects;
    this.components = new LinkedHashMap<>();
    Map<String, Schema> schemas = spec.model().getComponents() == null || spec.model().getComponents().getSchemas() == null
        ? Map.of() : spec.model().getComponents().getSchemas();
    if (!spec.version().isSwagger2()) {
      schemas.forEach((name, schema) -> components.put(name, new Located<>((Schema<?>) schema,
          new SourceLocation(spec.displayName(), ObjectProperties.pointer("/components/schemas", name)))));
    }
  }

  /**
   * The inferred message: a {@code $ref} to the component schema, located in the entry document (where
   * it resolves), and the component's name; or no ref, with the reason the stream stays a Struct.
   */
  public record Inferred(Located<Schema<?>> ref, String component, String reason) {}

  public Inferred infer(Map.Entry<String, MediaType> media) {
    List<String> texts = StreamingModes.examples(media.getValue());
    if (texts.isEmpty()) {
      return new Inferred(null, null, "it has no example");
    }
    if (components.isEmpty()) {
      return new Inferred(null, null, "the spec has no component schemas to match the examples against");
    }
    String chosen = null;
    int n = 0;
    for (String item : items(texts, StreamingModes.framing(media.getKey()))) {
      n++;
      JsonNode value;
      try {
        value = JSON.readTree(item);
      } catch (JsonProcessingException e) {
        return new Inferred(null, null, "example item " + n + " is not JSON");
      }
      Set<String> matches = matches(value);
      if (matches.size() != 1) {
        return new Inferred(null, null, "example item " + n + " matches " + (matches.isEmpty() ? "no component schema"
            : matches.size() + " component schemas (" + String.join(", ", matches) + ")"));
      }
      String match = matches.iterator().next();
      if (chosen != null && !chosen.equals(match)) {
        return new Inferred(null, null, "the examples match different schemas (" + chosen + ", " + match + ")");
      }
      chosen = match;
    }
    if (chosen == null) {
      return new Inferred(null, null, "the examples hold no item");
    }
    Schema<?> ref = new Schema<>();
    ref.set$ref("#" + components.get(chosen).location().pointer());
    return new Inferred(new Located<>(ref, SourceLocation.of(components.get(chosen).location().file())), chosen, null);
  }

  /** The items of the examples: SSE data, NDJSON lines, JSON-seq records. */
  private static List<String> items(List<String> texts, StreamFraming framing) {
    List<String> items = new ArrayList<>();
    for (String text : texts) {
      if (framing == StreamFraming.STREAM_FRAMING_SSE) {
        SseEvent.parse(text).stream().map(SseEvent::data).filter(data -> data != null).forEach(items::add);
      } else {
        for (String item : text.split(framing == StreamFraming.STREAM_FRAMING_JSON_SEQ ? "[\\u001e\\n]" : "\n")) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
      }
    }
    return items;
  }

  private Set<String> matches(JsonNode value) {
    Set<String> matches = new LinkedHashSet<>();
    if (!value.isObject()) {
      return matches;
    }
    components.forEach((name, schema) -> {
      Set<String> declared = objects.of(schema).keySet();
      if (!declared.isEmpty() && declaresEvery(declared, value) && validator.errors(schema.location(), value).isEmpty()) {
        matches.add(name);
      }
    });
    return matches;
  }

  private static boolean declaresEvery(Set<String> declared, JsonNode value) {
    for (Iterator<String> members = value.fieldNames(); members.hasNext(); ) {
      if (!declared.contains(members.next())) {
        return false;
      }
    }
    return true;
  }
}
