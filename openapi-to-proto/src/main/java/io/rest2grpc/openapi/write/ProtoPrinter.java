package io.rest2grpc.openapi.write;

import com.google.protobuf.Message;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.concurrent.OwnThreads;
import io.rest2grpc.openapi.naming.LanguageOptions;
import io.rest2grpc.openapi.proto.HttpRule;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.Reserved;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints a {@link ProtoFile} as proto3 source, two-space indented, comments from the spec's
 * descriptions, and the REST facts of the conversion report as {@code rest2grpc.options.v1} options.
 */
public final class ProtoPrinter {
  static final String OPTIONS = "rest2grpc.options.v1";

  private final StringBuilder out = new StringBuilder();
  private final String packageName;
  private final RestOptionsMapper options;
  private final RestFile fileOption;
  private final LanguageOptions languages;
  private final OptionLayout layout;
  private final CommentText comments;
  /** Long descriptions written in full in this file, and on which element. */
  private final Map<String, String> writtenInFull = new HashMap<>();
  /** False for the shape-only view: the proto without the rest2grpc options. */
  private final boolean restOptions;

  private ProtoPrinter(String packageName, RestOptionsMapper options, RestFile fileOption, LanguageOptions languages, OptionLayout layout,
      CommentText comments, boolean restOptions) {
    this.packageName = packageName;
    this.languages = languages;
    this.options = options;
    this.fileOption = fileOption;
    this.layout = layout;
    this.comments = comments;
    this.restOptions = restOptions;
  }

  /** Prints one file of a conversion, with the REST facts of its report as rest2grpc options. */
  public static String print(ProtoFile file, Conversion conversion) {
    return print(file, conversion, true);
  }

  /**
   * Prints one file; without the rest2grpc options when {@code restOptions} is false, which shows
   * the proto's shape alone (what the shape tests read) laid out as it would be without them.
   */
  public static String print(ProtoFile file, Conversion conversion, boolean restOptions) {
    RestOptionsMapper options = new RestOptionsMapper(conversion);
    return new ProtoPrinter(file.packageName(), options, options.file(), conversion.fileOptions().languages(),
        new OptionLayout(), new CommentText(), restOptions).print(file);
  }

  /**
   * Prints every file of a conversion, in its order, in parallel. The file option is the same for
   * all of them (one package, one spec) and the costly one (it looks at every error of the report),
   * so it is made once, before the printing starts; after it the mapper only reads.
   */
  public static List<String> printAll(Conversion conversion) {
    RestOptionsMapper options = new RestOptionsMapper(conversion);
    RestFile fileOption = options.file();
    OptionLayout layout = new OptionLayout();
    CommentText comments = new CommentText();
    return OwnThreads.map("print", conversion.files(),
        file -> new ProtoPrinter(file.packageName(), options, fileOption, conversion.fileOptions().languages(), layout, comments, true).print(file));
  }

  private String print(ProtoFile file) {
    file(file);
    return out.toString();
  }

  private void file(ProtoFile file) {
    comment(file.headerComment(), "", file.path());
    out.append("syntax = \"proto3\";\n\n");
    out.append("package ").append(file.packageName()).append(";\n\n");
    for (String i : file.imports()) {
      out.append("import \"").append(i).append("\";\n");
    }
    if (!file.imports().isEmpty()) {
      out.append('\n');
    }
    languageOptions(file);
    option("file", fileOption, "");
    for (ProtoService service : file.services()) {
      out.append('\n');
      service(service);
    }
    for (ProtoMessage message : file.messages()) {
      out.append('\n');
      message(message);
    }
    for (ProtoEnum protoEnum : file.enums()) {
      out.append('\n');
      protoEnum(protoEnum);
    }
  }

  /** The language options, in buf's order, by the conversion's rule ({@link LanguageOptions}). */
  private void languageOptions(ProtoFile file) {
    out.append("option csharp_namespace = ").append(quote(languages.csharpNamespace(packageName))).append(";\n");
    out.append("option go_package = ").append(quote(languages.goPackage(packageName))).append(";\n");
    out.append("option java_multiple_files = true;\n");
    out.append("option java_outer_classname = ").append(quote(LanguageOptions.javaOuterClassname(file.path()))).append(";\n");
    out.append("option java_package = ").append(quote(languages.javaPackage(packageName))).append(";\n");
  }

  private void service(ProtoService service) {
    comment(service.comment(), "", service.name());
    out.append("service ").append(service.name()).append(" {\n");
    ServiceOptions written = options.service(service);
    if (option("service", written.service(), "  ") && !service.rpcs().isEmpty()) {
      out.append('\n');
    }
    Set<String> rpcNames = new HashSet<>();
    service.rpcs().forEach(rpc -> rpcNames.add(rpc.name()));
    boolean first = true;
    for (ProtoRpc rpc : service.rpcs()) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      comment(rpc.comment(), "  ", service.name() + "." + rpc.name());
      String request = "  rpc " + rpc.name() + "(" + (rpc.clientStreaming() ? "stream " : "") + inService(rpc.requestType(), rpcNames) + ")";
      String response = "returns (" + (rpc.serverStreaming() ? "stream " : "")
          + (rpc.responseType().kind() == TypeRef.Kind.LOCAL ? inService(rpc.responseType().name(), rpcNames) : rpc.responseType().name()) + ")";
      RestMethod method = written.method(rpc);
      boolean body = rpc.http() != null || rpc.deprecated() || rpc.idempotency() != null
          || !method.equals(RestMethod.getDefaultInstance());
      // a signature too long for one line continues on the next, as buf format breaks it
      boolean fits = request.length() + 1 + response.length() + 2 <= OptionLayout.WIDTH;
      out.append(request).append(fits ? " " : "\n      ").append(response);
      if (!body) {
        out.append(";\n");
        continue;
      }
      out.append(" {\n");
      if (rpc.http() != null) {
        http(rpc.http());
      }
      option("method", method, "    ");
      if (rpc.deprecated()) {
        out.append("    option deprecated = true;\n");
      }
      if (rpc.idempotency() != null) {
        out.append("    option idempotency_level = ").append(rpc.idempotency().name()).append(";\n");
      }
      out.append("  }\n");
    }
    out.append("}\n");
  }

  /** Inside a service an RPC name shadows a message of the same name: such types are written fully qualified. */
  private String inService(String type, Set<String> rpcNames) {
    return rpcNames.contains(type) ? "." + packageName + "." + type : type;
  }

  private void http(HttpRule rule) {
    out.append("    option (google.api.http) = {\n");
    if (rule.isCustom()) {
      out.append("      custom: {\n        kind: ").append(quote(rule.method())).append("\n        path: ")
          .append(quote(rule.path())).append("\n      }\n");
    } else {
      out.append("      ").append(rule.method()).append(": ").append(quote(rule.path())).append('\n');
    }
    if (rule.body() != null) {
      out.append("      body: ").append(quote(rule.body())).append('\n');
    }
    if (rule.responseBody() != null) {
      out.append("      response_body: ").append(quote(rule.responseBody())).append('\n');
    }
    out.append("    };\n");
  }

  private void message(ProtoMessage message) {
    comment(message.comment(), "", message.name());
    out.append("message ").append(message.name()).append(" {\n");
    if (message.deprecated()) {
      out.append("  option deprecated = true;\n");
    }
    option("message", message.options(), "  ");
    Set<String> printedOneofs = new HashSet<>();
    for (ProtoField field : message.fields()) {
      if (field.oneof() == null) {
        field(message.name(), field, "  ");
      } else if (printedOneofs.add(field.oneof())) {
        out.append("  oneof ").append(field.oneof()).append(" {\n");
        option("oneof", message.oneof(field.oneof()).option(), "    ");
        for (ProtoField member : message.fields()) {
          if (field.oneof().equals(member.oneof())) {
            field(message.name(), member, "    ");
          }
        }
        out.append("  }\n");
      }
    }
    reserved(message.reserved());
    out.append("}\n");
  }

  /** One number per entry, as protoc records them: {@code reserved 3, 7;} then {@code reserved "tag", "size";}. */
  private void reserved(Reserved reserved) {
    if (!reserved.numbers().isEmpty()) {
      out.append("  reserved ").append(String.join(", ", reserved.numbers().stream().map(String::valueOf).toList())).append(";\n");
    }
    if (!reserved.names().isEmpty()) {
      out.append("  reserved ").append(String.join(", ", reserved.names().stream().map(ProtoPrinter::quote).toList())).append(";\n");
    }
  }

  private void field(String message, ProtoField field, String indent) {
    comment(field.comment(), indent, message + "." + field.name());
    StringBuilder head = new StringBuilder();
    switch (field.cardinality()) {
      case OPTIONAL -> head.append("optional ");
      case REPEATED -> head.append("repeated ");
      default -> { }
    }
    if (field.cardinality() == ProtoField.Cardinality.MAP) {
      head.append("map<string, ").append(field.type().name()).append('>');
    } else {
      head.append(field.type().name());
    }
    head.append(' ').append(field.name()).append(" = ").append(field.number());
    List<OptionLayout.Item> fieldOptions = new ArrayList<>();
    if (field.jsonName() != null) {
      fieldOptions.add(OptionLayout.Item.of("json_name = " + quote(field.jsonName())));
    }
    for (String behavior : field.behaviors()) {
      fieldOptions.add(OptionLayout.Item.of("(google.api.field_behavior) = " + behavior));
    }
    if (field.deprecated()) {
      fieldOptions.add(OptionLayout.Item.of("deprecated = true"));
    }
    restOption(fieldOptions, "field", field.options().option());
    out.append(OptionLayout.optionList(indent, head.toString(), fieldOptions));
  }

  /** {@code (rest2grpc.options.v1.<name>) = {…}} as an entry of an option list, unless it says nothing. */
  private void restOption(List<OptionLayout.Item> items, String name, Message value) {
    if (restOptions && !value.equals(value.getDefaultInstanceForType())) {
      String head = "(" + OPTIONS + "." + name + ") = ";
      items.add((indent, column, after) -> head + layout.aggregate(value, indent, column + head.length(), after));
    }
  }

  private void protoEnum(ProtoEnum protoEnum) {
    comment(protoEnum.comment(), "", protoEnum.name());
    out.append("enum ").append(protoEnum.name()).append(" {\n");
    if (protoEnum.deprecated()) {
      out.append("  option deprecated = true;\n");
    }
    option("enum_type", protoEnum.options(), "  ");
    for (ProtoEnum.Value value : protoEnum.values()) {
      List<OptionLayout.Item> valueOptions = new ArrayList<>();
      restOption(valueOptions, "enum_value", value.option());
      out.append(OptionLayout.optionList("  ", value.name() + " = " + value.number(), valueOptions));
    }
    reserved(protoEnum.reserved());
    out.append("}\n");
  }

  /**
   * {@code option (rest2grpc.options.v1.<name>) = {…};}, unless the option message says nothing or
   * rest2grpc options are left out; whether it printed it.
   */
  private boolean option(String name, Message value, String indent) {
    if (!restOptions || value.equals(value.getDefaultInstanceForType())) {
      return false;
    }
    String head = indent + "option (" + OPTIONS + "." + name + ") = ";
    out.append(head).append(layout.aggregate(value, indent, head.length(), 1)).append(";\n");
    return true;
  }

  /**
   * The element's description as a comment. A long one already written in full on another element of
   * this file is shortened to its first sentence and the name of that element.
   */
  private void comment(String text, String indent, String element) {
    if (text == null || text.isBlank()) {
      return;
    }
    String rendered = comments.render(text, indent);
    if (rendered.lines().count() > CommentText.SHORT_LINES) {
      String fullOn = writtenInFull.putIfAbsent(text, element);
      if (fullOn != null) {
        rendered = comments.reference(text, indent, fullOn);
      }
    }
    for (String line : rendered.split("\n", -1)) {
      String trimmed = line.stripTrailing();
      out.append(indent).append(trimmed.isEmpty() ? "//" : "// " + trimmed).append('\n');
    }
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\%03o", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
