package io.rest2grpc.maven.mappers;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The field paths at which two messages of one type differ: {@code items[0].quantity: expected 2, got 0}. */
final class ProtoDifferences {

  private ProtoDifferences() {}

  static List<String> between(Message expected, Message actual) {
    List<String> differences = new ArrayList<>();
    compare("", expected, actual, differences);
    return differences;
  }

  private static void compare(String path, Message expected, Message actual, List<String> differences) {
    TreeSet<FieldDescriptor> fields = new TreeSet<>(Comparator.comparingInt(FieldDescriptor::getNumber));
    fields.addAll(expected.getAllFields().keySet());
    fields.addAll(actual.getAllFields().keySet());
    for (FieldDescriptor field : fields) {
      String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
      if (field.isMapField()) {
        compareMaps(fieldPath, entries(expected, field), entries(actual, field), differences);
      } else if (field.isRepeated()) {
        int expectedCount = expected.getRepeatedFieldCount(field);
        int actualCount = actual.getRepeatedFieldCount(field);
        if (expectedCount != actualCount) {
          differences.add(fieldPath + ": expected " + expectedCount + " elements, got " + actualCount);
        }
        for (int i = 0; i < Math.min(expectedCount, actualCount); i++) {
          compareValues(fieldPath + "[" + i + "]", expected.getRepeatedField(field, i), actual.getRepeatedField(field, i), differences);
        }
      } else if (field.hasPresence() && expected.hasField(field) != actual.hasField(field)) {
        differences.add(fieldPath + ": expected " + (expected.hasField(field) ? "set" : "unset") + ", got "
            + (actual.hasField(field) ? "set" : "unset"));
      } else {
        compareValues(fieldPath, expected.getField(field), actual.getField(field), differences);
      }
    }
  }

  private static void compareValues(String path, Object expected, Object actual, List<String> differences) {
    if (expected instanceof Message expectedMessage && actual instanceof Message actualMessage) {
      compare(path, expectedMessage, actualMessage, differences);
    } else if (!Objects.equals(expected, actual)) {
      differences.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static void compareMaps(String path, Map<Object, Object> expected, Map<Object, Object> actual, List<String> differences) {
    TreeSet<String> keys = new TreeSet<>();
    expected.keySet().forEach(key -> keys.add(String.valueOf(key)));
    actual.keySet().forEach(key -> keys.add(String.valueOf(key)));
    for (String key : keys) {
      String entryPath = path + "[\"" + key + "\"]";
      Object expectedValue = find(expected, key);
      Object actualValue = find(actual, key);
      if (expectedValue == null || actualValue == null) {
        differences.add(entryPath + ": expected " + (expectedValue == null ? "no entry" : "an entry") + ", got "
            + (actualValue == null ? "none" : "one"));
      } else {
        compareValues(entryPath, expectedValue, actualValue, differences);
      }
    }
  }

  private static Object find(Map<Object, Object> entries, String key) {
    return entries.entrySet().stream().filter(entry -> String.valueOf(entry.getKey()).equals(key)).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private static Map<Object, Object> entries(Message message, FieldDescriptor field) {
    Map<Object, Object> entries = new LinkedHashMap<>();
    for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
      Object entry = message.getRepeatedField(field, i);
      if (entry instanceof MapEntry<?, ?> mapEntry) {
        entries.put(mapEntry.getKey(), mapEntry.getValue());
      } else {
        Message dynamic = (Message) entry;
        FieldDescriptor key = field.getMessageType().findFieldByName("key");
        FieldDescriptor value = field.getMessageType().findFieldByName("value");
        entries.put(dynamic.getField(key), dynamic.getField(value));
      }
    }
    return entries;
  }
}
