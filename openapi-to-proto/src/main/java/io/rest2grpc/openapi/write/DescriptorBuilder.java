package io.rest2grpc.openapi.write;

import com.google.api.AnnotationsProto;
import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.api.HttpBodyProto;
import com.google.api.CustomHttpPattern;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.naming.LanguageOptions;
import io.rest2grpc.openapi.proto.HttpRule;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.multipart.v1.FilePartProto;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.transcoding.RestOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the descriptors of a conversion in memory, as protoc would compile its files, so that a
 * conversion can be used at once (the {@code fidelity} command round-trips examples through it)
 * without a protoc on the machine. {@code CorpusTest} checks it against protoc's output.
 */
public final class DescriptorBuilder {
  private static final Map<String, FileDescriptor> IMPORTABLE = Map.of(
      "google/protobuf/timestamp.proto", TimestampProto.getDescriptor(),
      "google/protobuf/struct.proto", StructProto.getDescriptor(),
      "google/protobuf/empty.proto", EmptyProto.getDescriptor(),
      "google/protobuf/field_mask.proto", FieldMaskProto.getDescriptor(),
      "google/api/annotations.proto", AnnotationsProto.getDescriptor(),
      "google/api/field_behavior.proto", FieldBehaviorProto.getDescriptor(),
      "google/api/httpbody.proto", HttpBodyProto.getDescriptor(),
      "rest2grpc/multipart/v1/file_part.proto", FilePartProto.getDescriptor(),
      RestOptions.PROTO_PATH, OptionsProto.getDescriptor());

  private final Conversion conversion;
  private final RestOptionsMapper options;
  private final String pkg;
  private final Set<String> enums = new HashSet<>();

  private DescriptorBuilder(Conversion conversion) {
    this.conversion = conversion;
    this.options = new RestOptionsMapper(conversion);
    this.pkg = conversion.packageName();
    conversion.files().forEach(f -> f.enums().forEach(e -> enums.add(e.name())));
  }

  /** The linked descriptors of every file of the conversion, keyed by file path. */
  public static Map<String, FileDescriptor> build(Conversion conversion) {
    return new DescriptorBuilder(conversion).link();
  }

  /**
   * The conversion's files and everything they import, dependencies first, as {@code protoc
   * --include_imports --descriptor_set_out} writes them (no source info): what a build hands the runtime.
   */
  public static FileDescriptorSet descriptorSet(Conversion conversion) {
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    Set<FileDescriptor> added = new HashSet<>();
    build(conversion).values().forEach(file -> addWithImports(file, set, added));
    return set.build();
  }

  private static void addWithImports(FileDescriptor file, FileDescriptorSet.Builder set, Set<FileDescriptor> added) {
    if (added.add(file)) {
      file.getDependencies().forEach(dependency -> addWithImports(dependency, set, added));
      set.addFile(file.toProto());
    }
  }

  /** The file descriptor protos, as protoc writes them into a descriptor set (no source info). */
  public static List<FileDescriptorProto> protos(Conversion conversion) {
    DescriptorBuilder builder = new DescriptorBuilder(conversion);
    return conversion.files().stream().map(builder::file).toList();
  }

  private Map<String, FileDescriptor> link() {
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    conversion.files().forEach(f -> protos.put(f.path(), file(f)));
    Map<String, FileDescriptor> linked = new LinkedHashMap<>();
    protos.keySet().forEach(name -> link(name, protos, linked));
    return linked;
  }

  private FileDescriptor link(String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> linked) {
    FileDescriptor known = linked.containsKey(name) ? linked.get(name) : IMPORTABLE.get(name);
    if (known != null) {
      return known;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new IllegalStateException("no descriptor for import " + name);
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    proto.getDependencyList().forEach(d -> dependencies.add(link(d, protos, linked)));
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
      linked.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(name + " does not link: " + e.getMessage(), e);
    }
  }

  private FileDescriptorProto file(ProtoFile file) {
    FileDescriptorProto.Builder b = FileDescriptorProto.newBuilder()
        .setName(file.path())
        .setPackage(pkg)
        .addAllDependency(file.imports())
        .setSyntax("proto3")
        .setOptions(DescriptorProtos.FileOptions.newBuilder()
            .setCsharpNamespace(conversion.fileOptions().languages().csharpNamespace(pkg))
            .setGoPackage(conversion.fileOptions().languages().goPackage(pkg))
            .setJavaMultipleFiles(true)
            .setJavaOuterClassname(LanguageOptions.javaOuterClassname(file.path()))
            .setJavaPackage(conversion.fileOptions().languages().javaPackage(pkg))
            .setExtension(OptionsProto.file, options.file()));
    file.messages().forEach(m -> b.addMessageType(message(m)));
    file.enums().forEach(e -> b.addEnumType(enumType(e)));
    file.services().forEach(s -> b.addService(service(s)));
    return b.build();
  }

  private DescriptorProto message(ProtoMessage message) {
    String element = pkg + "." + message.name();
    DescriptorProto.Builder b = DescriptorProto.newBuilder().setName(message.name());
    DescriptorProtos.MessageOptions.Builder messageOptions = DescriptorProtos.MessageOptions.newBuilder();
    if (message.deprecated()) {
      messageOptions.setDeprecated(true);
    }
    var rest = message.options();
    if (!rest.equals(rest.getDefaultInstanceForType())) {
      messageOptions.setExtension(OptionsProto.message, rest);
    }
    if (!messageOptions.build().equals(DescriptorProtos.MessageOptions.getDefaultInstance())) {
      b.setOptions(messageOptions);
    }
    List<String> oneofs = new ArrayList<>();
    message.fields().stream().map(ProtoField::oneof).filter(o -> o != null && !oneofs.contains(o)).forEach(oneofs::add);
    for (String oneof : oneofs) {
      OneofDescriptorProto.Builder o = OneofDescriptorProto.newBuilder().setName(oneof);
      var restOneof = message.oneof(oneof).option();
      if (!restOneof.equals(restOneof.getDefaultInstanceForType())) {
        o.setOptions(DescriptorProtos.OneofOptions.newBuilder().setExtension(OptionsProto.oneof, restOneof));
      }
      b.addOneofDecl(o);
    }
    // proto3 optional fields each get a synthetic oneof, after the real ones
    for (ProtoField field : message.fields()) {
      FieldDescriptorProto.Builder f = field(field);
      if (field.oneof() != null) {
        f.setOneofIndex(oneofs.indexOf(field.oneof()));
      } else if (field.cardinality() == Cardinality.OPTIONAL) {
        f.setProto3Optional(true).setOneofIndex(b.getOneofDeclCount());
        b.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_" + field.name()));
      } else if (field.cardinality() == Cardinality.MAP) {
        String entry = mapEntryName(field.name());
        f.setTypeName("." + element + "." + entry).setType(FieldDescriptorProto.Type.TYPE_MESSAGE);
        b.addNestedType(DescriptorProto.newBuilder().setName(entry)
            .addField(FieldDescriptorProto.newBuilder().setName("key").setNumber(1).setJsonName("key")
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(FieldDescriptorProto.Type.TYPE_STRING))
            .addField(typed(FieldDescriptorProto.newBuilder().setName("value").setNumber(2).setJsonName("value")
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL), field.type()))
            .setOptions(DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true)));
      }
      b.addField(f);
    }
    for (int number : message.reserved().numbers()) {
      b.addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(number).setEnd(number + 1));
    }
    b.addAllReservedName(message.reserved().names());
    return b.build();
  }

  private FieldDescriptorProto.Builder field(ProtoField field) {
    FieldDescriptorProto.Builder f = FieldDescriptorProto.newBuilder()
        .setName(field.name())
        .setNumber(field.number())
        .setJsonName(field.jsonName() != null ? field.jsonName() : jsonName(field.name()))
        .setLabel(field.cardinality() == Cardinality.REPEATED || field.cardinality() == Cardinality.MAP
            ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL);
    if (field.cardinality() != Cardinality.MAP) {
      typed(f, field.type());
    }
    DescriptorProtos.FieldOptions.Builder o = DescriptorProtos.FieldOptions.newBuilder();
    if (field.deprecated()) {
      o.setDeprecated(true);
    }
    for (String behavior : field.behaviors()) {
      o.addExtension(FieldBehaviorProto.fieldBehavior, FieldBehavior.valueOf(behavior));
    }
    var rest = field.options().option();
    if (!rest.equals(rest.getDefaultInstanceForType())) {
      o.setExtension(OptionsProto.field, rest);
    }
    if (!o.build().equals(DescriptorProtos.FieldOptions.getDefaultInstance())) {
      f.setOptions(o);
    }
    return f;
  }

  private FieldDescriptorProto.Builder typed(FieldDescriptorProto.Builder f, TypeRef type) {
    switch (type.kind()) {
      case SCALAR -> f.setType(FieldDescriptorProto.Type.valueOf("TYPE_" + type.name().toUpperCase(java.util.Locale.ROOT)));
      case IMPORTED -> f.setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName("." + type.name());
      case LOCAL -> f.setType(enums.contains(type.name()) ? FieldDescriptorProto.Type.TYPE_ENUM : FieldDescriptorProto.Type.TYPE_MESSAGE)
          .setTypeName("." + pkg + "." + type.name());
    }
    return f;
  }

  private EnumDescriptorProto enumType(ProtoEnum protoEnum) {
    EnumDescriptorProto.Builder b = EnumDescriptorProto.newBuilder().setName(protoEnum.name());
    DescriptorProtos.EnumOptions.Builder o = DescriptorProtos.EnumOptions.newBuilder();
    if (protoEnum.deprecated()) {
      o.setDeprecated(true);
    }
    var rest = protoEnum.options();
    if (!rest.equals(rest.getDefaultInstanceForType())) {
      o.setExtension(OptionsProto.enumType, rest);
    }
    if (!o.build().equals(DescriptorProtos.EnumOptions.getDefaultInstance())) {
      b.setOptions(o);
    }
    for (ProtoEnum.Value value : protoEnum.values()) {
      EnumValueDescriptorProto.Builder v = EnumValueDescriptorProto.newBuilder().setName(value.name()).setNumber(value.number());
      var restValue = value.option();
      if (!restValue.equals(restValue.getDefaultInstanceForType())) {
        v.setOptions(DescriptorProtos.EnumValueOptions.newBuilder().setExtension(OptionsProto.enumValue, restValue));
      }
      b.addValue(v);
    }
    for (int number : protoEnum.reserved().numbers()) {
      b.addReservedRange(EnumDescriptorProto.EnumReservedRange.newBuilder().setStart(number).setEnd(number));
    }
    b.addAllReservedName(protoEnum.reserved().names());
    return b.build();
  }

  private ServiceDescriptorProto service(ProtoService service) {
    ServiceDescriptorProto.Builder b = ServiceDescriptorProto.newBuilder().setName(service.name());
    ServiceOptions written = options.service(service);
    var restService = written.service();
    if (!restService.equals(restService.getDefaultInstanceForType())) {
      b.setOptions(DescriptorProtos.ServiceOptions.newBuilder().setExtension(OptionsProto.service, restService));
    }
    for (ProtoRpc rpc : service.rpcs()) {
      MethodDescriptorProto.Builder m = MethodDescriptorProto.newBuilder()
          .setName(rpc.name())
          .setInputType("." + pkg + "." + rpc.requestType())
          .setOutputType("." + (rpc.responseType().kind() == TypeRef.Kind.LOCAL ? pkg + "." : "") + rpc.responseType().name());
      // protoc sets the streaming flags only when "stream" is written
      if (rpc.clientStreaming()) {
        m.setClientStreaming(true);
      }
      if (rpc.serverStreaming()) {
        m.setServerStreaming(true);
      }
      DescriptorProtos.MethodOptions.Builder o = DescriptorProtos.MethodOptions.newBuilder();
      if (rpc.deprecated()) {
        o.setDeprecated(true);
      }
      if (rpc.idempotency() != null) {
        o.setIdempotencyLevel(DescriptorProtos.MethodOptions.IdempotencyLevel.valueOf(rpc.idempotency().name()));
      }
      if (rpc.http() != null) {
        o.setExtension(AnnotationsProto.http, http(rpc.http()));
      }
      var rest = written.method(rpc);
      if (!rest.equals(rest.getDefaultInstanceForType())) {
        o.setExtension(OptionsProto.method, rest);
      }
      if (!o.build().equals(DescriptorProtos.MethodOptions.getDefaultInstance())) {
        m.setOptions(o);
      }
      b.addMethod(m);
    }
    return b.build();
  }

  private static com.google.api.HttpRule http(HttpRule rule) {
    com.google.api.HttpRule.Builder b = com.google.api.HttpRule.newBuilder();
    switch (rule.method()) {
      case "get" -> b.setGet(rule.path());
      case "put" -> b.setPut(rule.path());
      case "post" -> b.setPost(rule.path());
      case "delete" -> b.setDelete(rule.path());
      case "patch" -> b.setPatch(rule.path());
      default -> b.setCustom(CustomHttpPattern.newBuilder().setKind(rule.method()).setPath(rule.path()));
    }
    if (rule.body() != null) {
      b.setBody(rule.body());
    }
    if (rule.responseBody() != null) {
      b.setResponseBody(rule.responseBody());
    }
    return b.build();
  }

  /** protoc's name for a map field's entry type: the field name in CamelCase plus "Entry". */
  private static String mapEntryName(String field) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : field.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.append("Entry").toString();
  }

  private static String jsonName(String field) {
    return io.rest2grpc.openapi.naming.Names.defaultJsonName(field);
  }
}
