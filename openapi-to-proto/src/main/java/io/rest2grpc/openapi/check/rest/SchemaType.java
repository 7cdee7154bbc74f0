package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of an inline schema whose change is a retype: scalar type and format, enum, object, map,
 * array, oneOf/anyOf, or anything. {@code null} in a type list (3.1) and {@code nullable} are left
 * out: a value becoming nullable or not is not a retype.
 */
record SchemaType(String name, String format) {
  private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean", "file");
  private static final Set<String> BINARY_FORMATS = Set.of("byte", "binary");

  static SchemaType of(JsonNode schema) {
    if (!schema.isObject()) {
      return new SchemaType(schema.isBoolean() && !schema.asBoolean() ? "nothing" : "any", null);
    }
    String type = type(schema);
    String format = schema.path("format").isTextual() ? schema.path("format").asText() : null;
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return new SchemaType("enum", null);
    }
    if (type != null && (SCALARS.contains(type) || type.contains("|"))) {
      return new SchemaType(type, format);
    }
    if (schema.has("oneOf") || schema.has("anyOf")) {
      return new SchemaType(schema.has("oneOf") ? "oneOf" : "anyOf", null);
    }
    if ("array".equals(type) || (type == null && schema.has("items"))) {
      return new SchemaType("array", null);
    }
    boolean hasProperties = schema.path("properties").isObject() && !schema.path("properties").isEmpty();
    JsonNode additional = schema.path("additionalProperties");
    if (!hasProperties && !schema.has("allOf") && (additional.isObject() || additional.asBoolean(false))) {
      return new SchemaType("map", null);
    }
    if ("object".equals(type) || hasProperties || schema.has("allOf")) {
      return new SchemaType("object", null);
    }
    return new SchemaType(type == null ? "any" : type, null);
  }

  /** The type without "null"; several as {@code integer|string}; null when none is given. */
  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      return type.asText();
    }
    if (!type.isArray()) {
      return null;
    }
    List<String> types = new ArrayList<>();
    type.forEach(t -> {
      if (t.isTextual() && !t.asText().equals("null")) {
        types.add(t.asText());
      }
    });
    types.sort(null);
    return types.isEmpty() ? null : String.join("|", types);
  }

  /**
   * Whether a value of this type can fail as the other: every change but one between string formats
   * that only annotate (date-time, uuid…): the JSON and the proto field are a string either way.
   */
  boolean breaksAs(SchemaType other) {
    return !(name.equals("string") && other.name.equals("string")
        && !BINARY_FORMATS.contains(String.valueOf(format)) && !BINARY_FORMATS.contains(String.valueOf(other.format)));
  }

  @Override
  public String toString() {
    return format == null ? name : name + " (" + format + ")";
  }
}
