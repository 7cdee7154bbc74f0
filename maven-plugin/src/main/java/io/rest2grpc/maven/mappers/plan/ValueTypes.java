package io.rest2grpc.maven.mappers.plan;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import io.rest2grpc.maven.mappers.dto.JavaType;
import io.rest2grpc.maven.mappers.dto.JavaType.ArrayOf;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import io.rest2grpc.options.v1.Format;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Conversions of scalar fields and of the well-known message types, which need no mapper of their own. */
final class ValueTypes {

  private static final Set<String> TIMESTAMP_TYPES = Set.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime");

  /** Wrapper message → the boxed Java type it holds. */
  private static final Map<String, String> WRAPPERS = Map.of(
      "google.protobuf.Int32Value", "java.lang.Integer", "google.protobuf.Int64Value", "java.lang.Long",
      "google.protobuf.BoolValue", "java.lang.Boolean", "google.protobuf.StringValue", "java.lang.String",
      "google.protobuf.DoubleValue", "java.lang.Double", "google.protobuf.FloatValue", "java.lang.Float");

  private ValueTypes() {}

  /** A conversion for a well-known message type ({@code google.protobuf.*}), or the problem. */
  static Result wellKnown(FieldDescriptor field, JavaType type) {
    String message = field.getMessageType().getFullName();
    if (message.equals("google.protobuf.Timestamp")) {
      return is(type, TIMESTAMP_TYPES) ? Result.of(new Conversion.Timestamp(((Declared) type).qualifiedName()))
          : Result.problem("a Timestamp field needs an Instant, OffsetDateTime or ZonedDateTime property");
    }
    if (message.equals("google.protobuf.Duration")) {
      return is(type, Set.of("java.time.Duration")) ? Result.of(new Conversion.Duration())
          : Result.problem("a Duration field needs a java.time.Duration property");
    }
    if (WRAPPERS.containsKey(message)) {
      return is(type, Set.of(WRAPPERS.get(message))) ? Result.of(new Conversion.Wrapper(message))
          : Result.problem("a " + message + " field needs a " + WRAPPERS.get(message) + " property");
    }
    return Result.problem(message + " holds free-form JSON or has no Java counterpart; a typed mapper would need JSON");
  }

  /** A conversion for a scalar field, or the problem. */
  static Result scalar(FieldDescriptor field, JavaType type) {
    Type protoType = field.getType();
    if (Set.of(Type.UINT32, Type.FIXED32, Type.UINT64, Type.FIXED64).contains(protoType)) {
      return Result.problem("unsigned " + protoType.name().toLowerCase() + " has no Java type that prints the same values");
    }
    return switch (field.getJavaType()) {
      case INT -> same(type, "int", "java.lang.Integer");
      case LONG -> is(type, Set.of("java.math.BigInteger")) ? Result.of(new Conversion.BigNumber("java.math.BigInteger"))
          : same(type, "long", "java.lang.Long");
      case FLOAT -> same(type, "float", "java.lang.Float");
      case DOUBLE -> is(type, Set.of("java.math.BigDecimal")) ? Result.of(new Conversion.BigNumber("java.math.BigDecimal"))
          : same(type, "double", "java.lang.Double");
      case BOOLEAN -> same(type, "boolean", "java.lang.Boolean");
      case STRING -> string(field, type);
      case BYTE_STRING -> type.equals(new ArrayOf(new Primitive("byte"))) ? Result.of(new Conversion.Bytes())
          : Result.problem("a bytes field needs a byte[] property");
      default -> Result.problem("unexpected field type " + protoType);
    };
  }

  private static Result string(FieldDescriptor field, JavaType type) {
    if (is(type, Set.of("java.lang.String"))) {
      return Result.of(new Conversion.Same());
    }
    if (is(type, Set.of("java.time.LocalDate"))) {
      return ProtoOptions.format(field) == Format.FORMAT_DATE ? Result.of(new Conversion.DateString())
          : Result.problem("a LocalDate property needs a string field of format date");
    }
    if (is(type, Set.of("java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID"))) {
      return Result.of(new Conversion.ParsedString(((Declared) type).qualifiedName()));
    }
    return Result.problem("a string field needs a String, LocalDate (format date), BigDecimal, BigInteger or UUID property");
  }

  private static Result same(JavaType type, String primitive, String boxed) {
    return type.equals(new Primitive(primitive)) || is(type, Set.of(boxed)) ? Result.of(new Conversion.Same())
        : Result.problem("the field needs a " + primitive + " or " + boxed + " property");
  }

  static boolean is(JavaType type, Set<String> qualifiedNames) {
    return type instanceof Declared declared && qualifiedNames.contains(declared.qualifiedName());
  }

  /** A conversion, or why there is none. */
  record Result(Optional<Conversion> conversion, String problem) {
    static Result of(Conversion conversion) {
      return new Result(Optional.of(conversion), "");
    }

    static Result problem(String problem) {
      return new Result(Optional.empty(), problem);
    }
  }
}
