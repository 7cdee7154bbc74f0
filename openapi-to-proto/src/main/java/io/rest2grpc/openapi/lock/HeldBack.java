package io.rest2grpc.openapi.lock;

import io.rest2grpc.openapi.lock.Lock.Field;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.TypeRef;
import java.util.List;
import java.util.Set;

/**
 * A locked field whose REST type the spec refined, kept as the lock has it: its locked proto type
 * (which holds every value of the refined type, so the REST JSON is the same) and what the refined
 * type says in its options: the format ({@code date-time}, {@code int32}) and, for an enum, the allowed
 * values. The message or enum the refined schema became is still written, unused by this field.
 */
final class HeldBack {
  /** Numeric scalars, whose spec format ({@code int32}, {@code float}) is their proto type. */
  private static final Set<String> NUMBERS = Set.of("int32", "uint32", "uint64", "float");

  private HeldBack() {}

  /** The field with its locked type; null when that type cannot be written again (a message or enum the conversion no longer has). */
  static ProtoField field(ProtoField field, Field locked, RestSchemas schemas) {
    TypeRef type = RestSchemas.keepable(locked.type());
    if (type == null) {
      return null;
    }
    FieldOptions options = field.options() == null ? FieldOptions.NONE : field.options();
    ProtoEnum refined = field.type().kind() == TypeRef.Kind.LOCAL ? schemas.enumNamed(field.type().name()) : null;
    if (refined != null && options.allowedValues() == null) {
      List<Object> values = refined.values().stream().filter(v -> v.restValue() != null && v.restValue().value() != null)
          .map(v -> v.restValue().value()).toList();
      options = options.withAllowedValues(values);
    }
    if (options.format() == null && NUMBERS.contains(field.type().name()) && !field.type().equals(type)) {
      options = options.withFormat(field.type().name());
    }
    return new ProtoField(field.name(), field.number(), type, cardinality(locked.type(), field.cardinality()), field.jsonName(),
        field.oneof(), field.behaviors(), field.deprecated(), field.comment(), field.source(), options);
  }

  /** The locked kind; presence as converted where both are singular (it may come and go). */
  private static Cardinality cardinality(String locked, Cardinality current) {
    Cardinality kind = locked.startsWith("repeated ") ? Cardinality.REPEATED
        : locked.startsWith("map<") ? Cardinality.MAP
        : locked.startsWith("optional ") ? Cardinality.OPTIONAL
        : Cardinality.SINGULAR;
    boolean singular = kind == Cardinality.SINGULAR || kind == Cardinality.OPTIONAL;
    return singular && (current == Cardinality.SINGULAR || current == Cardinality.OPTIONAL) ? current : kind;
  }
}
