package io.rest2grpc.openapi.convert.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.lock.Sources;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.Renames;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.openapi.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A component schema the spec renamed, or extracted from an inline schema, without changing its
 * structure keeps its locked name: the REST wire did not change, so neither does the proto. A type of
 * a component schema the lock does not know takes the name of a locked type whose schema is gone
 * (a component, or an inline schema; not a request message) when both have the same fields (REST name
 * and type, presence aside) or the same enum values, and no other type of either side does. Repeated until nothing
 * changes, so that a renamed schema's inline types match first and then the schema that holds them.
 */
public final class RenamedSchemas {
  private final TypeStore store;
  private final Lock lock;
  private final String entryFile;
  private final JsonNode document;

  public RenamedSchemas(TypeStore store, Lock lock, String entryFile, JsonNode document) {
    this.store = store;
    this.lock = lock;
    this.entryFile = entryFile;
    this.document = document;
  }

  /** The renames (new type → locked name) and a finding for each. */
  public record Result(Renames renames, Report report) {}

  /** Decides the renames; the store stays as it is. */
  public Result decide(String pkg) {
    Map<String, Lock.MessageLock> goneMessages = gone(lock.messages(), Lock.MessageLock::source);
    Map<String, Lock.EnumLock> goneEnums = gone(lock.enums(), Lock.EnumLock::source);
    if (goneMessages.isEmpty() && goneEnums.isEmpty()) {
      return new Result(Renames.ofTypes(Map.of()), new Report(List.of()));
    }
    Set<String> lockedSources = new HashSet<>();
    lock.messages().values().forEach(m -> lockedSources.add(m.source()));
    lock.enums().values().forEach(e -> lockedSources.add(e.source()));
    List<ProtoMessage> newMessages = store.messages().values().stream()
        .filter(m -> !lock.messages().containsKey(m.name()) && isNewComponent(Sources.key(m.source(), entryFile, document), lockedSources))
        .toList();
    List<ProtoEnum> newEnums = store.enums().values().stream()
        .filter(e -> !lock.enums().containsKey(e.name()) && isNewComponent(Sources.key(e.source(), entryFile, document), lockedSources))
        .toList();
    if (newMessages.isEmpty() && newEnums.isEmpty()) {
      return new Result(Renames.ofTypes(Map.of()), new Report(List.of()));
    }
    Map<String, String> renames = new HashMap<>();
    matchUnique(newEnums, ProtoEnum::name, e -> enumShape(e.name(), e.values().stream().map(ProtoEnum.Value::name).toList()),
        goneEnums, (name, e) -> enumShape(name, e.values().stream().map(Lock.Value::name).toList()), renames);
    for (int before = -1; before != renames.size(); ) {
      before = renames.size();
      matchUnique(newMessages.stream().filter(m -> !renames.containsKey(m.name())).toList(), ProtoMessage::name,
          m -> m.fields().stream().map(f -> f.restName() + " " + Lock.Field.withoutPresence(typeWithRenames(Lock.Field.typeOf(f), renames)))
              .sorted().collect(Collectors.joining(", ")),
          without(goneMessages, renames), (name, m) -> m.fields().stream().map(f -> f.json() + " " + Lock.Field.withoutPresence(f.type()))
              .sorted().collect(Collectors.joining(", ")), renames);
    }
    Findings findings = new Findings();
    renames.forEach((from, to) -> findings.info(Category.LOCKED_NAME_KEPT, sourceOf(from), pkg + "." + to, "the schema of " + to
        + " is now where " + from + " would be made from, with the same structure: it keeps the locked name " + to));
    return new Result(Renames.ofTypes(renames), findings.report());
  }

  /** Locked types whose schema is no longer written where it was, and whose name no current type has. */
  private <T> Map<String, T> gone(Map<String, T> locked, Function<T, String> source) {
    Map<String, T> gone = new HashMap<>();
    locked.forEach((name, type) -> {
      String at = source.apply(type);
      if (!store.messages().containsKey(name) && !store.enums().containsKey(name) && !isRequest(at) && !Sources.isWrittenIn(at, document)) {
        gone.put(name, type);
      }
    });
    return gone;
  }

  private static boolean isNewComponent(String source, Set<String> lockedSources) {
    return isComponent(source) && !lockedSources.contains(source);
  }

  /**
   * A component schema or a schema inside one: what a spec renames. Types of operations are named
   * after their RPC, which the lock keeps by route.
   */
  private static boolean isComponent(String source) {
    return source.startsWith("#/components/schemas/") || source.startsWith("#/definitions/");
  }

  /** A request message: made from the operation itself and named after its RPC, which the lock keeps. */
  private static boolean isRequest(String source) {
    return source.startsWith("#") && Sources.isOperation(source.substring(1));
  }

  private static <T> Map<String, T> without(Map<String, T> gone, Map<String, String> renames) {
    Map<String, T> left = new HashMap<>(gone);
    left.keySet().removeAll(renames.values());
    return left;
  }

  /** Pairs each new type with the one gone type of its shape, where exactly one of each has it. */
  private static <N, G> void matchUnique(List<N> fresh, Function<N, String> name, Function<N, String> shape, Map<String, G> gone,
      BiFunction<String, G, String> goneShape, Map<String, String> renames) {
    Map<String, List<String>> freshByShape = new HashMap<>();
    fresh.forEach(n -> freshByShape.computeIfAbsent(shape.apply(n), k -> new ArrayList<>()).add(name.apply(n)));
    Map<String, List<String>> goneByShape = new HashMap<>();
    gone.forEach((n, g) -> goneByShape.computeIfAbsent(goneShape.apply(n, g), k -> new ArrayList<>()).add(n));
    freshByShape.forEach((shape2, names) -> {
      List<String> candidates = goneByShape.getOrDefault(shape2, List.of());
      if (names.size() == 1 && candidates.size() == 1 && !shape2.isEmpty()) {
        renames.put(names.get(0), candidates.get(0));
      }
    });
  }

  private static String enumShape(String enumName, List<String> values) {
    String prefix = Names.enumValuePrefix(enumName);
    return values.stream().map(v -> v.startsWith(prefix) ? v.substring(prefix.length()) : v).sorted().collect(Collectors.joining(", "));
  }

  private static String typeWithRenames(String type, Map<String, String> renames) {
    String name = Lock.Field.baseType(type);
    int start = type.lastIndexOf(' ') + 1;
    return renames.containsKey(name) ? type.substring(0, start) + type.substring(start).replace(name, renames.get(name)) : type;
  }

  private SourceLocation sourceOf(String type) {
    ProtoMessage message = store.messages().get(type);
    return message != null ? message.source() : store.enums().get(type).source();
  }
}
