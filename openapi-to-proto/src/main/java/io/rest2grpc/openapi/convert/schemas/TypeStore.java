package io.rest2grpc.openapi.convert.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.lock.Sources;
import io.rest2grpc.openapi.naming.ChosenNames;
import io.rest2grpc.openapi.naming.NameRegistry;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.Renames;
import io.rest2grpc.openapi.proto.TypeRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package's messages and enums in creation order, with the names they took: a schema the lock
 * knows takes its locked name, and no other schema takes a locked name.
 */
public final class TypeStore {
  private final NameRegistry typeNames = new NameRegistry("");
  private final NameRegistry enumValueNames = new NameRegistry("_");
  private final Map<String, ProtoMessage> messages = new LinkedHashMap<>();
  private final Map<String, ProtoEnum> enums = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final String entryFile;
  private final JsonNode document;
  /** Names the lock gives the types made from each source (a list response and its item schema can share one). */
  private final Map<String, List<String>> lockedNames = new HashMap<>();
  private final Set<String> lockedTypes = new HashSet<>();
  private final Map<String, Lock.RpcLock> lockedRpcs;
  private final Map<String, Lock.MessageLock> lockedMessages;
  private final Map<String, String> nameRules = new HashMap<>();
  private final Map<String, SourceLocation> chosen = new HashMap<>();

  /**
   * @param document the entry document: a locked type whose schema is gone from it (or is now a
   *     {@code $ref}) no longer holds its name, so a schema that moved (an inline enum extracted into a
   *     component of the same name) takes it
   */
  public TypeStore(String entryFile, JsonNode document, Lock lock) {
    this.entryFile = entryFile;
    this.document = document;
    this.lockedRpcs = lock.rpcs();
    this.lockedMessages = lock.messages();
    lock.messages().forEach((name, message) -> lockType(name, message.source()));
    lock.enums().forEach((name, protoEnum) -> lockType(name, protoEnum.source()));
    lock.rpcs().values().forEach(rpc -> typeNames.hold(rpc.service()));
  }

  private void lockType(String name, String source) {
    lockedNames.computeIfAbsent(source, k -> new ArrayList<>()).add(name);
    lockedTypes.add(name);
    if (Sources.isWrittenIn(source, document)) {
      typeNames.hold(name);
    }
  }

  public NameRegistry typeNames() {
    return typeNames;
  }

  /**
   * The locked name of the type made from the schema at {@code source}, if still free; else
   * {@code wanted} or a suffixed form. Where the lock has several types from one source (responses of
   * several RPCs that all use one schema), each is named after something else that is locked, so
   * only {@code wanted} itself can be the one.
   */
  public String reserveType(String wanted, SourceLocation source) {
    List<String> locked = lockedNames.isEmpty() ? List.of() : lockedNames.getOrDefault(Sources.key(source, entryFile, document), List.of());
    String name = locked.size() == 1 ? locked.get(0) : locked.contains(wanted) ? wanted : null;
    return typeNames.reserve(name, wanted);
  }

  /**
   * Whether the lock has {@code request} as a message made from the operation itself (the body held in
   * a field), so that a body component now named like it stays in that field rather than become the request.
   */
  public boolean isLockedRequestOf(String request, SourceLocation operation) {
    return lockedNames.getOrDefault(Sources.key(operation, entryFile, document), List.of()).contains(request);
  }

  /** Whether the lock has a live field of {@code message} that answers to the REST name {@code json}. */
  public boolean isLockedField(String message, String json) {
    Lock.MessageLock locked = lockedMessages.get(message);
    return locked != null && locked.fields().stream().anyMatch(field -> field.json().equals(json));
  }

  /** A type named by its content alone (a wrapper such as ArrayOfString): the same name means the same type. */
  String reserveByContent(String wanted) {
    return typeNames.reserve(lockedTypes.contains(wanted) ? wanted : null, wanted);
  }

  /** The name and service the lock gives the operation at {@code operation}, or null. */
  public Lock.RpcLock lockedRpc(SourceLocation operation) {
    String route = Sources.route(operation);
    return route == null ? null : lockedRpcs.get(route);
  }

  /** Whether the lock has an RPC in a service of this name: operations grouped under it join it. */
  public boolean isLockedService(String name) {
    return lockedRpcs.values().stream().anyMatch(rpc -> rpc.service().equals(name));
  }

  /** Enum values share one scope per package (C++ scoping rules protoc enforces). */
  NameRegistry enumValueNames() {
    return enumValueNames;
  }

  /** Marks the position of a type about to be built, so that output order follows first use. */
  public void claim(String name) {
    order.add(name);
  }

  public void add(ProtoMessage message) {
    messages.put(message.name(), message);
  }

  public void add(ProtoEnum protoEnum) {
    enums.put(protoEnum.name(), protoEnum);
  }

  /** Whether the lock holds a type of this name. */
  public boolean isLocked(String name) {
    return lockedTypes.contains(name);
  }

  /**
   * Drops the types the merges merge away and points every field at the type kept instead, or at the
   * type the lock pins it to. Names stay reserved, so no later type takes a merged name.
   */
  public void merge(DuplicateTypes.Result duplicates) {
    Renames merges = duplicates.merges();
    merges.types().keySet().forEach(name -> {
      messages.remove(name);
      enums.remove(name);
    });
    order.removeAll(merges.types().keySet());
    messages.replaceAll((name, message) -> {
      Map<String, String> pins = duplicates.pinned().getOrDefault(name, Map.of());
      ProtoMessage merged = merges.message(message);
      return pins.isEmpty() ? merged : merged.withFields(merged.fields().stream()
          .map(f -> pins.containsKey(f.name()) ? f.withType(TypeRef.local(pins.get(f.name()))) : f).toList());
    });
  }

  public Map<String, ProtoMessage> messages() {
    return Collections.unmodifiableMap(messages);
  }

  public Map<String, ProtoEnum> enums() {
    return Collections.unmodifiableMap(enums);
  }

  /** Records the rule that produced a type's name, for the report's names section (the first one recorded stays). */
  public void nameRule(String name, String rule) {
    nameRules.putIfAbsent(name, rule);
  }

  /** Whether the lock has a message or enum of this name. */
  boolean isLockedType(String name) {
    return lockedTypes.contains(name);
  }

  /** Records a name chosen with x-grpc-name at {@code source}. */
  void chosenName(String name, SourceLocation source) {
    chosen.put(name, source);
  }

  /** The rule of every type name recorded, a chosen one told apart by whether the config's renames set it. */
  public Map<String, String> nameRules(Set<String> configRenamed) {
    Map<String, String> rules = new HashMap<>(nameRules);
    chosen.forEach((name, source) -> rules.put(name, ChosenNames.rule(configRenamed, source)));
    return rules;
  }

  /** Type names in the order they were first claimed. */
  public List<String> order() {
    return Collections.unmodifiableList(order);
  }
}
