package io.rest2grpc.openapi.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RPC names that repeat their service's noun or an operationId namespace most operations share.
 *
 * <p>The stems of an RPC are its service's name without the {@code Service} suffix, and every
 * operationId namespace held by more than half (and at least two) of the operations of its service
 * or of its spec. A namespace is each segment of an operationId before its last '/', '.' or ':'
 * ({@code shop.orders.attach} → shop, orders), or else the first '_' segment of a snake_case one
 * unless that is a verb ({@code sshKeys_list} → ssh keys; not {@code get_files_id}).
 *
 * <p>An RPC stutters when a stem occurs in its words (compared singular-insensitively) anywhere but
 * <ol>
 *   <li>at the end, where it is the resource noun ({@code ListPets} in {@code PetsService});
 *   <li>as the first word, when the stem is one word that is a verb ({@code SearchMessages} in
 *       {@code SearchService});
 *   <li>right after the first word, in the singular of a plural stem and followed by more words: a
 *       parent qualifier ({@code ListAccountCapabilities} in {@code AccountsService}).
 * </ol>
 * So {@code GetOrdersOrder} and {@code OrdersGetOrder} in {@code OrdersService}, {@code ProjectsList} in
 * {@code ProjectsService} and {@code ShopAttachItem} where most operationIds start with {@code shop.}
 * stutter.
 */
final class Stutter {
  private Stutter() {}

  static List<String> serviceStem(String service) {
    return Words.of(service.endsWith("Service") ? service.substring(0, service.length() - "Service".length()) : service);
  }

  static List<List<String>> namespaces(String operationId) {
    String[] segments = operationId.split("[/.:]");
    List<List<String>> namespaces = new ArrayList<>();
    if (segments.length > 1) {
      for (int i = 0; i < segments.length - 1; i++) {
        addIfWords(namespaces, Words.of(segments[i]));
      }
    } else if (operationId.contains("_")) {
      List<String> first = Words.of(operationId.substring(0, operationId.indexOf('_')));
      if (!(first.size() == 1 && Verbs.isVerb(first.get(0)))) {
        addIfWords(namespaces, first);
      }
    }
    return namespaces;
  }

  private static void addIfWords(List<List<String>> namespaces, List<String> words) {
    if (!words.isEmpty() && !namespaces.contains(words)) {
      namespaces.add(words);
    }
  }

  /** The namespaces held by more than half, and at least two, of {@code operationIds}. */
  static Set<List<String>> shared(Collection<String> operationIds) {
    Map<List<String>, Integer> counts = new HashMap<>();
    Map<List<String>, List<String>> asWritten = new HashMap<>();
    for (String id : operationIds) {
      for (List<String> ns : namespaces(id)) {
        counts.merge(singular(ns), 1, Integer::sum);
        asWritten.putIfAbsent(singular(ns), ns);
      }
    }
    Set<List<String>> shared = new LinkedHashSet<>();
    counts.forEach((ns, n) -> {
      if (n >= 2 && 2 * n > operationIds.size()) {
        shared.add(asWritten.get(ns));
      }
    });
    return shared;
  }

  /** Whether {@code rpc} repeats one of {@code stems} (see the class comment). */
  static boolean repeats(String rpc, Collection<List<String>> stems) {
    List<String> words = Words.of(rpc);
    List<String> singular = singular(words);
    for (List<String> stem : stems) {
      List<String> key = singular(stem);
      for (int i = 0; i + key.size() <= words.size(); i++) {
        if (singular.subList(i, i + key.size()).equals(key) && !exempt(words, i, stem)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean exempt(List<String> words, int at, List<String> stem) {
    int end = at + stem.size();
    boolean resourceNoun = end == words.size();
    boolean leadingVerb = at == 0 && stem.size() == 1 && Verbs.isVerb(stem.get(0));
    String last = stem.get(stem.size() - 1);
    boolean pluralStem = !Words.singular(last).equals(last);
    boolean parentQualifier = at == 1 && end < words.size() && pluralStem && words.get(end - 1).equals(Words.singular(last));
    return resourceNoun || leadingVerb || parentQualifier;
  }

  private static List<String> singular(List<String> words) {
    return words.stream().map(Words::singular).toList();
  }
}
