package io.rest2grpc.openapi.proto;

import java.util.List;

/** One .proto file: {@code path} is relative to the output root and matches the package. */
public record ProtoFile(
    String path,
    String packageName,
    String headerComment,
    List<String> imports,
    List<ProtoService> services,
    List<ProtoMessage> messages,
    List<ProtoEnum> enums) {

  public ProtoFile {
    imports = List.copyOf(imports);
    services = List.copyOf(services);
    messages = List.copyOf(messages);
    enums = List.copyOf(enums);
  }
}
