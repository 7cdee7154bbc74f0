package io.rest2grpc.openapi.proto;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.QueryStyle;
import io.rest2grpc.options.v1.RestField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a field's REST member says that proto3 JSON cannot carry, as the spec writes it: the fields
 * of its {@code rest2grpc.options.v1.RestField} option ({@link #option()}). Absent values are null or
 * false; {@code format}, {@code queryStyle}, {@code int64Json} and {@code emission} hold the spec's
 * words ({@code date-time}, {@code pipeDelimited}, {@code string}, {@code EMISSION_NON_NULL}), which
 * the option narrows to its constants.
 */
public record FieldOptions(
    String restName,
    String format,
    JsonValue defaultValue,
    JsonValue constValue,
    List<Object> allowedValues,
    boolean nullable,
    boolean nullElements,
    boolean unwrappedMap,
    String header,
    String cookie,
    String queryStyle,
    String int64Json,
    String emission,
    String partContentType) {

  public FieldOptions {
    allowedValues = allowedValues == null ? null : Collections.unmodifiableList(new ArrayList<>(allowedValues));
  }

  public static final FieldOptions NONE = new FieldOptions(null, null, null, null, null, false, false, false, null, null, null, null, null, null);

  public FieldOptions withRestName(String restName) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withFormat(String format) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withDefaultValue(JsonValue defaultValue) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withConstValue(JsonValue constValue) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withAllowedValues(List<Object> allowedValues) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withNullable() {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, true, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withNullElements() {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, true, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withUnwrappedMap() {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, true, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withHeader(String header) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withCookie(String cookie) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withQueryStyle(String queryStyle) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withInt64Json(String int64Json) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  public FieldOptions withEmission(String emission) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  /** A multipart part's media type (the spec's encoding.contentType). */
  public FieldOptions withPartContentType(String partContentType) {
    return new FieldOptions(restName, format, defaultValue, constValue, allowedValues, nullable, nullElements, unwrappedMap, header,
        cookie, queryStyle, int64Json, emission, partContentType);
  }

  /** The field option. */
  public RestField option() {
    RestField.Builder b = RestField.newBuilder();
    if (restName != null) {
      b.setRestName(restName);
    }
    if (format != null) {
      b.setFormat(format(format)).setFormatName(format);
    }
    if (defaultValue != null) {
      b.setDefaultValue(value(defaultValue.value()));
    }
    if (constValue != null) {
      b.setConstValue(value(constValue.value()));
    }
    if (allowedValues != null) {
      allowedValues.forEach(v -> b.addAllowedValues(value(v)));
    }
    b.setNullable(nullable).setNullElements(nullElements).setUnwrappedMap(unwrappedMap);
    if (header != null) {
      b.setHeader(header);
    }
    if (cookie != null) {
      b.setCookie(cookie);
    }
    if (queryStyle != null) {
      b.setQueryStyle(queryStyle(queryStyle));
    }
    if (partContentType != null) {
      b.setPartContentType(partContentType);
    }
    return b.setInt64Encoding(Encodings.int64(int64Json)).setEmission(Encodings.emission(emission)).build();
  }

  private static Format format(String format) {
    return switch (format) {
      case "date" -> Format.FORMAT_DATE;
      case "time" -> Format.FORMAT_TIME;
      case "date-time" -> Format.FORMAT_DATE_TIME;
      case "duration" -> Format.FORMAT_DURATION;
      default -> Format.FORMAT_OTHER;
    };
  }

  private static QueryStyle queryStyle(String style) {
    return switch (style) {
      case "deepObject" -> QueryStyle.QUERY_STYLE_DEEP_OBJECT;
      case "pipeDelimited" -> QueryStyle.QUERY_STYLE_PIPE;
      case "spaceDelimited" -> QueryStyle.QUERY_STYLE_SPACE;
      case "comma-separated" -> QueryStyle.QUERY_STYLE_COMMA;
      default -> QueryStyle.QUERY_STYLE_EXPLODED_OBJECT;
    };
  }

  /** A JSON value from the spec as a google.protobuf.Value. */
  static Value value(Object v) {
    if (v == null) {
      return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }
    if (v instanceof Boolean bool) {
      return Value.newBuilder().setBoolValue(bool).build();
    }
    if (v instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    if (v instanceof Map<?, ?> map) {
      Struct.Builder struct = Struct.newBuilder();
      map.forEach((k, item) -> struct.putFields(k.toString(), value(item)));
      return Value.newBuilder().setStructValue(struct).build();
    }
    if (v instanceof List<?> items) {
      ListValue.Builder list = ListValue.newBuilder();
      items.forEach(item -> list.addValues(value(item)));
      return Value.newBuilder().setListValue(list).build();
    }
    return Value.newBuilder().setStringValue(v.toString()).build();
  }
}
