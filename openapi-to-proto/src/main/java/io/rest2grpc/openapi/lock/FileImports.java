package io.rest2grpc.openapi.lock;

import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.TypeRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A file's imports once the lock kept some fields' locked types: the imports its fields' types needed
 * as converted are replaced by those they need now (a held-back {@code Struct} needs struct.proto, a
 * {@code Timestamp} no longer used needs no timestamp.proto); every other import stays.
 */
final class FileImports {
  private FileImports() {}

  static List<String> after(ProtoFile file, List<ProtoMessage> messages, List<ProtoFile> all) {
    if (messages.equals(file.messages())) {
      return file.imports();
    }
    Map<String, String> fileOf = new HashMap<>();
    for (ProtoFile other : all) {
      other.messages().forEach(m -> fileOf.put(m.name(), other.path()));
      other.enums().forEach(e -> fileOf.put(e.name(), other.path()));
    }
    Set<String> before = ofFields(file.messages(), file.path(), fileOf);
    Set<String> now = ofFields(messages, file.path(), fileOf);
    if (before.equals(now)) {
      return file.imports();
    }
    Set<String> imports = new TreeSet<>(file.imports());
    before.stream().filter(i -> !now.contains(i) && !usedByServices(file, i, fileOf)).forEach(imports::remove);
    imports.addAll(now);
    return List.copyOf(imports);
  }

  private static Set<String> ofFields(List<ProtoMessage> messages, String self, Map<String, String> fileOf) {
    Set<String> imports = new TreeSet<>();
    for (ProtoMessage message : messages) {
      for (ProtoField field : message.fields()) {
        String path = path(field.type(), self, fileOf);
        if (path != null) {
          imports.add(path);
        }
      }
    }
    return imports;
  }

  private static boolean usedByServices(ProtoFile file, String importPath, Map<String, String> fileOf) {
    return file.services().stream().flatMap(s -> s.rpcs().stream())
        .anyMatch(rpc -> importPath.equals(path(TypeRef.local(rpc.requestType()), file.path(), fileOf))
            || importPath.equals(path(rpc.responseType(), file.path(), fileOf)));
  }

  private static String path(TypeRef type, String self, Map<String, String> fileOf) {
    String path = type.kind() == TypeRef.Kind.IMPORTED ? type.importPath()
        : type.kind() == TypeRef.Kind.LOCAL ? fileOf.get(type.name()) : null;
    return path == null || path.equals(self) ? null : path;
  }
}
