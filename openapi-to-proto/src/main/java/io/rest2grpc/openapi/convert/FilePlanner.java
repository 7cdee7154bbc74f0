package io.rest2grpc.openapi.convert;

import io.rest2grpc.openapi.convert.schemas.TypeStore;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.transcoding.RestOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places types in files: one file per service ({@code orders_service.proto}) holding the service,
 * its request messages and the types written inline in its operations; everything else (component
 * schemas, wrappers, and any type used from more than one file) in {@code models.proto}. A type
 * stays in a service file only while every user of it is in that file, so service files import
 * {@code models.proto} and never each other. A type keeps the file its lock names while that
 * rule allows, so a spec change never moves it between files by itself.
 */
final class FilePlanner {
  static final String SHARED_FILE = "models.proto";

  private FilePlanner() {}

  /**
   * @param homes for each type that may live in a service file, the service it came from
   * @param lockedFiles the file the lock puts a type in: it stays there while the rule above allows
   */
  static List<ProtoFile> plan(String pkg, String header, List<ProtoService> services, TypeStore store, Map<String, String> homes,
      Map<String, String> lockedFiles) {
    String dir = pkg.replace('.', '/') + "/";
    Map<String, String> serviceFiles = new LinkedHashMap<>();
    for (ProtoService service : services) {
      String base = service.name().endsWith("Service") ? service.name().substring(0, service.name().length() - "Service".length()) : service.name();
      serviceFiles.put(service.name(), dir + Names.snake(base) + "_service.proto");
    }
    String shared = dir + SHARED_FILE;

    Map<String, Set<String>> usersOf = new HashMap<>();
    for (ProtoMessage message : store.messages().values()) {
      for (ProtoField field : message.fields()) {
        if (field.type().kind() == TypeRef.Kind.LOCAL) {
          usersOf.computeIfAbsent(field.type().name(), k -> new HashSet<>()).add(message.name());
        }
      }
    }
    for (ProtoService service : services) {
      for (ProtoRpc rpc : service.rpcs()) {
        usersOf.computeIfAbsent(rpc.requestType(), k -> new HashSet<>()).add(serviceKey(service.name()));
        if (rpc.responseType().kind() == TypeRef.Kind.LOCAL) {
          usersOf.computeIfAbsent(rpc.responseType().name(), k -> new HashSet<>()).add(serviceKey(service.name()));
        }
      }
    }

    Map<String, String> fileOf = new HashMap<>();
    for (String type : store.order()) {
      String home = homes.get(type);
      String locked = lockedFiles.get(type);
      boolean lockedInPlace = locked != null && (locked.equals(shared) || serviceFiles.containsValue(locked));
      fileOf.put(type, lockedInPlace ? locked : home == null ? shared : serviceFiles.get(home));
    }
    for (ProtoService service : services) {
      fileOf.put(serviceKey(service.name()), serviceFiles.get(service.name()));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String type : store.order()) {
        String file = fileOf.get(type);
        if (file.equals(shared)) {
          continue;
        }
        for (String user : usersOf.getOrDefault(type, Set.of())) {
          if (!file.equals(fileOf.get(user))) {
            fileOf.put(type, shared);
            changed = true;
            break;
          }
        }
      }
    }

    Map<String, List<String>> typesByFile = new HashMap<>();
    for (String type : store.order()) {
      typesByFile.computeIfAbsent(fileOf.get(type), f -> new ArrayList<>()).add(type);
    }
    List<ProtoFile> files = new ArrayList<>();
    for (ProtoService service : services) {
      String path = serviceFiles.get(service.name());
      files.add(file(path, pkg, header, List.of(service), store, typesByFile.getOrDefault(path, List.of()), fileOf));
    }
    if (typesByFile.containsKey(shared)) {
      files.add(file(shared, pkg, header, List.of(), store, typesByFile.get(shared), fileOf));
    }
    return files;
  }

  private static String serviceKey(String service) {
    return "service " + service;
  }

  private static ProtoFile file(String path, String pkg, String header, List<ProtoService> services, TypeStore store,
      List<String> types, Map<String, String> fileOf) {
    List<ProtoMessage> messages = new ArrayList<>();
    List<ProtoEnum> enums = new ArrayList<>();
    for (String type : types) {
      ProtoMessage message = store.messages().get(type);
      if (message != null) {
        messages.add(message);
      }
      ProtoEnum protoEnum = store.enums().get(type);
      if (protoEnum != null) {
        enums.add(protoEnum);
      }
    }
    // every file carries the file-level rest2grpc option (at least the spec it came from)
    Set<String> imports = new TreeSet<>(Set.of(RestOptions.PROTO_PATH));
    for (ProtoMessage message : messages) {
      for (ProtoField field : message.fields()) {
        addImport(imports, field.type(), path, fileOf);
        if (!field.behaviors().isEmpty()) {
          imports.add("google/api/field_behavior.proto");
        }
      }
    }
    for (ProtoService service : services) {
      for (ProtoRpc rpc : service.rpcs()) {
        addImport(imports, TypeRef.local(rpc.requestType()), path, fileOf);
        addImport(imports, rpc.responseType(), path, fileOf);
        if (rpc.http() != null) {
          imports.add("google/api/annotations.proto");
        }
      }
    }
    return new ProtoFile(path, pkg, header, List.copyOf(imports), services, messages, enums);
  }

  private static void addImport(Set<String> imports, TypeRef type, String self, Map<String, String> fileOf) {
    if (type.kind() == TypeRef.Kind.IMPORTED) {
      imports.add(type.importPath());
    } else if (type.kind() == TypeRef.Kind.LOCAL) {
      String file = fileOf.get(type.name());
      if (file != null && !file.equals(self)) {
        imports.add(file);
      }
    }
  }
}
