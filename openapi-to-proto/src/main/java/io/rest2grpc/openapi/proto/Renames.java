package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.naming.Names;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renames in the protos of one package, applied at once wherever a name is referred to: {@code types}
 * (old name → new name; an enum's values take the prefix of its new name) in messages, enums, field
 * types and RPC request and response types; {@code fields} (by message, old field name → new name;
 * the field keeps its REST name) in messages and in the HttpRule path variables, bodies and response
 * bodies that name them. Fields are looked up by their message's name before the type renames.
 */
public record Renames(Map<String, String> types, Map<String, Map<String, String>> fields) {
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}=]+)([}=])");

  public Renames {
    types = Map.copyOf(types);
    fields = fields.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
  }

  public static Renames ofTypes(Map<String, String> types) {
    return new Renames(types, Map.of());
  }

  public static Renames ofFields(Map<String, Map<String, String>> fields) {
    return new Renames(Map.of(), fields);
  }

  public boolean isEmpty() {
    return types.isEmpty() && fields.isEmpty();
  }

  /** The name {@code type} takes: its new name, or itself. */
  public String type(String type) {
    return types.getOrDefault(type, type);
  }

  public List<ProtoFile> apply(List<ProtoFile> files) {
    if (isEmpty()) {
      return files;
    }
    return files.stream().map(f -> new ProtoFile(f.path(), f.packageName(), f.headerComment(), f.imports(),
        f.services().stream().map(s -> s.withRpcs(s.rpcs().stream().map(this::rpc).toList())).toList(),
        f.messages().stream().map(this::message).toList(), f.enums().stream().map(this::protoEnum).toList())).toList();
  }

  /** {@code message} with its name and its fields' names and types renamed. */
  public ProtoMessage message(ProtoMessage message) {
    Map<String, String> renamed = fields.getOrDefault(message.name(), Map.of());
    return message.withName(type(message.name()))
        .withFields(message.fields().stream().map(f -> field(f, renamed.get(f.name()))).toList());
  }

  private ProtoField field(ProtoField field, String newName) {
    ProtoField named = newName == null ? field : field.renamed(newName);
    TypeRef type = typeRef(field.type());
    return type == field.type() ? named : named.withType(type);
  }

  private ProtoEnum protoEnum(ProtoEnum protoEnum) {
    String name = types.get(protoEnum.name());
    if (name == null) {
      return protoEnum;
    }
    String from = Names.enumValuePrefix(protoEnum.name());
    String to = Names.enumValuePrefix(name);
    return protoEnum.with(name, protoEnum.values().stream()
        .map(v -> v.name().startsWith(from) ? v.withName(to + v.name().substring(from.length())) : v).toList(), protoEnum.reserved());
  }

  /** {@code rpc} with its types renamed, and the fields its HttpRule names. */
  public ProtoRpc rpc(ProtoRpc rpc) {
    ProtoRpc retyped = rpc.withTypes(type(rpc.requestType()), typeRef(rpc.responseType()));
    Map<String, String> request = fields.getOrDefault(rpc.requestType(), Map.of());
    Map<String, String> response = fields.getOrDefault(rpc.responseType().name(), Map.of());
    HttpRule http = rpc.http();
    if (http == null || request.isEmpty() && response.isEmpty()) {
      return retyped;
    }
    Matcher variables = PATH_VARIABLE.matcher(http.path());
    String path = variables.replaceAll(v -> Matcher.quoteReplacement("{" + request.getOrDefault(v.group(1), v.group(1)) + v.group(2)));
    return retyped.withHttp(new HttpRule(http.method(), path, http.body() == null ? null : request.getOrDefault(http.body(), http.body()),
        http.responseBody() == null ? null : response.getOrDefault(http.responseBody(), http.responseBody())));
  }

  private TypeRef typeRef(TypeRef type) {
    return type.kind() == TypeRef.Kind.LOCAL && types.containsKey(type.name()) ? TypeRef.local(types.get(type.name())) : type;
  }
}
