package io.rest2grpc.openapi.lock;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The field and enum value numbers one proto package has handed out, and the ones it has retired, so
 * that converting a newer spec keeps them. Messages and enums are keyed by proto name; fields are
 * matched by their REST (JSON) name, which is what stays stable between spec versions.
 */
public record Lock(String packageName, Map<String, MessageLock> messages, Map<String, EnumLock> enums) {

  public Lock {
    messages = new TreeMap<>(messages);
    enums = new TreeMap<>(enums);
  }

  public static Lock empty(String packageName) {
    return new Lock(packageName, Map.of(), Map.of());
  }

  /**
   * A field: {@code type} as written in the proto ({@code repeated Pet}, {@code optional int64},
   * {@code map<string, string>}), so that a re-added field can be checked for compatibility.
   */
  public record Field(int number, String name, String json, String type) {}

  public record MessageLock(List<Field> fields, List<Field> reserved) {}

  public record Value(int number, String name) {}

  public record EnumLock(List<Value> values, List<Value> reserved) {}
}
