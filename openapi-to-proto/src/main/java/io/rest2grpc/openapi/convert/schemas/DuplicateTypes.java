package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
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
 * after it; the one with the shortest name; the first made.
 */
public final class DuplicateTypes {
  private final TypeStore store;
  private final Set<String> fixed;
  private final Map<String, String> merged = new LinkedHashMap<>();

  /** @param fixed names that must stay: locked, or about to take a locked name */
  private DuplicateTypes(TypeStore store, Set<String> fixed) {
    this.store = store;
    this.fixed = fixed;
  }

  /** The merges (type merged away → type kept) and a report row for each. */
  public record Result(Renames merges, Report report) {}

  public static Result find(TypeStore store, Set<String> fixed, String pkg) {
    DuplicateTypes duplicates = new DuplicateTypes(store, fixed);
    duplicates.mergeGroups(store.enums().values().stream().toList(), ProtoEnum::name, DuplicateTypes::shape, ProtoEnum::source);
    List<ProtoMessage> messages = store.messages().values().stream().filter(DuplicateTypes::shareable).toList();
    for (int before = -1; before != duplicates.merged.size(); ) {
      before = duplicates.merged.size();
      List<ProtoMessage> left = messages.stream().filter(m -> !duplicates.merged.containsKey(m.name())).toList();
      duplicates.mergeGroups(left, ProtoMessage::name, duplicates::shape, ProtoMessage::source);
    }
    Findings findings = new Findings();
    duplicates.merged.forEach((from, to) -> findings.info(Category.DUPLICATE_TYPE_MERGED, sourceOf(store, from), pkg + "." + from,
        from + " has the shape of " + to + " (the same fields or values, numbers and comments aside): " + to + " is used instead"));
    return new Result(Renames.ofTypes(duplicates.merged), findings.report());
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
      T kept = group.stream().min(Comparator.<T, Boolean>comparing(t -> !fixed.contains(name.apply(t)))
          .thenComparing(t -> !isComponent(source.apply(t)))
          .thenComparingInt(t -> name.apply(t).length())
          .thenComparingInt(t -> order.getOrDefault(name.apply(t), Integer.MAX_VALUE))).orElseThrow();
      for (T type : group) {
        if (type != kept && !fixed.contains(name.apply(type))) {
          merged.put(name.apply(type), name.apply(kept));
        }
      }
    }
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
      String to = type.kind() == TypeRef.Kind.LOCAL ? merged.get(type.name()) : null;
      fields.add(new FieldShape(f.name(), f.restName(), to == null ? type : TypeRef.local(to), f.cardinality(), f.oneof(), f.behaviors(),
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
