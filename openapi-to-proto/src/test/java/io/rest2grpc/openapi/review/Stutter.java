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
 * <p>A stem occurs in an RPC name where its words occur in the name's words, compared
 * singular-insensitively. The RPC stutters when a stem
 * <ol>
 *   <li>occurs twice or more ({@code GetOrdersOrder} in {@code OrdersService});
 *   <li>opens the name, more words following ({@code ProjectsList}, {@code OrdersGetOrder}, {@code
 *       ShopAttachItem} where most operationIds start with {@code shop.}).
 *   <li>occurs before more words as the service writes it, when that is a collection name: a plural
 *       ({@code GetAppsVerifyCredentials} in {@code AppsService}) or an API group ending in a version
 *       ({@code DeleteAdmissionregistrationV1CollectionX} in {@code AdmissionregistrationV1Service}).
 * </ol>
 * A one-word stem that is the verb leading the name is not an occurrence ({@code SearchMessages} in
 * {@code SearchService}, the {@code List} of {@code ListLists} in {@code ListsService}), and a version
 * ending the name is no further word ({@code ListFiltersV2} in {@code FiltersService}).
 * Not stutter: the stem as the resource noun at the end ({@code ListOrders}), or in the singular
 * inside the noun phrase, as a parent qualifier or part of a compound noun ({@code
 * ListOrderItems} in {@code OrdersService}, {@code CreateChatCompletion} in {@code ChatService}).
 * A name that ends in a message's name ends in that noun: in {@code GetAccountBankAccount}, where
 * the package has a message {@code BankAccount}, {@code Account} is the parent and not a repetition.
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
    return repeats(rpc, stems, Set.of());
  }

  /**
   * As {@link #repeats(String, Collection)}, where {@code nouns} are the words of the package's
   * message names: a name ending in one ({@code BankAccount} of {@code GetAccountBankAccount}) ends
   * in that noun, and a stem inside it ({@code account}) is no occurrence.
   */
  static boolean repeats(String rpc, Collection<List<String>> stems, Set<List<String>> nouns) {
    List<String> words = withoutVersion(Words.of(rpc));
    List<String> singular = singular(words);
    int nounStart = words.size();
    for (int start = 1; start < words.size() - 1; start++) {
      if (nouns.contains(words.subList(start, words.size()))) {
        nounStart = start;
        break;
      }
    }
    for (List<String> stem : stems) {
      List<String> key = singular(stem);
      int occurrences = 0;
      for (int i = 0; i + key.size() <= words.size(); i++) {
        if (i > nounStart) {
          break;
        }
        if (singular.subList(i, i + key.size()).equals(key)) {
          int end = i + key.size();
          if (i == 0 && key.size() == 1 && Verbs.isVerb(words.get(0))) {
            continue;  // the verb that leads the name: List of ListLists in ListsService, Search of SearchMessages
          }
          occurrences++;
          boolean opens = i == 0 && end < words.size();
          boolean collection = end < words.size() && words.subList(i, end).equals(stem) && isCollection(stem);
          if (occurrences > 1 || opens || collection) {
            return true;
          }
          i = end - 1;
        }
      }
    }
    return false;
  }

  /** The words without a version that ends them ({@code ListFiltersV2}): it qualifies the name, it adds no noun. */
  private static List<String> withoutVersion(List<String> words) {
    return words.size() > 1 && words.get(words.size() - 1).matches("v\\d+\\w*") ? words.subList(0, words.size() - 1) : words;
  }

  /** A plural noun, or an API group ending in a version ({@code AdmissionregistrationV1}). */
  private static boolean isCollection(List<String> stem) {
    String last = stem.get(stem.size() - 1);
    return !Words.singular(last).equals(last) || last.matches("v\\d+\\w*");
  }

  private static List<String> singular(List<String> words) {
    return words.stream().map(Words::singular).toList();
  }
}
