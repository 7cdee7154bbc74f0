package io.rest2grpc.openapi.naming;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out names that are unique in one scope (a package's types, a message's fields…). A taken
 * name gets the smallest free numeric suffix, so the result depends only on the order of requests,
 * which follows the spec's declaration order. Names a lock holds go only to their owners.
 */
public final class NameRegistry {
  private final Set<String> taken = new HashSet<>();
  private final Set<String> held = new HashSet<>();
  private final String separator;

  public NameRegistry(String separator) {
    this.separator = separator;
  }

  /** Reserves {@code wanted}, or {@code wanted + separator + n} for the smallest free n ≥ 2. */
  public String reserve(String wanted) {
    if (!held.contains(wanted) && taken.add(wanted)) {
      return wanted;
    }
    for (int n = 2; ; n++) {
      String candidate = wanted + separator + n;
      if (!held.contains(candidate) && taken.add(candidate)) {
        return candidate;
      }
    }
  }

  /** Reserves {@code lockedName}, a name held for the caller, if still free; else {@link #reserve}s {@code wanted}. */
  public String reserve(String lockedName, String wanted) {
    return lockedName != null && taken.add(lockedName) ? lockedName : reserve(wanted);
  }

  public boolean isTaken(String name) {
    return taken.contains(name);
  }

  /** Marks a name as used without asking for it (e.g. a name some other rule requires). */
  public void block(String name) {
    taken.add(name);
  }

  /** Keeps a name for the one the lock gave it to: {@link #reserve(String)} passes it by. */
  public void hold(String name) {
    held.add(name);
  }
}
