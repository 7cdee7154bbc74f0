package io.rest2grpc.openapi.lock;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The keys a lock files things under, the same in every version of a spec: a schema by its JSON
 * pointer ({@code #/components/schemas/Pet}, with the file name only for a referenced document,
 * since the entry document's own name changes between versions), an operation by its route.
 * Parameters are keyed by name, not by their index in the list, which changes when one is inserted:
 * {@code #/paths/~1pets/get/parameters/status/schema}.
 */
public final class Sources {
  private static final String PARAMETERS = "parameters";

  private Sources() {}

  /** {@code #/pointer} in the entry document, {@code file#/pointer} in another; {@code document} is the entry document. */
  public static String key(SourceLocation source, String entryFile, JsonNode document) {
    if (!source.file().equals(entryFile)) {
      return source.file() + "#" + source.pointer();
    }
    List<String> tokens = JsonPointer.parse(source.pointer()).tokens();
    List<String> keyed = new ArrayList<>(tokens.size());
    JsonNode node = document;
    for (String token : tokens) {
      JsonNode child = node.isArray() && token.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(token)) : node.path(token);
      String name = keyed.isEmpty() || !keyed.get(keyed.size() - 1).equals(PARAMETERS) ? null : parameterName(child, document);
      keyed.add(name != null ? name : token);
      node = child;
    }
    return "#" + new JsonPointer(keyed);
  }

  /** Whether the schema a key names is still written there in {@code document} (and is not now a reference to another). */
  public static boolean isWrittenIn(String key, JsonNode document) {
    if (!key.startsWith("#")) {
      return true;
    }
    JsonNode node = document;
    String previous = null;
    for (String token : JsonPointer.parse(key.substring(1)).tokens()) {
      node = PARAMETERS.equals(previous) && node.isArray() ? parameter(node, token, document) : node.path(token);
      previous = token;
    }
    return !node.isMissingNode() && !isReference(node);
  }

  /** {@code $ref}, or {@code allOf} of one {@code $ref} with nothing beside it but annotations: another schema's place. */
  private static boolean isReference(JsonNode schema) {
    if (schema.has("$ref")) {
      return true;
    }
    JsonNode allOf = schema.path("allOf");
    return allOf.size() == 1 && allOf.get(0).has("$ref")
        && Stream.of("type", "properties", "items", "additionalProperties", "enum", "oneOf", "anyOf").noneMatch(schema::has);
  }

  /**
   * {@code GET /pets/{}} for the operation at {@code #/paths/~1pets~1{petId}/get}: path variables
   * are unnamed, so renaming one keeps the route. Null for a location that is not an operation.
   */
  public static String route(SourceLocation operation) {
    if (!isOperation(operation.pointer())) {
      return null;
    }
    List<String> tokens = JsonPointer.parse(operation.pointer()).tokens();
    return tokens.get(2).toUpperCase(Locale.ROOT) + " " + tokens.get(1).replaceAll("\\{[^}/]*}", "{}");
  }

  /** {@code /paths/<path>/<method>}: an operation (and the request message made from it). */
  public static boolean isOperation(String pointer) {
    List<String> tokens = JsonPointer.parse(pointer).tokens();
    return tokens.size() == 3 && tokens.get(0).equals("paths");
  }

  private static JsonNode parameter(JsonNode parameters, String name, JsonNode document) {
    for (JsonNode candidate : parameters) {
      if (name.equals(parameterName(candidate, document))) {
        return candidate;
      }
    }
    return parameters.path(name);
  }

  /** {@code in:name} of a parameter, following a local {@code $ref}; null for anything else. */
  private static String parameterName(JsonNode parameter, JsonNode document) {
    JsonNode resolved = parameter.has("$ref") ? document.at(parameter.path("$ref").asText().replaceFirst("^#", "")) : parameter;
    return resolved.has("name") && resolved.has("in") ? resolved.path("in").asText() + ":" + resolved.path("name").asText() : null;
  }
}
