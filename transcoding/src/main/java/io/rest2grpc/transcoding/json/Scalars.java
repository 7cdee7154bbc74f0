package io.rest2grpc.transcoding.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.transcoding.UnicodeText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/** Reading scalar values leniently (numbers from strings, base64 of any flavour), as proto3 JSON parsers do. */
final class Scalars {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Scalars() {}

  /** Reads the current token as a value for a field of this type (not enum, not message). */
  static Object read(JsonParser p, FieldDescriptor.Type type) throws IOException {
    return switch (type) {
      case INT32, SINT32, SFIXED32 -> (int) integer(p, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case UINT32, FIXED32 -> (int) integer(p, 0, 0xFFFF_FFFFL);
      case INT64, SINT64, SFIXED64 -> int64(p);
      case UINT64, FIXED64 -> uint64(p);
      case DOUBLE -> floating(p);
      case FLOAT -> (float) floating(p);
      case BOOL -> bool(p);
      case STRING -> string(p);
      case BYTES -> bytes(string(p));
      default -> throw new IllegalArgumentException(type + " is not a scalar");
    };
  }

  private static long integer(JsonParser p, long min, long max) throws IOException {
    BigInteger value = bigInteger(p);
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new InvalidValue(value + " is out of range [" + min + ", " + max + "]");
    }
    return value.longValue();
  }

  private static long int64(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue(); // the common case, without BigInteger
    }
    BigInteger value = bigInteger(p);
    if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
      throw new InvalidValue(value + " is out of the int64 range");
    }
    return value.longValue();
  }

  private static long uint64(JsonParser p) throws IOException {
    BigInteger value = bigInteger(p);
    if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
      throw new InvalidValue(value + " is out of the uint64 range");
    }
    return value.longValue();
  }

  /** An integer from a JSON number or a numeric string; 1e3 and 2.0 are accepted, 2.5 is not. */
  private static BigInteger bigInteger(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return p.getBigIntegerValue();
    }
    BigDecimal decimal;
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      decimal = p.getDecimalValue();
    } else if (token == JsonToken.VALUE_STRING) {
      try {
        decimal = new BigDecimal(p.getText().trim());
      } catch (NumberFormatException e) {
        throw new InvalidValue("'" + p.getText() + "' is not an integer");
      }
    } else {
      throw new InvalidValue("expected an integer, got " + describe(token));
    }
    if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > 20) {
      // beyond every integer range (uint64 has 20 digits); expanding 1E156285400 would take minutes
      throw new InvalidValue(decimal + " is out of every integer range");
    }
    try {
      return decimal.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new InvalidValue(decimal + " is not an integer");
    }
  }

  private static double floating(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = p.getText().trim();
      switch (text) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new InvalidValue("'" + text + "' is not a number");
          }
      }
    }
    throw new InvalidValue("expected a number, got " + describe(token));
  }

  private static boolean bool(JsonParser p) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw new InvalidValue("expected true or false, got " + describe(token));
  }

  static String string(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new InvalidValue("expected a string, got " + describe(p.currentToken()));
    }
    String text = p.getText();
    int unpaired = UnicodeText.firstUnpaired(text, 0);
    if (unpaired >= 0) {
      // "\ud800" is valid JSON but no Unicode text: a proto string could not be serialized
      throw new InvalidValue("the string has an unpaired surrogate (\\u" + Integer.toHexString(text.charAt(unpaired)) + "), which is no Unicode text");
    }
    return text;
  }


  /** Standard or URL-safe base64, padded or not. */
  static ByteString bytes(String base64) {
    try {
      String standard = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
          ? base64.replace('-', '+').replace('_', '/') : base64;
      return ByteString.copyFrom(Base64.getDecoder().decode(standard.trim()));
    } catch (IllegalArgumentException e) {
      throw new InvalidValue("not base64: " + e.getMessage());
    }
  }

  /** A map key from its JSON property name. */
  static Object key(String text, FieldDescriptor keyField) {
    try {
      return switch (keyField.getType()) {
        case STRING -> text;
        case BOOL -> switch (text) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new InvalidValue("map key '" + text + "' is not true or false");
        };
        case INT32, SINT32, SFIXED32 -> Integer.parseInt(text);
        case UINT32, FIXED32 -> Integer.parseUnsignedInt(text);
        case UINT64, FIXED64 -> Long.parseUnsignedLong(text);
        default -> Long.parseLong(text);
      };
    } catch (NumberFormatException e) {
      throw new InvalidValue("map key '" + text + "' is not a " + keyField.getType().name().toLowerCase());
    }
  }

  /** A map key as its JSON property name. */
  static String keyText(Object key, FieldDescriptor keyField) {
    return switch (keyField.getType()) {
      case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) key);
      case UINT64, FIXED64 -> Long.toUnsignedString((Long) key);
      default -> key.toString();
    };
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "the end of input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }
}
