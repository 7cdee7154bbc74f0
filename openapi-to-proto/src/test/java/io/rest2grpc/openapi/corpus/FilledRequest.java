package io.rest2grpc.openapi.corpus;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.QueryStyle;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.routing.PathTemplate;
import io.rest2grpc.transcoding.routing.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A request message of one route with a value in each path variable and each query, header and
 * cookie parameter — of every field type, with the values encoding gets wrong ({@code /}, {@code %},
 * {@code +}, spaces, non-ASCII text, an empty string where the field tracks presence, int64 above
 * 2^53, the enum's last wire value, every query style). Shared by the request round trip (issue 16,
 * proof 1) and the Armeria comparison (proof 3), which also fills the body.
 *
 * @param given the path variables and parameters (and body members) given a value
 * @param untravelled request fields that cannot travel as a REST parameter (an object or list of objects without a
 *     recorded style, a header whose schema has no type): not given a value
 */
record FilledRequest(Message message, List<String> given, List<String> untravelled) {
  private static final RestJson JSON = RestJson.create();
  private static final String TEXT = "v é+%/ &=x";
  private static final long BIG = 9007199254740993L;

  /** A value in every field the route takes from the path, the query, headers and cookies; none in the body. */
  static FilledRequest of(Route route) {
    return of(route, false);
  }

  /** As {@link #of(Route)}, and a value in each member of a JSON body (its message fields one level deep). */
  static FilledRequest withBody(Route route) {
    return of(route, true);
  }

  private static FilledRequest of(Route route, boolean body) {
    DynamicMessage.Builder request = DynamicMessage.newBuilder(route.method().getInputType());
    List<String> given = new ArrayList<>();
    List<String> untravelled = new ArrayList<>();
    fill(request, route, body, given, untravelled);
    return new FilledRequest(request.build(), given, untravelled);
  }

  private static void fill(DynamicMessage.Builder request, Route route, boolean body, List<String> given, List<String> untravelled) {
    Descriptor type = route.method().getInputType();
    Set<FieldDescriptor> notParameters = new HashSet<>();
    for (PathTemplate.Variable variable : route.template().variables()) {
      given.add("{" + variable.fieldPath() + "}");
      setPath(request, variable.fieldPath().split("\\."), 0);
      if (!variable.fieldPath().contains(".")) {
        notParameters.add(type.findFieldByName(variable.fieldPath()));
      }
    }
    if (route.method().isClientStreaming()) {
      return; // every other field is in the stream's messages
    }
    if (route.body().equals("*")) {
      if (body) {
        type.getFields().stream().filter(field -> !notParameters.contains(field)).forEach(field -> fillMember(request, field, given));
      }
      return; // every other field is in the body
    }
    RestMethod rest = EffectiveOptions.of(route.method());
    if (body && !route.body().isEmpty()) {
      fillMember(request, type.findFieldByName(route.body()), given);
    }
    for (String excluded : List.of(route.body(), rest.getMergePatchMaskField(), rest.hasPaging() ? "page_size" : "", rest.hasPaging() ? "page_token" : "")) {
      if (!excluded.isEmpty()) {
        notParameters.add(type.findFieldByName(excluded));
      }
    }
    for (FieldDescriptor field : type.getFields()) {
      if (notParameters.contains(field) || field.getRealContainingOneof() != null && !field.getRealContainingOneof().getField(0).equals(field)) {
        continue;
      }
      setParameter(request, field);
      if (!field.isRepeated() && !request.hasField(field)) {
        continue; // an object with nothing a query can carry
      }
      if (travels(request, field)) {
        given.add(field.getName());
      } else {
        request.clearField(field);
        untravelled.add(field.getName() + " (" + (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            ? field.getMessageType().getFullName() : field.getType().name()) + ")");
      }
    }
    if (!rest.getPaging().getSizeParameter().isEmpty()) {
      // 0 would come back as the default page length, which it means; without a size parameter no length travels
      request.setField(type.findFieldByName("page_size"), 5);
    }
  }

  /** A value in a body member: in each of its own fields, one level deep, for a message; the message's first variant of a oneof. */
  private static void fillMember(Message.Builder request, FieldDescriptor field, List<String> given) {
    if (field.getRealContainingOneof() != null && !field.getRealContainingOneof().getField(0).equals(field)
        || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && field.getMessageType().getFullName().equals("google.api.HttpBody")) {
      return; // a raw body keeps the media type the route takes only when empty
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated() && !field.getMessageType().getFullName().startsWith("google.")) {
      Message.Builder nested = request.newBuilderForField(field);
      field.getMessageType().getFields().forEach(property -> {
        if (property.getRealContainingOneof() == null || property.getRealContainingOneof().getField(0).equals(property)) {
          setParameter(nested, property);
        }
      });
      request.setField(field, nested.build());
    } else {
      setParameter(request, field);
    }
    given.add("body " + field.getName());
  }

  /** Whether {@code property} names the variant {@code field} is of a union with a discriminator: left empty, so the codec writes the variant's own value. */
  private static boolean isDiscriminator(FieldDescriptor field, FieldDescriptor property) {
    return field.getRealContainingOneof() != null
        && field.getRealContainingOneof().getOptions().getExtension(OptionsProto.oneof).getDiscriminator().equals(RestJson.restName(property));
  }

  /** Whether the field's value has a REST parameter form: a text form, or an object with a recorded style. */
  private static boolean travels(Message.Builder request, FieldDescriptor field) {
    QueryStyle style = field.getOptions().getExtension(OptionsProto.field).getQueryStyle();
    boolean styled = style == QueryStyle.QUERY_STYLE_DEEP_OBJECT || style == QueryStyle.QUERY_STYLE_EXPLODED_OBJECT;
    if (field.isMapField()) {
      return styled;
    }
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return true;
    }
    if (styled && !field.isRepeated()) {
      return true;
    }
    Object element = field.isRepeated() ? request.getRepeatedField(field, 0) : request.getField(field);
    return JSON.printText(field, element).isPresent();
  }

  private static void setPath(Message.Builder builder, String[] path, int at) {
    FieldDescriptor field = builder.getDescriptorForType().findFieldByName(path[at]);
    if (at < path.length - 1) {
      Message.Builder nested = builder.hasField(field) ? ((Message) builder.getField(field)).toBuilder() : builder.newBuilderForField(field);
      setPath(nested, path, at + 1);
      builder.setField(field, nested.build());
    } else {
      builder.setField(field, value(builder, field, true));
    }
  }

  private static void setParameter(Message.Builder builder, FieldDescriptor field) {
    RestField options = field.getOptions().getExtension(OptionsProto.field);
    if (field.isMapField()) {
      Message.Builder entry = builder.newBuilderForField(field);
      FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
      FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
      entry.setField(key, key.getJavaType() == FieldDescriptor.JavaType.STRING ? "k_1" : value(entry, key, false));
      entry.setField(value, value(entry, value, false));
      builder.addRepeatedField(field, entry.build());
    } else if (field.isRepeated()) {
      builder.addRepeatedField(field, value(builder, field, false));
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || options.getQueryStyle() == QueryStyle.QUERY_STYLE_UNSPECIFIED) {
        builder.addRepeatedField(field, value(builder, field, false));
      }
    } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.getMessageType().getFullName().startsWith("google.protobuf.")) {
      Message.Builder nested = builder.newBuilderForField(field);
      for (FieldDescriptor property : field.getMessageType().getFields()) {
        if (!property.isRepeated() && property.getJavaType() != FieldDescriptor.JavaType.MESSAGE && !isDiscriminator(field, property)
            && (property.getRealContainingOneof() == null || property.getRealContainingOneof().getField(0).equals(property))) {
          nested.setField(property, value(nested, property, false));
        }
      }
      if (!nested.getAllFields().isEmpty()) {
        builder.setField(field, nested.build());
      }
    } else {
      builder.setField(field, value(builder, field, false));
    }
  }

  /** A value of the field's type that encoding gets wrong; {@code inPath}: one that a path segment must carry. */
  private static Object value(Message.Builder owner, FieldDescriptor field, boolean inPath) {
    return switch (field.getJavaType()) {
      case STRING -> field.hasPresence() && !inPath ? "" : TEXT;
      case INT -> field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32 ? 7 : -42;
      case LONG -> BIG;
      case FLOAT -> 1.5f;
      case DOUBLE -> -2.25;
      case BOOLEAN -> true;
      case BYTE_STRING -> ByteString.copyFromUtf8("bytes é");
      case ENUM -> last(field.getEnumType());
      case MESSAGE -> wellKnown(owner.newBuilderForField(field), field);
    };
  }

  private static Object last(EnumDescriptor type) {
    return type.getValues().get(type.getValues().size() - 1);
  }

  private static Message wellKnown(Message.Builder builder, FieldDescriptor field) {
    Descriptor type = builder.getDescriptorForType();
    Format format = field.getOptions().getExtension(OptionsProto.field).getFormat();
    switch (type.getFullName()) {
      case "google.protobuf.Timestamp" -> {
        builder.setField(type.findFieldByName("seconds"), format == Format.FORMAT_DATE ? 1714521600L : 1714571100L);
        if (format != Format.FORMAT_DATE) {
          builder.setField(type.findFieldByName("nanos"), 250_000_000);
        }
      }
      case "google.protobuf.Duration" -> builder.setField(type.findFieldByName("seconds"), 90L);
      case "google.protobuf.FieldMask" -> builder.addRepeatedField(type.findFieldByName("paths"), "a.b");
      default -> {
        if (type.getRealOneofs().size() == 1 && type.getRealOneofs().get(0).getFieldCount() == type.getFields().size()
            && type.getFields().get(0).getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
          builder.setField(type.getFields().get(0), value(builder, type.getFields().get(0), false)); // a union: its first variant
        }
        if (type.getFullName().startsWith("google.protobuf.") && type.getFullName().endsWith("Value") && type.findFieldByName("value") != null) {
          FieldDescriptor value = type.findFieldByName("value");
          builder.setField(value, value(builder, value, false) instanceof String s && s.isEmpty() ? TEXT : value(builder, value, false));
        }
      }
    }
    return builder.build();
  }
}
