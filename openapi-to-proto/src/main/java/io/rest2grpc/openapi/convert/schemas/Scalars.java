package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.JsonValue;
import io.rest2grpc.openapi.proto.TypeRef;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The proto scalar of a JSON Schema scalar (module README, "Types"): integer by format (int64 without
 * one), number (double without a format), boolean, string ({@code date-time} → Timestamp,
 * {@code byte}/{@code binary} → bytes); what the scalar cannot say (a string's format, a constant,
 * the allowed values) goes into the field's options.
 */
final class Scalars {
  private Scalars() {}

  /** {@code options} with what the scalar cannot say: a string's format, the constant, the allowed values. */
  static FieldOptions options(Schema<?> s, FieldOptions options) {
    String format = s.getFormat();
    if (type(s).equals("string") && format != null && !format.isEmpty()) {
      options = options.withFormat(format);
    }
    if (s.getConst() != null) {
      options = options.withConstValue(JsonValue.of(s.getConst()));
    }
    List<Object> values = enumValues(s);
    return values.isEmpty() ? options : options.withAllowedValues(values);
  }

  static TypeRef of(Schema<?> s) {
    String format = s.getFormat();
    String type = type(s);
    String f = format == null ? "" : format;
    return switch (type) {
      case "integer" -> switch (f) {
        case "int32", "int16", "int8" -> TypeRef.INT32;
        case "uint32" -> TypeRef.scalar("uint32");
        case "uint64" -> TypeRef.scalar("uint64");
        default -> TypeRef.INT64;
      };
      case "number" -> switch (f) {
        case "float" -> TypeRef.scalar("float");
        case "int32" -> TypeRef.INT32;
        case "int64" -> TypeRef.INT64;
        default -> TypeRef.DOUBLE;
      };
      case "boolean" -> TypeRef.BOOL;
      default -> switch (f) {
        case "date-time" -> TypeRef.TIMESTAMP;
        case "byte", "binary" -> TypeRef.BYTES;
        default -> TypeRef.STRING;
      };
    };
  }

  /** The JSON type: the declared one ({@code number} wins over {@code integer}), else that of the constant or first enum value. */
  private static String type(Schema<?> s) {
    Set<String> types = Schemas.types(s);
    if (types.contains("number")) {
      return "number";
    }
    if (!types.isEmpty()) {
      return types.iterator().next();
    }
    Object sample = s.getConst() != null ? s.getConst() : enumValues(s).stream().findFirst().orElse(null);
    if (sample instanceof Boolean) {
      return "boolean";
    }
    if (sample instanceof Number) {
      return isIntegral(sample) ? "integer" : "number";
    }
    return "string";
  }

  /** The schema's enum values without duplicates and without null (null is presence, not a value). */
  static List<Object> enumValues(Schema<?> s) {
    if (s.getEnum() == null) {
      return List.of();
    }
    Set<Object> values = new LinkedHashSet<>(s.getEnum());
    values.remove(null);
    return new ArrayList<>(values);
  }

  static boolean isIntegral(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return true;
    }
    return v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
  }
}
