package io.rest2grpc.openapi.convert;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out names that are unique in one scope (a package's types, a message's fields…). A taken
 * name gets the smallest free numeric suffix, so the result depends only on the order of requests,
 * which follows the spec's declaration order.
 */
final class NameRegistry {
  private final Set<String> taken = new HashSet<>();
  private final String separator;

  NameRegistry(String separator) {
    this.separator = separator;
  }

  /** Reserves {@code wanted}, or {@code wanted + separator + n} for the smallest free n ≥ 2. */
  String reserve(String wanted) {
    if (taken.add(wanted)) {
      return wanted;
    }
    for (int n = 2; ; n++) {
      String candidate = wanted + separator + n;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }

  boolean isTaken(String name) {
    return taken.contains(name);
  }

  /** Marks a name as used without asking for it (e.g. a name some other rule requires). */
  void block(String name) {
    taken.add(name);
  }
}
