package io.rest2grpc.openapi.naming;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An operationId read as namespace segments and an action, each a list of lower-case words:
 * {@code shop.orders.attach} → [shop], [orders] and [attach]; {@code repos/list-for-org} → [repos]
 * and [list, for, org]; Azure's {@code VirtualMachines_ListAll} → [virtual, machines] and
 * [list, all]. Namespaces are separated by {@code / . : \}, or by the one {@code _} of
 * {@code Noun_Verb}.
 */
public record OperationId(List<List<String>> namespace, List<String> action) {
  private static final Pattern SEPARATORS = Pattern.compile("[/.:\\\\]+");
  private static final Pattern AZURE = Pattern.compile("[A-Z][A-Za-z0-9]*_[A-Za-z][A-Za-z0-9]*");

  public static OperationId parse(String raw) {
    String trimmed = raw.strip();
    String[] parts = AZURE.matcher(trimmed).matches() ? trimmed.split("_") : SEPARATORS.split(trimmed);
    List<List<String>> segments = new ArrayList<>();
    for (String part : parts) {
      List<String> words = Names.lowerWords(part);
      if (!words.isEmpty()) {
        segments.add(words);
      }
    }
    if (segments.isEmpty()) {
      return new OperationId(List.of(), List.of());
    }
    return new OperationId(List.copyOf(segments.subList(0, segments.size() - 1)), segments.get(segments.size() - 1));
  }

  /** Every word, namespace first. */
  public List<String> words() {
    List<String> all = new ArrayList<>();
    namespace.forEach(all::addAll);
    all.addAll(action);
    return all;
  }

  /**
   * The namespace prefix that more than half of {@code ids} (and at least two) start with: the
   * {@code shop} of {@code shop.orders.attach} when most operations are {@code shop.*}. Empty when
   * none is shared that widely.
   */
  public static List<List<String>> sharedNamespace(Collection<OperationId> ids) {
    List<List<String>> shared = List.of();
    for (int depth = 1; ; depth++) {
      Map<List<List<String>>, Integer> counts = new HashMap<>();
      for (OperationId id : ids) {
        if (id.namespace.size() >= depth) {
          counts.merge(id.namespace.subList(0, depth), 1, Integer::sum);
        }
      }
      List<List<String>> best = null;
      int bestCount = 0;
      for (Map.Entry<List<List<String>>, Integer> e : counts.entrySet()) {
        if (e.getValue() > bestCount) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      if (best == null || bestCount < 2 || bestCount * 2 <= ids.size() || !best.subList(0, depth - 1).equals(shared)) {
        return shared;
      }
      shared = List.copyOf(best);
    }
  }
}
