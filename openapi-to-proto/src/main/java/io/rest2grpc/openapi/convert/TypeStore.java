package io.rest2grpc.openapi.convert;

import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The package's messages and enums in creation order, with the names they took. */
final class TypeStore {
  private final NameRegistry typeNames = new NameRegistry("");
  private final NameRegistry enumValueNames = new NameRegistry("_");
  private final Map<String, ProtoMessage> messages = new LinkedHashMap<>();
  private final Map<String, ProtoEnum> enums = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();

  NameRegistry typeNames() {
    return typeNames;
  }

  /** Enum values share one scope per package (C++ scoping rules protoc enforces). */
  NameRegistry enumValueNames() {
    return enumValueNames;
  }

  /** Marks the position of a type about to be built, so that output order follows first use. */
  void claim(String name) {
    order.add(name);
  }

  void add(ProtoMessage message) {
    messages.put(message.name(), message);
  }

  void add(ProtoEnum protoEnum) {
    enums.put(protoEnum.name(), protoEnum);
  }

  Map<String, ProtoMessage> messages() {
    return Collections.unmodifiableMap(messages);
  }

  Map<String, ProtoEnum> enums() {
    return Collections.unmodifiableMap(enums);
  }

  /** Type names in the order they were first claimed. */
  List<String> order() {
    return Collections.unmodifiableList(order);
  }
}
