package io.rest2grpc.openapi.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A value the spec writes (a default, a constant), as plain JSON types: maps, lists, numbers,
 * booleans, strings or null. A field without the value has no JsonValue; {@code new JsonValue(null)}
 * is an explicit JSON null.
 */
public record JsonValue(Object value) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** swagger-parser hands out Jackson trees, dates and URIs too. */
  public static JsonValue of(Object specValue) {
    return new JsonValue(plain(specValue));
  }

  public static Object plain(Object value) {
    if (value instanceof JsonNode node) {
      return JSON.convertValue(node, Object.class);
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Number || value instanceof Boolean
        || value instanceof String || value == null) {
      return value;
    }
    return value.toString();
  }
}
