package io.rest2grpc.openapi.proto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value the spec writes (a default, a constant), as plain JSON types: maps, lists, numbers,
 * booleans, strings or null. A field without the value has no JsonValue; {@code new JsonValue(null)}
 * is an explicit JSON null.
 */
public record JsonValue(Object value) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public JsonValue {
    value = frozen(value);
  }

  /** swagger-parser hands out Jackson trees, dates and URIs too. */
  public static JsonValue of(Object specValue) {
    return new JsonValue(plain(specValue));
  }

  /** Maps and lists copied unmodifiable all the way down: a built model does not change. */
  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, frozen(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(JsonValue::frozen).toList();
    }
    return value;
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
