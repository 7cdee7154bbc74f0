package io.rest2grpc.transcoding.equivalence;

import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonArray;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNumber;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON equivalence, with no descriptor: objects as unordered maps, arrays in order, numbers
 * by value, everything else exactly. The descriptor-driven comparison reuses its structure
 * ({@link #compareMembers}, {@link #compareElements}) with its own value rules.
 */
final class EquivalenceSchemaless {
  /** Compares two present values at one pointer. */
  @FunctionalInterface
  interface Values {
    void compare(String pointer, EquivalenceJson expected, EquivalenceJson actual);
  }

  private EquivalenceSchemaless() {}

  static void compare(EquivalenceReport report, String pointer, EquivalenceJson expected, EquivalenceJson actual) {
    Values recurse = (p, e, a) -> compare(report, p, e, a);
    if (expected instanceof JsonObject e && actual instanceof JsonObject a) {
      compareMembers(report, pointer, e.members(), a.members(), recurse);
    } else if (expected instanceof JsonArray e && actual instanceof JsonArray a) {
      compareElements(report, pointer, e.elements(), a.elements(), recurse);
    } else {
      String reason = scalarDifference(expected, actual);
      if (reason != null) {
        report.differ(pointer, expected, actual, reason);
      }
    }
  }

  /** Unordered: a key on one side only is a difference; shared keys are compared by {@code values}. */
  static void compareMembers(EquivalenceReport report, String pointer, Map<String, EquivalenceJson> expected,
      Map<String, EquivalenceJson> actual, Values values) {
    expected.forEach((key, e) -> {
      EquivalenceJson a = actual.get(key);
      if (a == null) {
        report.differ(EquivalenceReport.child(pointer, key), e, null, "missing property");
      } else {
        values.compare(EquivalenceReport.child(pointer, key), e, a);
      }
    });
    actual.forEach((key, a) -> {
      if (!expected.containsKey(key)) {
        report.differ(EquivalenceReport.child(pointer, key), null, a, "unexpected property");
      }
    });
  }

  /** Ordered: element i against element i; the longer side's tail is missing or unexpected. */
  static void compareElements(EquivalenceReport report, String pointer, List<EquivalenceJson> expected,
      List<EquivalenceJson> actual, Values values) {
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String at = EquivalenceReport.child(pointer, i);
      if (i >= actual.size()) {
        report.differ(at, expected.get(i), null, "missing element");
      } else if (i >= expected.size()) {
        report.differ(at, null, actual.get(i), "unexpected element");
      } else {
        values.compare(at, expected.get(i), actual.get(i));
      }
    }
  }

  /** Why two values that are not both objects or both arrays differ, or {@code null} if they do not. */
  static String scalarDifference(EquivalenceJson expected, EquivalenceJson actual) {
    if (!expected.kind().equals(actual.kind())) {
      return actual.kind() + " instead of " + expected.kind();
    }
    boolean same = expected instanceof JsonNumber e
        ? e.value().compareTo(((JsonNumber) actual).value()) == 0
        : expected.equals(actual);
    return same ? null : "different " + expected.kind();
  }
}
