package io.rest2grpc.transcoding.requests;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.QueryStyle;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The fields of a message that travel as REST parameters — query or form parameters, headers,
 * cookies — by their REST names and recorded styles, both ways. Query names are the REST name
 * ({@code RestField.rest_name}, else the JSON name); the proto name and dotted field paths
 * ({@code book.id}, as {@code google.api.http} defines them) are accepted too.
 */
final class ParameterFields {
  /** One field as a parameter: where it travels and under which name. */
  record Parameter(FieldDescriptor field, String name, Location location, QueryStyle style) {}

  private final List<Parameter> parameters = new ArrayList<>();
  private final Map<String, Parameter> queryByName = new HashMap<>();
  private final Descriptor type;
  private final RestJson json;

  ParameterFields(Descriptor type, Set<FieldDescriptor> excluded, RestJson json) {
    this.type = type;
    this.json = json;
    for (FieldDescriptor field : type.getFields()) {
      if (excluded.contains(field)) {
        continue;
      }
      RestField rest = field.getOptions().getExtension(OptionsProto.field);
      Parameter parameter = !rest.getHeader().isEmpty() ? new Parameter(field, rest.getHeader(), Location.HEADER, rest.getQueryStyle())
          : !rest.getCookie().isEmpty() ? new Parameter(field, rest.getCookie(), Location.COOKIE, rest.getQueryStyle())
          : new Parameter(field, RestJson.restName(field), Location.QUERY, rest.getQueryStyle());
      parameters.add(parameter);
      if (parameter.location() == Location.QUERY) {
        queryByName.putIfAbsent(field.getName(), parameter);
        queryByName.putIfAbsent(field.getJsonName(), parameter);
        queryByName.put(parameter.name(), parameter);
      }
    }
  }

  List<Parameter> parameters() {
    return List.copyOf(parameters);
  }

  // REST -> gRPC

  /**
   * Binds every query (or form) parameter that names a field into {@code builder}; returns the
   * names of those that name none and are not {@code claimed} elsewhere (paging), for the caller's
   * unknown-parameter policy.
   */
  List<String> bindQuery(Map<String, List<String>> query, Set<String> claimed, Message.Builder builder, Location location) {
    List<String> unknown = new ArrayList<>();
    Parameter explodedMap = parameters.stream().filter(p -> p.location() == Location.QUERY && p.field().isMapField()
        && p.style() == QueryStyle.QUERY_STYLE_EXPLODED_OBJECT).findFirst().orElse(null);
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      if (bindQueryParameter(entry.getKey(), entry.getValue(), builder, location) || claimed.contains(entry.getKey())) {
        continue;
      }
      if (explodedMap != null) {
        // form, explode of a free-form object: every parameter no field names is one of its entries
        for (String value : entry.getValue()) {
          parse(entry.getKey(), location, () -> json.parseEntryText(entry.getKey(), value, builder, explodedMap.field()));
        }
      } else {
        unknown.add(entry.getKey());
      }
    }
    return unknown;
  }

  private boolean bindQueryParameter(String name, List<String> values, Message.Builder builder, Location location) {
    Parameter parameter = queryByName.get(name);
    if (parameter != null) {
      bindValues(parameter, values, builder, location);
      return true;
    }
    int bracket = name.indexOf('[');
    if (bracket > 0 && name.endsWith("]")) {
      Parameter object = queryByName.get(name.substring(0, bracket));
      if (object != null && object.style() == QueryStyle.QUERY_STYLE_DEEP_OBJECT) {
        List<String> keys = List.of(name.substring(bracket + 1, name.length() - 1).split("\\]\\[", -1)); // where[][] has empty keys, not none
        bindDeep(object.field(), keys, 0, values, builder, name, location);
        return true;
      }
    }
    for (Parameter object : parameters) {
      if (object.style() == QueryStyle.QUERY_STYLE_EXPLODED_OBJECT && object.field().getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        FieldDescriptor property = property(object.field().getMessageType(), name);
        if (property != null) {
          bindNested(builder, object.field(), nested -> bindText(property, values, nested, name, location, QueryStyle.QUERY_STYLE_UNSPECIFIED));
          return true;
        }
      }
    }
    int dot = name.indexOf('.');
    if (dot > 0) {
      try {
        List<FieldDescriptor> path = FieldPaths.resolve(type, name);
        FieldPaths.update(builder, path, (holder, leaf) -> bindText(leaf, values, holder, name, location, QueryStyle.QUERY_STYLE_UNSPECIFIED));
        return true;
      } catch (IllegalArgumentException notAPath) {
        return false;
      }
    }
    return false;
  }

  /** {@code where[a][b]=1}: the keys lead through messages to a field, or name a map entry. */
  private void bindDeep(FieldDescriptor field, List<String> keys, int at, List<String> values, Message.Builder builder,
      String name, Location location) {
    if (field.isMapField()) {
      for (String value : values) {
        parse(name, location, () -> json.parseEntryText(keys.get(at), value, builder, field));
      }
      return;
    }
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()) {
      throw new InvalidRequest(location, name, "'" + field.getName() + "' is not an object");
    }
    FieldDescriptor property = property(field.getMessageType(), keys.get(at));
    if (property == null) {
      throw new InvalidRequest(location, name, field.getMessageType().getName() + " has no property '" + keys.get(at) + "'");
    }
    bindNested(builder, field, nested -> {
      if (at == keys.size() - 1) {
        bindText(property, values, nested, name, location, QueryStyle.QUERY_STYLE_UNSPECIFIED);
      } else {
        bindDeep(property, keys, at + 1, values, nested, name, location);
      }
    });
  }

  private void bindValues(Parameter parameter, List<String> values, Message.Builder builder, Location location) {
    bindText(parameter.field(), values, builder, parameter.name(), location, parameter.style());
  }

  /** Sets a singular field from the first value, or adds every value (split by the style's delimiter) to a repeated one. */
  private void bindText(FieldDescriptor field, List<String> values, Message.Builder builder, String name, Location location,
      QueryStyle style) {
    if (field.isMapField() || !field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && !textual(field.getMessageType())) {
      throw new InvalidRequest(location, name, "an object needs the deepObject form " + name + "[property]=value");
    }
    if (!field.isRepeated()) {
      parse(name, location, () -> json.parseText(values.get(0), builder, field));
      return;
    }
    String delimiter = delimiter(style);
    for (String value : values) {
      if (delimiter == null) {
        parse(name, location, () -> json.parseText(value, builder, field));
      } else if (!value.isEmpty()) {
        for (String piece : value.split(Pattern.quote(delimiter), -1)) {
          parse(name, location, () -> json.parseText(piece, builder, field));
        }
      }
    }
  }

  /** Header and cookie fields. A repeated header field takes every value, each split at commas (RFC 9110 §5.3). */
  void bindHeaders(Map<String, List<String>> headers, Map<String, String> cookies, Message.Builder builder) {
    for (Parameter parameter : parameters) {
      if (parameter.location() == Location.HEADER) {
        List<String> values = headers.getOrDefault(parameter.name().toLowerCase(Locale.ROOT), List.of());
        if (!values.isEmpty()) {
          List<String> split = parameter.field().isRepeated()
              ? values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).toList() : values;
          bindText(parameter.field(), split, builder, parameter.name(), Location.HEADER, QueryStyle.QUERY_STYLE_UNSPECIFIED);
        }
      } else if (parameter.location() == Location.COOKIE && cookies.containsKey(parameter.name())) {
        bindText(parameter.field(), List.of(cookies.get(parameter.name())), builder, parameter.name(), Location.COOKIE,
            QueryStyle.QUERY_STYLE_COMMA);
      }
    }
  }

  // gRPC -> REST

  /** The query (or form) parameters of the message's set fields, in declaration order. */
  Map<String, List<String>> printQuery(MessageOrBuilder message) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Parameter parameter : parameters) {
      if (parameter.location() == Location.QUERY && FieldPaths.isSet(message, parameter.field())) {
        printParameter(parameter.name(), parameter.field(), parameter.style(), message, query);
      }
    }
    return query;
  }

  private void printParameter(String name, FieldDescriptor field, QueryStyle style, MessageOrBuilder message,
      Map<String, List<String>> query) {
    if (field.isMapField()) {
      for (Object entry : (List<?>) message.getField(field)) {
        Message e = (Message) entry;
        String key = String.valueOf(e.getField(field.getMessageType().findFieldByNumber(1)));
        query.put(style == QueryStyle.QUERY_STYLE_EXPLODED_OBJECT ? key : name + "[" + key + "]",
            List.of(text(field, e.getField(field.getMessageType().findFieldByNumber(2)))));
      }
    } else if (field.isRepeated()) {
      List<String> values = ((List<?>) message.getField(field)).stream().map(v -> text(field, v)).toList();
      String delimiter = delimiter(style);
      query.put(name, delimiter == null ? values : List.of(String.join(delimiter, values)));
    } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !textual(field.getMessageType())) {
      MessageOrBuilder nested = (MessageOrBuilder) message.getField(field);
      for (FieldDescriptor property : field.getMessageType().getFields()) {
        if (FieldPaths.isSet(nested, property)) {
          String propertyName = style == QueryStyle.QUERY_STYLE_EXPLODED_OBJECT ? RestJson.restName(property)
              : style == QueryStyle.QUERY_STYLE_DEEP_OBJECT ? name + "[" + RestJson.restName(property) + "]"
              : name + "." + property.getName();
          printParameter(propertyName, property, style == QueryStyle.QUERY_STYLE_EXPLODED_OBJECT ? QueryStyle.QUERY_STYLE_UNSPECIFIED : style,
              nested, query);
        }
      }
    } else {
      query.put(name, List.of(text(field, message.getField(field))));
    }
  }

  /** Header fields as headers (a repeated one as one comma-separated value) and cookie fields as cookies. */
  void printHeaders(MessageOrBuilder message, Map<String, String> headers, Map<String, String> cookies) {
    for (Parameter parameter : parameters) {
      if (parameter.location() == Location.QUERY || !FieldPaths.isSet(message, parameter.field())) {
        continue;
      }
      FieldDescriptor field = parameter.field();
      String value = field.isRepeated()
          ? String.join(parameter.location() == Location.HEADER ? ", " : ",",
              ((List<?>) message.getField(field)).stream().map(v -> text(field, v)).toList())
          : text(field, message.getField(field));
      (parameter.location() == Location.HEADER ? headers : cookies).put(parameter.name(), value);
    }
  }

  private String text(FieldDescriptor field, Object value) {
    return json.printText(field, value).orElseThrow(() -> new IllegalArgumentException(
        field.getFullName() + " has a value with no text form; it cannot travel as a REST parameter"));
  }

  // Helpers

  private static FieldDescriptor property(Descriptor type, String name) {
    for (FieldDescriptor field : type.getFields()) {
      if (RestJson.restName(field).equals(name) || field.getName().equals(name) || field.getJsonName().equals(name)) {
        return field;
      }
    }
    return null;
  }

  private static final Set<String> TEXTUAL = Set.of("google.protobuf.Timestamp", "google.protobuf.Duration",
      "google.protobuf.FieldMask", "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
      "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value", "google.protobuf.BoolValue",
      "google.protobuf.StringValue", "google.protobuf.BytesValue");

  /** Messages whose REST JSON is one string, number or boolean: timestamps, durations, field masks, wrappers. */
  static boolean textual(Descriptor type) {
    return TEXTUAL.contains(type.getFullName());
  }

  private static void bindNested(Message.Builder builder, FieldDescriptor field, Consumer<Message.Builder> bind) {
    Message.Builder nested = builder.hasField(field) ? ((Message) builder.getField(field)).toBuilder() : builder.newBuilderForField(field);
    bind.accept(nested);
    builder.setField(field, nested.build());
  }

  private static String delimiter(QueryStyle style) {
    return switch (style) {
      case QUERY_STYLE_COMMA -> ",";
      case QUERY_STYLE_PIPE -> "|";
      case QUERY_STYLE_SPACE -> " ";
      default -> null;
    };
  }

  private interface Parse {
    void run();
  }

  private static void parse(String name, Location location, Parse parse) {
    try {
      parse.run();
    } catch (RestJsonException e) {
      throw new InvalidRequest(location, name, e.problem());
    }
  }
}
