package io.rest2grpc.transcoding.equivalence;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonBoolean;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNull;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNumber;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonString;
import io.rest2grpc.transcoding.json.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;

/**
 * Equivalence of two scalar JSON values (string, number, boolean, null) of one non-message field:
 * 64-bit integers as number or numeric string, enums by wire value, name or number, and the
 * date-time, date, time and duration formats. Each method answers why the values differ, or
 * {@code null} when they are equivalent.
 */
final class EquivalenceScalars {
  private EquivalenceScalars() {}

  static String difference(FieldDescriptor field, EquivalenceJson expected, EquivalenceJson actual) {
    if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
      return enums(field.getEnumType(), expected, actual);
    }
    if (isInt64(field)) {
      return compareAs(expected, actual, EquivalenceScalars::integer, "different number");
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.FLOAT) {
      // a float field holds 24 bits of mantissa: 0.00743999984 and 0.00744 are the same float
      return compareAs(expected, actual, v -> v instanceof JsonNumber n ? (Float) n.value().floatValue() : null, "different number");
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
      Format format = field.getOptions().getExtension(OptionsProto.field).getFormat();
      return switch (format) {
        case FORMAT_DATE_TIME -> instants(expected, actual);
        case FORMAT_DATE, FORMAT_TIME -> compareAs(expected, actual, v -> string(v) == null ? null : string(v).trim(),
            "different " + (format == Format.FORMAT_DATE ? "date" : "time"));
        case FORMAT_DURATION -> durations(expected, actual);
        default -> EquivalenceSchemaless.scalarDifference(expected, actual);
      };
    }
    return EquivalenceSchemaless.scalarDifference(expected, actual);
  }

  /** Whether a value of {@code field} may take this JSON form at all (for choosing a union variant). */
  static boolean readable(FieldDescriptor field, EquivalenceJson value) {
    if (value == JsonNull.NULL) {
      return true;
    }
    return switch (field.getJavaType()) {
      case BOOLEAN -> value instanceof JsonBoolean;
      case STRING, BYTE_STRING -> value instanceof JsonString;
      case ENUM -> value instanceof JsonString || value instanceof JsonNumber;
      case LONG -> integer(value) != null;
      case INT, FLOAT, DOUBLE -> value instanceof JsonNumber;
      case MESSAGE -> false;
    };
  }

  static boolean isString(EquivalenceJson value) {
    return value instanceof JsonString || value == JsonNull.NULL;
  }

  /** RFC 3339 date-times by the instant they name, whatever the offset and fractional digits. */
  static String instants(EquivalenceJson expected, EquivalenceJson actual) {
    return compareAs(expected, actual, EquivalenceScalars::instant, "different instant");
  }

  /** ISO 8601 ("PT1.5S") and proto3 JSON ("1.5s") durations by their length. */
  static String durations(EquivalenceJson expected, EquivalenceJson actual) {
    return compareAs(expected, actual, EquivalenceScalars::seconds, "different duration");
  }

  private static boolean isInt64(FieldDescriptor field) {
    return switch (field.getType()) {
      case INT64, UINT64, FIXED64, SINT64, SFIXED64 -> true;
      default -> false;
    };
  }

  /**
   * Compares the values {@code read} makes of both sides; where either side cannot be read that way
   * (a malformed date, a number where a string belongs), falls back to plain JSON equivalence.
   */
  private static <T extends Comparable<T>> String compareAs(EquivalenceJson expected, EquivalenceJson actual,
      Function<EquivalenceJson, T> read, String reason) {
    T e = read.apply(expected);
    T a = read.apply(actual);
    if (e == null || a == null) {
      return EquivalenceSchemaless.scalarDifference(expected, actual);
    }
    return e.compareTo(a) == 0 ? null : reason;
  }

  private static String enums(EnumDescriptor type, EquivalenceJson expected, EquivalenceJson actual) {
    EnumValueDescriptor e = EquivalenceEnums.resolve(type, expected);
    EnumValueDescriptor a = EquivalenceEnums.resolve(type, actual);
    if (e == null || a == null) {
      return EquivalenceSchemaless.scalarDifference(expected, actual); // an unknown value equals only itself
    }
    return e.getNumber() == a.getNumber() ? null : "different enum value";
  }

  private static String string(EquivalenceJson value) {
    return value instanceof JsonString s ? s.value() : null;
  }

  private static BigDecimal integer(EquivalenceJson value) {
    if (value instanceof JsonNumber n) {
      return n.value();
    }
    try {
      return value instanceof JsonString s ? new BigDecimal(s.value()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The same parsing as the codec's ({@link Times}), so what one prints the other reads. */
  private static Instant instant(EquivalenceJson value) {
    return value instanceof JsonString s ? Times.readTimestamp(s.value().trim()).orElse(null) : null;
  }

  private static BigDecimal seconds(EquivalenceJson value) {
    String text = string(value);
    if (text == null) {
      return null;
    }
    return Times.readSeconds(text).orElse(null);
  }

}
