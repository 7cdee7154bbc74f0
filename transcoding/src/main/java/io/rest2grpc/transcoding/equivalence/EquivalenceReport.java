package io.rest2grpc.transcoding.equivalence;

import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the differences and ignored properties of one comparison, and builds JSON pointers. */
final class EquivalenceReport {
  private static final int VALUE_LIMIT = 120;

  private final List<Difference> differences = new ArrayList<>();
  private final Set<String> unknownProperties = new HashSet<>();
  // values of a kind their field cannot hold: only for choosing a union's variant, never reported
  private final Set<String> unreadable = new HashSet<>();

  /** Records a difference; {@code null} stands for an absent property or element. */
  void differ(String pointer, EquivalenceJson expected, EquivalenceJson actual, String reason) {
    differences.add(new Difference(pointer, text(expected), text(actual), reason));
  }

  void unknownProperty(String pointer) {
    unknownProperties.add(pointer);
  }

  void unreadable(String pointer) {
    unreadable.add(pointer);
  }

  /** How many places of either document a reading of them (a union variant) cannot account for. */
  int misfits() {
    return unknownProperties.size() + unreadable.size();
  }

  int differenceCount() {
    return differences.size();
  }

  Comparison result() {
    return new Comparison(differences, List.copyOf(unknownProperties));
  }

  /** RFC 6901: "~" and "/" in a property name are escaped as "~0" and "~1". */
  static String child(String pointer, String property) {
    return JsonPointer.child(pointer, property);
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  private static String text(EquivalenceJson value) {
    return value == null ? Difference.ABSENT : EquivalenceJson.print(value, VALUE_LIMIT);
  }
}
