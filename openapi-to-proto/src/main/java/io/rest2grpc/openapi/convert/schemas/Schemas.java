package io.rest2grpc.openapi.convert.schemas;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads a swagger-parser {@link Schema} the same way whether it came from Swagger 2.0, OpenAPI 3.0 or 3.1. */
public final class Schemas {
  private Schemas() {}

  /**
   * The JSON types the schema allows, without "null", in the order written; not to be modified.
   * Asked several times for every schema: the usual single type is answered without copying.
   */
  public static Set<String> types(Schema<?> s) {
    Set<String> written = s.getTypes();
    String type = s.getType();
    String only = written == null || written.isEmpty() ? type : written.size() == 1 ? written.iterator().next() : null;
    if (only != null && (type == null || type.equals(only))) {
      return only.equals("null") ? Collections.emptySet() : Collections.singleton(only);
    }
    if (written == null || written.isEmpty()) {
      return Collections.emptySet();
    }
    Set<String> types = new LinkedHashSet<>(written);
    if (type != null) {
      types.add(type);
    }
    types.remove("null");
    return types;
  }

  public static boolean allowsNull(Schema<?> s) {
    if (Boolean.TRUE.equals(s.getNullable())) {
      return true;
    }
    if (s.getTypes() != null && s.getTypes().contains("null")) {
      return true;
    }
    if ("null".equals(s.getType())) {
      return true;
    }
    Map<String, Object> ext = s.getExtensions();
    return ext != null && (Boolean.TRUE.equals(ext.get("x-nullable")) || Boolean.TRUE.equals(ext.get("nullable")));
  }

  /** A schema that is only {@code {type: null}} (or {@code {const: null}}). */
  static boolean isNullOnly(Schema<?> s) {
    if (s.get$ref() != null) {
      return false;
    }
    boolean typeNull = "null".equals(s.getType()) || (s.getTypes() != null && s.getTypes().size() == 1 && s.getTypes().contains("null"));
    return typeNull || (s.getConst() == null && s.getEnum() != null && s.getEnum().size() == 1 && s.getEnum().get(0) == null && types(s).isEmpty());
  }

  /**
   * A union member that stands for JSON null: {@code {type: null}}, or an object that allows null and
   * says nothing else ({@code {title: 'null', type: object, nullable: true}}, 3.1's
   * {@code {type: [object, 'null']}}), the way OpenAPI 3.0 specs write "or null" beside a {@code $ref}.
   */
  static boolean isNullMember(Schema<?> s) {
    return isNullOnly(s) || allowsNull(s) && s.get$ref() == null && Set.of("object").containsAll(types(s)) && !hasProperties(s)
        && s.getItems() == null && additionalProperties(s) == null && allOf(s).isEmpty() && oneOrAnyOf(s).isEmpty()
        && (s.getEnum() == null || s.getEnum().stream().allMatch(Objects::isNull)) && s.getConst() == null;
  }

  static boolean hasProperties(Schema<?> s) {
    return s.getProperties() != null && !s.getProperties().isEmpty();
  }

  @SuppressWarnings("unchecked")
  static List<Schema<?>> oneOrAnyOf(Schema<?> s) {
    if (s.getOneOf() != null && !s.getOneOf().isEmpty()) {
      return present((List<Schema<?>>) (List<?>) s.getOneOf());
    }
    if (s.getAnyOf() != null && !s.getAnyOf().isEmpty()) {
      return present((List<Schema<?>>) (List<?>) s.getAnyOf());
    }
    return List.of();
  }

  static String unionKeyword(Schema<?> s) {
    return s.getOneOf() != null && !s.getOneOf().isEmpty() ? "oneOf" : "anyOf";
  }

  @SuppressWarnings("unchecked")
  static List<Schema<?>> allOf(Schema<?> s) {
    return s.getAllOf() == null ? List.of() : present((List<Schema<?>>) (List<?>) s.getAllOf());
  }

  /** Members written as null (a YAML list entry with no value) read as empty schemas. */
  private static List<Schema<?>> present(List<Schema<?>> members) {
    return members.stream().map(m -> m == null ? (Schema<?>) new Schema<>() : m).toList();
  }

  /** The schema of additionalProperties, {@code true} for a free-form map, or null. */
  static Object additionalProperties(Schema<?> s) {
    Object ap = s.getAdditionalProperties();
    if (ap instanceof Schema<?> schema && schema.getBooleanSchemaValue() != null) {
      return schema.getBooleanSchemaValue() ? Boolean.TRUE : null;
    }
    return Boolean.FALSE.equals(ap) ? null : ap;
  }

  /** Whether the schema says nothing about the value's shape (only docs, or nothing at all). */
  public static boolean isShapeless(Schema<?> s) {
    return types(s).isEmpty() && s.get$ref() == null && !hasProperties(s) && s.getItems() == null
        && additionalProperties(s) == null && allOf(s).isEmpty() && oneOrAnyOf(s).isEmpty()
        && (s.getEnum() == null || s.getEnum().isEmpty()) && s.getConst() == null;
  }

  /** The union members that stand for more than {@code null} ({@link #isNullMember}). */
  static List<Schema<?>> nonNull(List<Schema<?>> members) {
    List<Schema<?>> nonNull = new ArrayList<>(members.size());
    for (Schema<?> member : members) {
      if (!isNullMember(member)) {
        nonNull.add(member);
      }
    }
    return Collections.unmodifiableList(nonNull);
  }
}
