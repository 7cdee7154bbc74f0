package io.rest2grpc.transcoding.paging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as plain Java values, parsed and printed on jackson-core (the module does not
 * depend on databind): {@code Map<String, Object>} in member order, {@code List<Object>},
 * {@code String}, {@code BigInteger} or {@code BigDecimal} (so 64-bit ids and decimals keep every
 * digit), {@code Boolean} and {@link #NULL}. The paging transform moves values between envelopes
 * without interpreting them, so it needs no schema.
 */
final class JsonTree {
  /** Jackson's own limit on a number's length: a plain form longer than that is no REST value. */
  private static final int MAX_PLAIN_DIGITS = 1000;
  /** JSON {@code null}; a Java null never appears in a tree. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonTree() {}

  /** Parses one JSON value; {@code what} names the document in the error ("the REST response body"). */
  static Object parse(String json, String what) {
    try (JsonParser in = FACTORY.createParser(json)) {
      if (in.nextToken() == null) {
        throw new IllegalArgumentException(what + " is empty; a list response has a JSON body");
      }
      Object value = read(in);
      if (in.nextToken() != null) {
        throw new IllegalArgumentException(what + " has content after its JSON value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
  }

  static String print(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asArray(Object value) {
    return value instanceof List<?> ? (List<Object>) value : null;
  }

  /** A scalar as the text a query parameter or a cursor would carry; null for null, objects and arrays. */
  static String scalarText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      // the plain form of a huge exponent (1e999999999: eleven bytes of a response body) would take
      // gigabytes; such a number is no id and no count, and its scientific form says as much
      return Math.abs((long) d.scale()) > MAX_PLAIN_DIGITS ? d.toString() : d.toPlainString();
    }
    return value instanceof BigInteger || value instanceof Boolean ? value.toString() : null;
  }

  private static Object read(JsonParser in) throws IOException {
    JsonToken token = in.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          in.nextToken();
          object.put(name, read(in));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(in));
        }
        return array;
      }
      case VALUE_STRING -> {
        return in.getText();
      }
      case VALUE_NUMBER_INT -> {
        return in.getBigIntegerValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return in.getDecimalValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return token == JsonToken.VALUE_TRUE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    }
  }

  private static void write(Object value, JsonGenerator out) throws IOException {
    if (value instanceof Map<?, ?> object) {
      out.writeStartObject();
      for (Map.Entry<?, ?> member : object.entrySet()) {
        out.writeFieldName((String) member.getKey());
        write(member.getValue(), out);
      }
      out.writeEndObject();
    } else if (value instanceof List<?> array) {
      out.writeStartArray();
      for (Object element : array) {
        write(element, out);
      }
      out.writeEndArray();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof BigInteger i) {
      out.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      out.writeNumber(d);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value == NULL) {
      out.writeNull();
    } else {
      throw new IllegalArgumentException("not a JSON tree value: " + value.getClass().getName());
    }
  }
}
