package io.rest2grpc.openapi.lock;

import io.rest2grpc.openapi.proto.ProtoField;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * What one proto package has handed out, so that converting a newer spec keeps it: the name and file
 * of every message and enum (keyed by proto name, each with the schema it was made from), their field
 * and enum value numbers and the ones retired, and the name and service of every RPC (keyed by its
 * REST route). Fields are matched by their REST (JSON) name, which is what stays stable between
 * spec versions; types by their source, so an inline schema keeps its synthesized name.
 */
public record Lock(String packageName, Map<String, MessageLock> messages, Map<String, EnumLock> enums, Map<String, RpcLock> rpcs) {

  public Lock {
    messages = Collections.unmodifiableSortedMap(new TreeMap<>(messages));
    enums = Collections.unmodifiableSortedMap(new TreeMap<>(enums));
    rpcs = Collections.unmodifiableSortedMap(new TreeMap<>(rpcs));
  }

  public static Lock empty(String packageName) {
    return new Lock(packageName, Map.of(), Map.of(), Map.of());
  }

  /** The lock of a first conversion: nothing handed out yet, in whatever package the spec converts to. */
  public static Lock initial() {
    return empty(null);
  }

  /**
   * This lock for a conversion into {@code pkg}: a first conversion's lock takes it. A lock that has
   * a package pins it ({@code SpecConverter.packageName} chose {@code pkg} from it).
   */
  public Lock forPackage(String pkg) {
    return packageName == null ? empty(pkg) : this;
  }

  /**
   * A field: {@code type} as written in the proto ({@code repeated Pet}, {@code optional int64},
   * {@code map<string, string>}), so that a re-added field can be checked for compatibility;
   * {@code oneof} is null for a field outside any oneof.
   */
  public record Field(int number, String name, String json, String type, String oneof) {

    /** The message, enum or scalar a declared type names: {@code Pet} for {@code repeated Pet} or {@code map<string, Pet>}. */
    public static String baseType(String declared) {
      return declared.substring(declared.lastIndexOf(' ') + 1).replace(">", "");
    }

    /** A declared type without {@code optional}: the wire and the JSON are the same either way. */
    public static String withoutPresence(String declared) {
      return declared.startsWith("optional ") ? declared.substring("optional ".length()) : declared;
    }

    /** The type as the proto declares it. */
    public static String typeOf(ProtoField field) {
      return switch (field.cardinality()) {
        case SINGULAR -> field.type().name();
        case OPTIONAL -> "optional " + field.type().name();
        case REPEATED -> "repeated " + field.type().name();
        case MAP -> "map<string, " + field.type().name() + ">";
      };
    }
  }

  /**
   * @param source where the schema is, {@code #/components/schemas/Pet} in the entry document or
   *     {@code pets.yaml#/Pet} in another (see {@link Sources})
   * @param file the proto file that declares the message, relative to the output folder
   */
  public record MessageLock(String source, String file, List<Field> fields, List<Field> reserved) {
    /** Fields in number order, as the lock file lists them, so that equal locks are equal records. */
    public MessageLock {
      fields = byNumber(fields, Field::number);
      reserved = byNumber(reserved, Field::number);
    }
  }

  public record Value(int number, String name) {}

  public record EnumLock(String source, String file, List<Value> values, List<Value> reserved) {
    public EnumLock {
      values = byNumber(values, Value::number);
      reserved = byNumber(reserved, Value::number);
    }
  }

  private static <T> List<T> byNumber(List<T> items, ToIntFunction<T> number) {
    return items.stream().sorted(Comparator.comparingInt(number)).toList();
  }

  /** An RPC, keyed by its route ({@code GET /pets/{}}, see {@link Sources#route}). */
  public record RpcLock(String service, String name) {}
}
