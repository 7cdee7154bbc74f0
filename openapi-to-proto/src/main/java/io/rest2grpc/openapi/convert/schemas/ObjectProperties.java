package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.transcoding.JsonPointer;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the members of a JSON object schema the way a heuristic needs them: properties with where
 * each is written, through {@code $ref}s, {@code allOf} members and the first object variant of a
 * {@code oneOf}/{@code anyOf}; names matched ignoring case. Used where the converter recognises
 * conventions by member names (error bodies, list envelopes); an unresolvable {@code $ref} reads as
 * no schema, since the schema converter reports it where it matters.
 */
public final class ObjectProperties {
  private static final int MAX_DEPTH = 16;

  private final RefResolver refs;

  public ObjectProperties(RefResolver refs) {
    this.refs = refs;
  }

  /** The schema a possibly-$ref schema stands for, or null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Located<Schema<?>> resolve(Schema<?> schema, SourceLocation at) {
    if (schema == null) {
      return null;
    }
    try {
      Located<Schema> located = refs.schema(schema, at);
      return located.value() == null ? null : (Located) located;
    } catch (ConversionException e) {
      return null;
    }
  }

  /** The object's properties by name, in document order (empty for anything but an object). */
  public Map<String, Located<Schema<?>>> of(Located<Schema<?>> schema) {
    Map<String, Located<Schema<?>>> properties = new LinkedHashMap<>();
    if (schema != null) {
      collect(schema.value(), schema.location(), properties, 0);
    }
    return properties;
  }

  /** The names the object requires, its allOf parts' included. */
  public Set<String> required(Located<Schema<?>> schema) {
    Set<String> required = new HashSet<>();
    if (schema != null) {
      collectRequired(schema.value(), schema.location(), required, 0);
    }
    return required;
  }

  private void collectRequired(Schema<?> schema, SourceLocation at, Set<String> into, int depth) {
    Located<Schema<?>> resolved = resolve(schema, at);
    if (resolved == null || depth > MAX_DEPTH) {
      return;
    }
    if (resolved.value().getRequired() != null) {
      into.addAll(resolved.value().getRequired());
    }
    List<Schema<?>> allOf = Schemas.allOf(resolved.value());
    for (int i = 0; i < allOf.size(); i++) {
      collectRequired(allOf.get(i), resolved.location().child("allOf").child(Integer.toString(i)), into, depth + 1);
    }
  }

  /** The items schema of an array schema, or null. */
  public Located<Schema<?>> items(Located<Schema<?>> array) {
    if (array == null) {
      return null;
    }
    Located<Schema<?>> resolved = resolve(array.value(), array.location());
    return resolved == null || resolved.value().getItems() == null ? null
        : resolve(resolved.value().getItems(), resolved.location().child("items"));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void collect(Schema<?> schema, SourceLocation at, Map<String, Located<Schema<?>>> into, int depth) {
    Located<Schema<?>> resolved = resolve(schema, at);
    if (resolved == null || depth > MAX_DEPTH) {
      return;
    }
    Schema<?> s = resolved.value();
    SourceLocation where = resolved.location();
    if (Schemas.hasProperties(s)) {
      ((Map<String, Schema>) (Map) s.getProperties()).forEach((name, property) -> {
        if (property != null && !into.containsKey(name)) {
          Located<Schema<?>> p = resolve(property, where.child("properties").child(name));
          if (p != null) {
            into.put(name, p);
          }
        }
      });
    }
    List<Schema<?>> allOf = Schemas.allOf(s);
    for (int i = 0; i < allOf.size(); i++) {
      collect(allOf.get(i), where.child("allOf").child(Integer.toString(i)), into, depth + 1);
    }
    List<Schema<?>> variants = Schemas.oneOrAnyOf(s);
    for (int i = 0; i < variants.size() && into.isEmpty(); i++) {
      collect(variants.get(i), where.child(Schemas.unionKeyword(s)).child(Integer.toString(i)), into, depth + 1);
    }
  }

  /** The property whose name equals the candidate, ignoring case, or null. */
  public static String find(Map<String, ?> properties, String candidate) {
    if (properties.containsKey(candidate)) {
      return candidate;
    }
    for (String name : properties.keySet()) {
      if (name.toLowerCase(Locale.ROOT).equals(candidate)) {
        return name;
      }
    }
    return null;
  }

  /** An RFC 6901 pointer: base plus one escaped token. */
  public static String pointer(String base, String token) {
    return JsonPointer.child(base, token);
  }
}
