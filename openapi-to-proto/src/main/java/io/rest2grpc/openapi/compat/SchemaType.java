package io.rest2grpc.openapi.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of an inline schema whose change is a retype: scalar type and format, enum (with the JSON
 * type of its values as its format), object (a free-form one, {@code {type: object}} alone, with the
 * format {@code free-form}), map, array, oneOf/anyOf, or anything. {@code null} in a type list (3.1)
 * and {@code nullable} are left out: a value becoming nullable or not is not a retype.
 *
 * <p>{@link #changeTo} is the one judgement of a retype: {@code check} applies it at each place of
 * two spec documents, the lock to the types it recorded ({@link #judge}).
 */
public record SchemaType(String name, String format) {
  private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean", "file");
  private static final Set<String> BINARY_FORMATS = Set.of("byte", "binary");
  private static final String FREE_FORM = "free-form";

  /** What a retype does to a client written against the old type. */
  public enum Change {
    SAME,
    /**
     * More precise: every value of the new type was a value of the old one (a format or an enum
     * given to a plain scalar, a schema to a free-form object, any type to an untyped value). Not
     * breaking; the old proto type still holds every value.
     */
    REFINED,
    /** Not breaking although not narrower: one string annotation for another ({@code date-time} → {@code uuid}). */
    COMPATIBLE,
    BREAKING
  }

  /** The type of a schema as a spec writes it. */
  public static SchemaType of(JsonNode schema) {
    if (!schema.isObject()) {
      return new SchemaType(schema.isBoolean() && !schema.asBoolean() ? "nothing" : "any", null);
    }
    String type = type(schema);
    String format = schema.path("format").isTextual() ? schema.path("format").asText() : null;
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      return new SchemaType("enum", type != null ? type : valueType(schema.path("enum")));
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
      return new SchemaType("object", hasProperties || schema.has("allOf") || schema.has("additionalProperties") ? null : FREE_FORM);
    }
    return new SchemaType(type == null ? "any" : type, null);
  }

  /**
   * The change from {@code before} to {@code after}, two schemas (JSON Schema as a spec writes it)
   * compared as a whole: the type, then the items of two arrays and the values of two maps. The lock
   * gives it the schemas its recorded proto types stand for.
   */
  public static Change judge(JsonNode before, JsonNode after) {
    Change change = of(before).changeTo(of(after));
    if (change != Change.SAME) {
      return change;
    }
    for (String keyword : List.of("items", "additionalProperties")) {
      if (before.path(keyword).isObject() && after.path(keyword).isObject()) {
        return judge(before.path(keyword), after.path(keyword));
      }
    }
    return Change.SAME;
  }

  /** The change from this type to {@code after}, at one place. */
  public Change changeTo(SchemaType after) {
    if (equals(after)) {
      return Change.SAME;
    }
    if (after.refines(this)) {
      return Change.REFINED;
    }
    return breaksAs(after) ? Change.BREAKING : Change.COMPATIBLE;
  }

  /** Whether every value of this type is one of {@code before}. */
  private boolean refines(SchemaType before) {
    if (before.name.equals("any")) {
      return !name.equals("nothing");
    }
    if (FREE_FORM.equals(before.format)) {
      return name.equals("object") || name.equals("map");
    }
    boolean plainScalar = before.format == null && Set.of("string", "integer", "number").contains(before.name);
    return plainScalar && (name.equals(before.name) && format != null
        || name.equals("enum") && (before.name.equals(format) || before.name.equals("number") && "integer".equals(format)));
  }

  /** The JSON type of an enum's values when its schema names none: string, integer, or null for a mix. */
  private static String valueType(JsonNode values) {
    boolean strings = true;
    boolean integers = true;
    for (JsonNode value : values) {
      strings &= value.isTextual() || value.isNull();
      integers &= value.isIntegralNumber() || value.isNull();
    }
    return strings ? "string" : integers ? "integer" : null;
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
   * that only annotate (date-time, uuid…): the JSON is a string either way.
   */
  private boolean breaksAs(SchemaType other) {
    return !(name.equals("string") && other.name.equals("string")
        && !BINARY_FORMATS.contains(String.valueOf(format)) && !BINARY_FORMATS.contains(String.valueOf(other.format)));
  }

  @Override
  public String toString() {
    return format == null || name.equals("enum") ? name : FREE_FORM.equals(format) ? "free-form object" : name + " (" + format + ")";
  }
}
