package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.OneofOptions;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.Renames;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.openapi.report.Report;
import io.rest2grpc.options.v1.RestEnum;
import io.rest2grpc.options.v1.RestEnumValue;
import io.rest2grpc.options.v1.RestMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Types of one shape become one type. Two messages have one shape when their fields are equal in
 * name, REST name, type, label, oneof, behaviours and options, and the messages' own options are
 * equal; numbers and comments do not count. Two enums have one shape when their wire values
 * (REST value and number) and options are equal. Request and response messages stay apart: each RPC
 * has its own (AIP-136). Merging is repeated until nothing changes, since messages become equal once
 * the types of their fields are merged.
 *
 * <p>The type a group keeps is, in this order: one whose name the lock holds (a locked type is never
 * merged away; two locked types of one shape both stay); one made from a component schema, named
 * after it; the one with the shortest name; the first made. Members of one oneof are never merged
 * with each other: each stands for its own variant of the union.
 */
public final class DuplicateTypes {
  private final TypeStore store;
  private final Set<String> fixed;
  private final Map<String, String> merged = new LinkedHashMap<>();
  private final Map<String, Set<String>> siblings;

  /** @param fixed names that must stay: locked, or about to take a locked name */
  private DuplicateTypes(TypeStore store, Set<String> fixed) {
    this.store = store;
    this.fixed = fixed;
    this.siblings = siblings(store);
  }

  /**
   * The merges (type merged away → type kept), the fields the lock pins to another type (by message,
   * field name → type), and a report row for each merge.
   */
  public record Result(Renames merges, Map<String, Map<String, String>> pinned, Report report) {
    public Result {
      pinned = Map.copyOf(pinned);
    }
  }

  /**
   * @param lock the lock, whose fields keep the type they were locked with while that type can carry
   *     their REST JSON: two locked types of one shape are never swapped for each other, and a field
   *     whose locked type has since grown keeps it
   * @param lockNames the names the lock gives the store's types (the renames of moved schemas)
   */
  public static Result find(TypeStore store, Set<String> fixed, Lock lock, Renames lockNames, String pkg) {
    DuplicateTypes duplicates = new DuplicateTypes(store, fixed);
    duplicates.mergeGroups(store.enums().values().stream().toList(), ProtoEnum::name, DuplicateTypes::shape, ProtoEnum::source);
    List<ProtoMessage> messages = store.messages().values().stream().filter(DuplicateTypes::shareable).toList();
    for (int before = -1; before != duplicates.merged.size(); ) {
      before = duplicates.merged.size();
      List<ProtoMessage> left = messages.stream().filter(m -> !duplicates.merged.containsKey(m.name())).toList();
      duplicates.mergeGroups(left, ProtoMessage::name, duplicates::shape, ProtoMessage::source);
    }
    duplicates.merged.replaceAll((from, to) -> duplicates.finalName(to));
    Map<String, Map<String, String>> pinned = duplicates.pinned(lock, lockNames);
    Findings findings = new Findings();
    duplicates.merged.forEach((from, to) -> findings.info(Category.DUPLICATE_TYPE_MERGED, sourceOf(store, from), pkg + "." + from,
        from + " has the shape of " + to + " (the same fields or values, numbers and comments aside): " + to + " is used instead"));
    return new Result(Renames.ofTypes(duplicates.merged), pinned, findings.report());
  }

  private static boolean shareable(ProtoMessage message) {
    return !message.name().endsWith("Request") && !message.name().endsWith("Response");
  }

  private <T> void mergeGroups(List<T> types, Function<T, String> name, Function<T, Object> shape,
      Function<T, SourceLocation> source) {
    Map<Object, List<T>> groups = new LinkedHashMap<>();
    types.forEach(t -> groups.computeIfAbsent(shape.apply(t), k -> new ArrayList<>()).add(t));
    Map<String, Integer> order = new HashMap<>();
    for (List<T> group : groups.values()) {
      if (group.size() < 2) {
        continue;
      }
      if (order.isEmpty()) {
        List<String> all = store.order();
        for (int i = 0; i < all.size(); i++) {
          order.put(all.get(i), i);
        }
      }
      List<String> preferred = group.stream().sorted(Comparator.<T, Boolean>comparing(t -> !fixed.contains(name.apply(t)))
          .thenComparing(t -> !isComponent(source.apply(t)))
          .thenComparingInt(t -> name.apply(t).length())
          .thenComparingInt(t -> order.getOrDefault(name.apply(t), Integer.MAX_VALUE))).map(name).toList();
      List<String> kept = new ArrayList<>();
      for (String type : preferred) {
        String into = kept.stream().filter(k -> !siblings.getOrDefault(k, Set.of()).contains(type)).findFirst().orElse(null);
        if (into == null || fixed.contains(type)) {
          kept.add(type);
        } else {
          merge(type, into);
        }
      }
    }
  }

  /** {@code from} merged into {@code to}, which from now on is a sibling of each of {@code from}'s. */
  private void merge(String from, String to) {
    merged.put(from, to);
    for (String sibling : siblings.getOrDefault(from, Set.of())) {
      siblings.computeIfAbsent(to, k -> new HashSet<>()).add(sibling);
      siblings.computeIfAbsent(sibling, k -> new HashSet<>()).add(to);
    }
  }

  /**
   * Types that are members of one oneof: the variants of a union stay apart even where they have
   * one shape (a subtype that only annotates its base, beside the base itself).
   */
  private static Map<String, Set<String>> siblings(TypeStore store) {
    Map<String, Set<String>> siblings = new HashMap<>();
    for (ProtoMessage message : store.messages().values()) {
      Map<String, List<String>> members = new HashMap<>();
      for (ProtoField f : message.fields()) {
        if (f.oneof() != null && f.type().kind() == TypeRef.Kind.LOCAL) {
          members.computeIfAbsent(f.oneof(), k -> new ArrayList<>()).add(f.type().name());
        }
      }
      for (List<String> oneof : members.values()) {
        for (String a : oneof) {
          for (String b : oneof) {
            if (!a.equals(b)) {
              siblings.computeIfAbsent(a, k -> new HashSet<>()).add(b);
            }
          }
        }
      }
    }
    return siblings;
  }

  /**
   * Fields of locked messages whose locked type still exists and still holds what the field's own
   * type holds (the same or more fields or values), where the merges would give them another type.
   */
  private Map<String, Map<String, String>> pinned(Lock lock, Renames lockNames) {
    if (lock.messages().isEmpty()) {
      return Map.of();
    }
    Map<String, String> storeNames = new HashMap<>();
    lockNames.types().forEach((storeName, lockName) -> storeNames.put(lockName, storeName));
    Map<String, Map<String, String>> pinned = new HashMap<>();
    for (ProtoMessage message : store.messages().values()) {
      Lock.MessageLock locked = merged.containsKey(message.name()) ? null : lock.messages().get(lockNames.type(message.name()));
      if (locked == null) {
        continue;
      }
      Map<String, Lock.Field> byJson = new HashMap<>();
      locked.fields().forEach(f -> byJson.put(f.json(), f));
      for (ProtoField field : message.fields()) {
        Lock.Field before = byJson.get(field.restName());
        if (before == null || field.type().kind() != TypeRef.Kind.LOCAL) {
          continue;
        }
        String own = field.type().name();
        String lockedType = Lock.Field.baseType(before.type());
        lockedType = storeNames.getOrDefault(lockedType, lockedType);
        if (!lockedType.equals(finalName(own)) && !merged.containsKey(lockedType) && holds(lockedType, own)) {
          pinned.computeIfAbsent(message.name(), k -> new HashMap<>()).put(field.name(), lockedType);
        }
      }
    }
    return pinned;
  }

  /** Whether every field (or value) of {@code type} is in {@code container}, with the same options. */
  private boolean holds(String container, String type) {
    ProtoMessage outer = store.messages().get(container);
    ProtoMessage inner = store.messages().get(type);
    if (outer != null && inner != null) {
      MessageShape a = (MessageShape) shape(outer);
      MessageShape b = (MessageShape) shape(inner);
      return a.options().equals(b.options()) && a.fields().containsAll(b.fields()) && a.oneofs().entrySet().containsAll(b.oneofs().entrySet());
    }
    ProtoEnum outerEnum = store.enums().get(container);
    ProtoEnum innerEnum = store.enums().get(type);
    if (outerEnum != null && innerEnum != null) {
      EnumShape a = (EnumShape) shape(outerEnum);
      EnumShape b = (EnumShape) shape(innerEnum);
      return a.options().equals(b.options()) && wire(a).containsAll(wire(b));
    }
    return false;
  }

  /** The values without their numbers, which the lock gives a locked enum only after merging. */
  private static Set<ValueShape> wire(EnumShape shape) {
    Set<ValueShape> wire = new HashSet<>();
    shape.values().forEach(v -> wire.add(new ValueShape(v.wire(), v.unnamed(), 0)));
    return wire;
  }

  /** The type {@code name} ends as: a type kept in one round may be merged into another in a later one. */
  private String finalName(String name) {
    String to = name;
    for (String next = merged.get(to); next != null; next = merged.get(to)) {
      to = next;
    }
    return to;
  }

  /** A schema written as a component of its own ({@code #/components/schemas/Name}, {@code #/definitions/Name}). */
  private static boolean isComponent(SourceLocation source) {
    if (source == null) {
      return false;
    }
    String pointer = source.pointer();
    return pointer.startsWith("/components/schemas/") && pointer.indexOf('/', "/components/schemas/".length()) < 0
        || pointer.startsWith("/definitions/") && pointer.indexOf('/', "/definitions/".length()) < 0;
  }

  private record MessageShape(RestMessage options, boolean deprecated, Map<String, OneofOptions> oneofs, Set<FieldShape> fields) {}

  private record FieldShape(String name, String restName, TypeRef type, ProtoField.Cardinality cardinality, String oneof,
      List<String> behaviors, boolean deprecated, FieldOptions options) {}

  private record EnumShape(RestEnum options, boolean deprecated, Set<ValueShape> values) {}

  private record ValueShape(RestEnumValue wire, String unnamed, int number) {}

  private Object shape(ProtoMessage message) {
    Set<FieldShape> fields = new HashSet<>();
    for (ProtoField f : message.fields()) {
      TypeRef type = f.type();
      TypeRef to = type.kind() == TypeRef.Kind.LOCAL && merged.containsKey(type.name()) ? TypeRef.local(finalName(type.name())) : type;
      fields.add(new FieldShape(f.name(), f.restName(), to, f.cardinality(), f.oneof(), f.behaviors(),
          f.deprecated(), f.options()));
    }
    return new MessageShape(message.options(), message.deprecated(), message.oneofs(), fields);
  }

  /** The wire values; a value without one ({@code …_UNSPECIFIED}) by its name after the enum's prefix. */
  private static Object shape(ProtoEnum protoEnum) {
    String prefix = Names.enumValuePrefix(protoEnum.name());
    Set<ValueShape> values = new HashSet<>();
    for (ProtoEnum.Value v : protoEnum.values()) {
      boolean unnamed = v.restValue() == null || v.restValue().value() == null;
      String rest = unnamed ? (v.name().startsWith(prefix) ? v.name().substring(prefix.length()) : v.name()) : null;
      values.add(new ValueShape(v.option(), rest, v.number()));
    }
    return new EnumShape(protoEnum.options(), protoEnum.deprecated(), values);
  }

  private static SourceLocation sourceOf(TypeStore store, String type) {
    ProtoMessage message = store.messages().get(type);
    return message != null ? message.source() : store.enums().get(type).source();
  }
}
