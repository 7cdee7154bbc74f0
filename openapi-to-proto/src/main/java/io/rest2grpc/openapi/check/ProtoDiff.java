package io.rest2grpc.openapi.check;

import com.google.api.AnnotationsProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import io.rest2grpc.openapi.check.ProtoChange.Kind;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestService;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compares the descriptors of two versions of a package the way {@code buf breaking} does with
 * WIRE_JSON and PACKAGE (deleted types, services and RPCs; fields and enum values by number: name,
 * JSON name, type, cardinality, oneof), and what buf never looks at: the HttpRules and the rest2grpc
 * options the codec reads to write the REST JSON. Method options are compared as they apply
 * ({@link EffectiveOptions}: method > service > file), so a value moved between the levels is no change.
 */
public final class ProtoDiff {
  private final List<ProtoChange> changes = new ArrayList<>();

  private ProtoDiff() {}

  /** Every change from {@code before} to {@code after}, in the order of the old files. */
  public static List<ProtoChange> compare(List<FileDescriptorProto> before, List<FileDescriptorProto> after) {
    ProtoDiff diff = new ProtoDiff();
    Index old = new Index(before);
    Index current = new Index(after);
    old.messages.forEach((name, message) -> diff.message(name, message, current.messages.get(name)));
    old.enums.forEach((name, protoEnum) -> diff.protoEnum(name, protoEnum, current.enums.get(name)));
    old.services.forEach((name, service) -> diff.service(name, service, current.services.get(name)));
    return List.copyOf(diff.changes);
  }

  private void message(String name, DescriptorProto before, DescriptorProto after) {
    if (after == null) {
      add(Kind.MESSAGE_DELETED, name, null, "message " + name + " was deleted");
      return;
    }
    Map<Integer, FieldDescriptorProto> fields = byNumber(after.getFieldList(), FieldDescriptorProto::getNumber);
    for (FieldDescriptorProto field : before.getFieldList()) {
      String element = name + "." + field.getName();
      FieldDescriptorProto now = fields.get(field.getNumber());
      if (now == null) {
        add(Kind.FIELD_DELETED, element, field.getNumber(), "field " + field.getName() + " = " + field.getNumber() + " was deleted");
        continue;
      }
      if (!field.getName().equals(now.getName())) {
        add(Kind.FIELD_RENAMED, element, field.getNumber(), "field " + field.getNumber() + " was " + field.getName() + ", is " + now.getName());
      }
      if (!jsonName(field).equals(jsonName(now))) {
        add(Kind.FIELD_JSON_NAME_CHANGED, element, field.getNumber(), "JSON name was \"" + jsonName(field) + "\", is \"" + jsonName(now) + "\"");
      }
      if (field.getType() != now.getType() || !field.getTypeName().equals(now.getTypeName())) {
        add(Kind.FIELD_TYPE_CHANGED, element, field.getNumber(), "type was " + type(field) + ", is " + type(now));
      }
      if (field.getLabel() != now.getLabel()) {
        add(Kind.FIELD_CARDINALITY_CHANGED, element, field.getNumber(), "was " + label(field) + ", is " + label(now));
      } else if (field.getProto3Optional() != now.getProto3Optional()) {
        add(Kind.FIELD_PRESENCE_CHANGED, element, field.getNumber(), field.getProto3Optional() ? "no longer optional" : "now optional");
      }
      String oneof = oneof(before, field);
      String oneofNow = oneof(after, now);
      if (!Objects.equals(oneof, oneofNow)) {
        add(Kind.FIELD_ONEOF_CHANGED, element, field.getNumber(), "was " + membership(oneof) + ", is " + membership(oneofNow));
      }
      if (!field.getOptions().toBuilder().clearDeprecated().build().equals(now.getOptions().toBuilder().clearDeprecated().build())) {
        add(refinedOnly(field, now) ? Kind.FIELD_OPTION_REFINED : Kind.FIELD_OPTION_CHANGED, element, field.getNumber(),
            "options were [" + text(field.getOptions()) + "], are [" + text(now.getOptions()) + "]");
      }
    }
  }

  /** Whether the options differ only by a format or allowed values the old field did not have. */
  private static boolean refinedOnly(FieldDescriptorProto before, FieldDescriptorProto after) {
    RestField was = before.getOptions().getExtension(OptionsProto.field);
    RestField is = after.getOptions().getExtension(OptionsProto.field);
    boolean formatAdded = was.getFormatName().isEmpty() || was.getFormatName().equals(is.getFormatName());
    boolean valuesAdded = was.getAllowedValuesCount() == 0 || was.getAllowedValuesList().equals(is.getAllowedValuesList());
    return formatAdded && valuesAdded
        && was.toBuilder().clearFormat().clearFormatName().clearAllowedValues().build()
            .equals(is.toBuilder().clearFormat().clearFormatName().clearAllowedValues().build())
        && before.getOptions().toBuilder().clearDeprecated().clearExtension(OptionsProto.field).build()
            .equals(after.getOptions().toBuilder().clearDeprecated().clearExtension(OptionsProto.field).build());
  }

  private void protoEnum(String name, EnumDescriptorProto before, EnumDescriptorProto after) {
    if (after == null) {
      add(Kind.ENUM_DELETED, name, null, "enum " + name + " was deleted");
      return;
    }
    Map<Integer, EnumValueDescriptorProto> values = byNumber(after.getValueList(), EnumValueDescriptorProto::getNumber);
    String scope = name.substring(0, name.lastIndexOf('.') + 1);
    for (EnumValueDescriptorProto value : before.getValueList()) {
      String element = name + "." + value.getName();
      EnumValueDescriptorProto now = values.get(value.getNumber());
      if (now == null) {
        add(Kind.ENUM_VALUE_DELETED, element, value.getNumber(), "value " + scope + value.getName() + " = " + value.getNumber()
            + " was deleted");
      } else if (!value.getName().equals(now.getName())) {
        add(Kind.ENUM_VALUE_RENAMED, element, value.getNumber(), "value " + value.getNumber() + " was " + value.getName() + ", is "
            + now.getName());
      } else if (!value.getOptions().equals(now.getOptions())) {
        add(Kind.ENUM_VALUE_OPTION_CHANGED, element, value.getNumber(), "options were [" + text(value.getOptions()) + "], are ["
            + text(now.getOptions()) + "]");
      }
    }
  }

  private void service(String name, ServiceInFile old, ServiceInFile current) {
    if (current == null) {
      add(Kind.SERVICE_DELETED, name, null, "service " + name + " was deleted");
      return;
    }
    ServiceDescriptorProto before = old.service();
    ServiceDescriptorProto after = current.service();
    Map<String, MethodDescriptorProto> methods = new LinkedHashMap<>();
    after.getMethodList().forEach(m -> methods.put(m.getName(), m));
    for (MethodDescriptorProto method : before.getMethodList()) {
      String element = name + "." + method.getName();
      MethodDescriptorProto now = methods.get(method.getName());
      if (now == null) {
        add(Kind.RPC_DELETED, element, null, "RPC " + method.getName() + " was deleted from " + name);
        continue;
      }
      if (!method.getInputType().equals(now.getInputType())) {
        add(Kind.RPC_REQUEST_TYPE_CHANGED, element, null, "request was " + strip(method.getInputType()) + ", is " + strip(now.getInputType()));
      }
      if (!method.getOutputType().equals(now.getOutputType())) {
        add(Kind.RPC_RESPONSE_TYPE_CHANGED, element, null, "response was " + strip(method.getOutputType()) + ", is "
            + strip(now.getOutputType()));
      }
      if (method.getClientStreaming() != now.getClientStreaming() || method.getServerStreaming() != now.getServerStreaming()) {
        add(Kind.RPC_STREAMING_CHANGED, element, null, "was " + streaming(method) + ", is " + streaming(now));
      }
      var rule = method.getOptions().getExtension(AnnotationsProto.http);
      var ruleNow = now.getOptions().getExtension(AnnotationsProto.http);
      if (!rule.equals(ruleNow)) {
        add(Kind.HTTP_RULE_CHANGED, element, null, "HttpRule was [" + text(rule) + "], is [" + text(ruleNow) + "]");
      }
      RestMethod rest = old.effective(method);
      RestMethod restNow = current.effective(now);
      if (!rest.equals(restNow) || !otherOptions(method).equals(otherOptions(now))) {
        add(Kind.METHOD_OPTION_CHANGED, element, null, "the rest2grpc method option changed: " + differingFields(rest, restNow));
      }
    }
  }

  /** The method options compared nowhere else: all but the HttpRule, the rest2grpc option, deprecated and idempotency_level. */
  private static MethodOptions otherOptions(MethodDescriptorProto method) {
    return method.getOptions().toBuilder().clearExtension(AnnotationsProto.http).clearExtension(OptionsProto.method).clearDeprecated()
        .clearIdempotencyLevel().build();
  }

  /** A service and the rest2grpc option of its file, which its methods' options fall back on. */
  private record ServiceInFile(ServiceDescriptorProto service, RestFile file) {
    RestMethod effective(MethodDescriptorProto method) {
      RestService shared = service.getOptions().getExtension(OptionsProto.service);
      return EffectiveOptions.of(method.getOptions().getExtension(OptionsProto.method), shared, file);
    }
  }

  /** The names of the top-level fields that differ, e.g. {@code errors, paging}. */
  private static String differingFields(Message before, Message after) {
    List<String> names = new ArrayList<>();
    for (FieldDescriptor field : before.getDescriptorForType().getFields()) {
      if (!before.getField(field).equals(after.getField(field))) {
        names.add(field.getName());
      }
    }
    return names.isEmpty() ? "another option" : String.join(", ", names);
  }

  private void add(Kind kind, String element, Integer number, String detail) {
    changes.add(new ProtoChange(kind, element, number, detail));
  }

  private static <T> Map<Integer, T> byNumber(List<T> items, Function<T, Integer> number) {
    Map<Integer, T> result = new LinkedHashMap<>();
    items.forEach(item -> result.put(number.apply(item), item));
    return result;
  }

  private static String jsonName(FieldDescriptorProto field) {
    return field.hasJsonName() ? field.getJsonName() : Names.defaultJsonName(field.getName());
  }

  private static String type(FieldDescriptorProto field) {
    return field.getTypeName().isEmpty() ? field.getType().name().substring("TYPE_".length()).toLowerCase() : strip(field.getTypeName());
  }

  private static String label(FieldDescriptorProto field) {
    return field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED ? "repeated" : "singular";
  }

  /** The real oneof a field is in, or null (proto3 {@code optional} fields sit in a synthetic one). */
  private static String oneof(DescriptorProto message, FieldDescriptorProto field) {
    return field.hasOneofIndex() && !field.getProto3Optional() ? message.getOneofDecl(field.getOneofIndex()).getName() : null;
  }

  private static String membership(String oneof) {
    return oneof == null ? "outside any oneof" : "in oneof " + oneof;
  }

  private static String streaming(MethodDescriptorProto method) {
    return (method.getClientStreaming() ? "client-streaming " : "") + (method.getServerStreaming() ? "server-streaming" : "")
        + (method.getClientStreaming() || method.getServerStreaming() ? "" : "unary");
  }

  private static String strip(String typeName) {
    return typeName.startsWith(".") ? typeName.substring(1) : typeName;
  }

  private static String text(MessageOrBuilder message) {
    return TextFormat.printer().emittingSingleLine(true).printToString(message).trim();
  }

  /** Messages (nested ones too), enums and services by full name. */
  private static final class Index {
    final Map<String, DescriptorProto> messages = new LinkedHashMap<>();
    final Map<String, EnumDescriptorProto> enums = new LinkedHashMap<>();
    final Map<String, ServiceInFile> services = new LinkedHashMap<>();

    Index(List<FileDescriptorProto> files) {
      for (FileDescriptorProto file : files) {
        String pkg = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
        file.getMessageTypeList().forEach(m -> message(pkg + m.getName(), m));
        file.getEnumTypeList().forEach(e -> enums.put(pkg + e.getName(), e));
        RestFile options = file.getOptions().getExtension(OptionsProto.file);
        file.getServiceList().forEach(s -> services.put(pkg + s.getName(), new ServiceInFile(s, options)));
      }
    }

    private void message(String name, DescriptorProto message) {
      messages.put(name, message);
      message.getNestedTypeList().forEach(m -> message(name + "." + m.getName(), m));
      message.getEnumTypeList().forEach(e -> enums.put(name + "." + e.getName(), e));
    }
  }
}
