package io.rest2grpc.openapi.corpus;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.QueryStyle;
import io.rest2grpc.options.v1.RestEnumValue;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.options.v1.UnionKind;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.oracle.ArmeriaOracle;
import io.rest2grpc.transcoding.routing.PathTemplate;
import io.rest2grpc.transcoding.routing.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Armeria's HttpRule transcoding reads a REST request differently from the REST contract the
 * engine follows, one constant per class (transcoding README, "Proof: an independent oracle"). Each
 * is demonstrated on its own in transcoding's {@code ArmeriaOracleTest}; {@link #ofField} and
 * {@link #ofRefusal} say which class explains one difference, checking that its cause is there.
 */
enum OracleDifference {
  /** A custom {@code HEAD} rule: Armeria serves no custom method (405). */
  CUSTOM_HEAD("head"),
  /** Overlapping templates: Armeria tried another RPC's route first (its order is a hash order). */
  PRECEDENCE("precedence"),
  /** An enum value whose wire value is not its proto name: Armeria reads proto names only, and drops the value. */
  ENUM_WIRE_VALUE("enum"),
  /** A query parameter whose REST name is not the proto field path: Armeria reads proto field paths only. */
  QUERY_NAME("query-name"),
  /** A query style other than repeated keys (comma, pipe, space, deepObject, exploded object): Armeria reads repeated keys only. */
  QUERY_STYLE("query-style"),
  /** A header or cookie parameter: Armeria binds neither into the request message. */
  HEADER_OR_COOKIE("header"),
  /** A body member by its {@code rest_name}: Armeria reads JSON names and proto names only. */
  BODY_NAME("body-name"),
  /** A union (a oneof with {@code RestOneof}): its variant's members sit in the object itself, where proto3 JSON nests them under the variant's name. */
  UNION("union"),
  /** A map of additional properties ({@code unwrapped_map}): its entries sit beside the named members, where proto3 JSON nests them under the map's name. */
  UNWRAPPED_MAP("unwrapped-map"),
  /** A body that is not JSON (multipart, form-urlencoded): Armeria transcodes JSON bodies only. */
  NON_JSON_BODY("non-json-body");

  private final String label;

  OracleDifference(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The class of a request Armeria called no RPC for. */
  static Optional<OracleDifference> ofRefusal(Route route, RestRequest rest, ArmeriaOracle.Captured armeria) {
    if (route.httpMethod().equals("HEAD") && armeria.status() == 405) {
      return Optional.of(CUSTOM_HEAD);
    }
    if (!rest.contentType().isEmpty() && !rest.contentType().contains("json") && armeria.status() == 400) {
      return Optional.of(NON_JSON_BODY);
    }
    return Optional.empty();
  }

  /** The class of one field ({@code path}: proto names, dotted) whose value the engine and Armeria bound differently. */
  static Optional<OracleDifference> ofField(Route route, String path, Message engine) {
    List<FieldDescriptor> fields = fieldsOf(route.method().getInputType(), path);
    FieldDescriptor top = fields.get(0);
    FieldDescriptor leaf = fields.get(fields.size() - 1);
    if (hasWireValue(leaf, engine, path)) {
      return Optional.of(ENUM_WIRE_VALUE);
    }
    if (fields.stream().anyMatch(OracleDifference::isUnion)) {
      return Optional.of(UNION);
    }
    if (fields.stream().anyMatch(f -> f.getOptions().getExtension(OptionsProto.field).getUnwrappedMap())) {
      return Optional.of(UNWRAPPED_MAP);
    }
    boolean inPath = route.template().variables().stream().map(PathTemplate.Variable::fieldPath)
        .anyMatch(v -> v.equals(path) || v.startsWith(path + ".") || path.startsWith(v + "."));
    if (inPath) {
      return Optional.empty();
    }
    boolean inBody = route.body().equals("*") || route.body().equals(top.getName());
    if (inBody) {
      return fields.stream().anyMatch(f -> !RestJson.restName(f).equals(f.getJsonName()) && !RestJson.restName(f).equals(f.getName()))
          ? Optional.of(BODY_NAME) : Optional.empty();
    }
    RestField options = top.getOptions().getExtension(OptionsProto.field);
    if (!options.getHeader().isEmpty() || !options.getCookie().isEmpty()) {
      return Optional.of(HEADER_OR_COOKIE);
    }
    if (options.getQueryStyle() != QueryStyle.QUERY_STYLE_UNSPECIFIED) {
      return Optional.of(QUERY_STYLE);
    }
    if (fields.stream().anyMatch(f -> !RestJson.restName(f).equals(f.getName()))) {
      return Optional.of(QUERY_NAME);
    }
    return Optional.empty();
  }

  /** Whether a variant of a union is set anywhere in the message. */
  static boolean hasUnion(Message message) {
    return !message.equals(withoutUnions(message));
  }

  /** The message with every union's variant cleared, at any depth. */
  static Message withoutUnions(Message message) {
    Message.Builder builder = message.toBuilder();
    message.getAllFields().forEach((field, value) -> {
      if (isUnion(field)) {
        builder.clearField(field);
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()) {
        builder.setField(field, withoutUnions((Message) value));
      }
    });
    return builder.build();
  }

  private static boolean isUnion(FieldDescriptor field) {
    return field.getRealContainingOneof() != null
        && field.getRealContainingOneof().getOptions().getExtension(OptionsProto.oneof).getKind() != UnionKind.UNION_KIND_UNSPECIFIED;
  }

  private static List<FieldDescriptor> fieldsOf(Descriptor type, String path) {
    List<FieldDescriptor> fields = new ArrayList<>();
    Descriptor at = type;
    for (String name : path.split("\\.")) {
      FieldDescriptor field = at.findFieldByName(name);
      fields.add(field);
      at = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
    }
    return fields;
  }

  /** Whether the engine's value of an enum field (or of a map's enum values) holds a value whose wire value is not its proto name. */
  private static boolean hasWireValue(FieldDescriptor leaf, Message engine, String path) {
    FieldDescriptor enumField = leaf.isMapField() ? leaf.getMessageType().findFieldByNumber(2) : leaf;
    if (enumField.getJavaType() != FieldDescriptor.JavaType.ENUM) {
      return false;
    }
    return enumValues(engine, path).stream().anyMatch(value -> {
      RestEnumValue wire = value.getOptions().getExtension(OptionsProto.enumValue);
      return wire.hasStringValue() ? !wire.getStringValue().equals(value.getName()) : wire.hasIntegerValue();
    });
  }

  private static List<EnumValueDescriptor> enumValues(Message message, String path) {
    Message at = message;
    String[] names = path.split("\\.");
    for (int i = 0; i < names.length - 1; i++) {
      FieldDescriptor field = at.getDescriptorForType().findFieldByName(names[i]);
      at = (Message) at.getField(field);
    }
    FieldDescriptor field = at.getDescriptorForType().findFieldByName(names[names.length - 1]);
    List<EnumValueDescriptor> values = new ArrayList<>();
    if (field.isMapField()) {
      for (int i = 0; i < at.getRepeatedFieldCount(field); i++) {
        Message entry = (Message) at.getRepeatedField(field, i);
        values.add((EnumValueDescriptor) entry.getField(field.getMessageType().findFieldByNumber(2)));
      }
    } else if (field.isRepeated()) {
      for (int i = 0; i < at.getRepeatedFieldCount(field); i++) {
        values.add((EnumValueDescriptor) at.getRepeatedField(field, i));
      }
    } else if (at.hasField(field)) {
      values.add((EnumValueDescriptor) at.getField(field));
    }
    return values;
  }
}
