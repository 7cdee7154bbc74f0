package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.naming.Inflector;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.naming.OperationId;
import io.rest2grpc.openapi.naming.Verbs;
import io.rest2grpc.openapi.naming.Verbs.Standard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An operationId as the words of an RPC name, verb first. What does not belong in the name is
 * dropped: a namespace most operationIds share ({@code shop.} of {@code shop.orders.attach}) and the
 * service's own name, as a namespace ({@code orders/get-order} in OrdersService), before the verb
 * ({@code admin_users_list} in AdminUsersService) or, when it ends in a version, before the noun
 * ({@code readCoreV1NamespacedPod} in CoreV1Service). A verb left without a noun, or followed by a
 * preposition, gets the noun of the resource the operation names ({@code attach} on
 * {@code /orders/{id}/items} → AttachItem; {@code repos/list-for-org} → ListReposForOrg).
 *
 * @param verb the verb, lower-case, or null when the operationId does not start with one
 * @param words every word, lower-case, the verb first
 * @param fromPathInstead whether the verb is only the HTTP method ({@code postAccountUnendorse})
 *     and the path's last segment says what the operation does ({@code /accounts/{id}/unendorse})
 */
record RpcWords(String verb, List<String> words, boolean fromPathInstead) {
  static final Set<String> PREPOSITIONS = Set.of(
      "for", "by", "in", "on", "of", "from", "with", "to", "at", "as", "into", "within", "across", "via", "under");

  /**
   * @param servicePrefix the words most operationIds of the service start with, before their verb
   *     ({@code genai} of {@code genai_update_attached_agent}; {@link #commonPrefix}), or null
   */
  static RpcWords of(OperationId id, List<List<String>> sharedNamespace, String service, List<String> servicePrefix, Op op,
      RpcShapes.Shape shape) {
    List<String> serviceWords = serviceWords(service);
    int shared = 0;
    while (shared < Math.min(id.namespace().size(), sharedNamespace.size()) && id.namespace().get(shared).equals(sharedNamespace.get(shared))) {
      shared++;
    }
    List<String> namespace = new ArrayList<>();
    id.namespace().subList(shared, id.namespace().size()).forEach(namespace::addAll);
    List<String> dropped = new ArrayList<>();
    int at = indexOfNoun(namespace, serviceWords);
    if (at >= 0) {
      List<String> run = namespace.subList(at, at + serviceWords.size());
      dropped.addAll(run);
      run.clear();
    }
    List<String> words = withoutDebris(id.action());
    at = indexOfNoun(words, serviceWords);
    int n = serviceWords.size();
    boolean versioned = n > 1 && serviceWords.get(n - 1).matches("v\\d+.*");
    boolean qualifier = at > 0 && versioned && at + n < words.size();  // CoreV1 in readCoreV1NamespacedPod
    // streamOrderEvents in StreamsService starts with its verb; loadBalancers_list in LoadBalancersService with its service
    boolean prefix = at == 0 && (n > 1 || !Verbs.isVerb(words.get(0)));
    if ((prefix || qualifier) && words.size() > n) {
      List<String> without = new ArrayList<>(words);
      without.subList(at, at + n).clear();
      // ContainerUnpause, where most operations of ContainerService start with Container: what follows is the action
      boolean convention = servicePrefix != null && words.size() >= servicePrefix.size()
          && servicePrefix.equals(words.subList(0, servicePrefix.size()));
      boolean verbFollows = Verbs.isVerb(without.get(0)) || convention || op.method().equals("get") || op.method().equals("delete");
      if (prefix ? verbFollows : !isBare(without)) {  // InvoicePaymentUrl keeps its owner: no verb would be left to lead
        dropped.addAll(words.subList(at, at + n));
        words = without;
      }
    }
    if (servicePrefix != null && words.size() > servicePrefix.size() && words.subList(0, servicePrefix.size()).equals(servicePrefix)
        && (Verbs.isVerb(words.get(servicePrefix.size())) || !op.method().equals("get") && !op.method().equals("delete"))) {
      List<String> run = words.subList(0, servicePrefix.size());
      dropped.addAll(run);
      run.clear();  // volumeActions_post, genai_regenerate_agent_api_key: the rest is the action
    }
    if (words.size() >= 2 && !Verbs.isVerb(words.get(0)) && Verbs.isVerb(words.get(words.size() - 1))) {
      words.add(0, words.remove(words.size() - 1));  // invite_revoke, functionsAccessKey_list: the verb last
    }
    boolean readsAsMethod = op.method().equals("get") || op.method().equals("delete");
    // a lone word after a dropped owner, not read as GET or DELETE, is the action: container_unpause → UnpauseContainer
    boolean action = words.size() == 1 && !dropped.isEmpty() && !readsAsMethod;
    String verb = Verbs.isVerb(words.get(0)) || action ? words.get(0) : null;
    if (verb == null && !dropped.isEmpty() && readsAsMethod) {
      int inner = innerVerbOf(words, op.method());
      verb = inner < 0 ? op.method() : words.remove(inner);  // logFileListHandler on GET: ListFileHandler
      words.add(0, verb);
    }
    if (verb != null && Set.of("post", "put", "patch").contains(verb) && shape == null && PathName.of(op, serviceWords).endsInVerb()) {
      return new RpcWords(verb, words, true);
    }
    if (verb != null && isBare(words)) {
      boolean plural = Verbs.standardsOf(verb).equals(Set.of(Standard.LIST));
      List<String> noun = noun(namespace, op, dropped, plural);
      if (!noun.isEmpty() && !sameStem(verb, noun.get(0))) {
        words.addAll(1, noun);
      }
    }
    return new RpcWords(verb, List.copyOf(words), false);
  }

  /** Where the first word that agrees with the HTTP method's standard methods is ({@code list} for GET), or -1. */
  private static int innerVerbOf(List<String> words, String method) {
    Set<Standard> ofMethod = Verbs.standardsOf(method);
    for (int i = 0; i < words.size(); i++) {
      if (!Verbs.isHttpMethod(words.get(i)) && Verbs.standardsOf(words.get(i)).stream().anyMatch(ofMethod::contains)) {
        return i;
      }
    }
    return -1;
  }

  /** Where {@code run} starts in {@code words}, its last word in either number; -1 if nowhere or empty. */
  private static int indexOfNoun(List<String> words, List<String> run) {
    if (run.isEmpty()) {
      return -1;
    }
    for (int start = 0; start + run.size() <= words.size(); start++) {
      int n = run.size();
      if (words.subList(start, start + n - 1).equals(run.subList(0, n - 1))
          && Inflector.singular(words.get(start + n - 1)).equals(Inflector.singular(run.get(n - 1)))) {
        return start;
      }
    }
    return -1;
  }

  private static final Set<String> ARTICLES = Set.of("a", "an", "the");
  /** Words that open an operationId without saying what it does: the proto's {@code deprecated} option says it. */
  private static final Set<String> MARKERS = Set.of("deprecated", "legacy");

  /**
   * The words without articles ({@code Register a New Service Hook}), without a leading {@code
   * deprecated} ({@code deprecated_create_pin}), and without {@code id}s that
   * only echo a path variable after a collection ({@code get_metadata_taxonomies_id_id_nodes});
   * {@code caller id} and {@code by id} stay.
   */
  private static List<String> withoutDebris(List<String> action) {
    List<String> words = new ArrayList<>();
    for (String word : action) {
      if (words.isEmpty() && MARKERS.contains(word) && action.size() > 1) {
        continue;
      }
      String previous = words.isEmpty() ? "" : words.get(words.size() - 1);
      boolean echo = word.equals("id") && (previous.equals("id") || Inflector.isPlural(previous) && !PREPOSITIONS.contains(previous));
      if (!echo && !ARTICLES.contains(word)) {
        words.add(word);
      }
    }
    return words.isEmpty() ? new ArrayList<>(action) : words;
  }

  /** Whether the words are a verb alone, or a verb and then a preposition ({@code list for org}). */
  private static boolean isBare(List<String> words) {
    return words.size() == 1 || PREPOSITIONS.contains(words.get(1));
  }

  /** Whether a noun only repeats its verb ({@code upload uploads}, {@code complete completions}): then it is left out. */
  private static boolean sameStem(String verb, String noun) {
    String stem = verb.endsWith("e") ? verb.substring(0, verb.length() - 1) : verb;
    return noun.startsWith(stem) && stem.length() >= 4;
  }

  /** Whether a read verb other than list leads a plural noun: {@code getApiResources}, {@code findAllAddOns}. */
  boolean readsMany() {
    return verb != null && !verb.equals("list") && Verbs.standardsOf(verb).contains(Standard.LIST) && words.size() > 1
        && Inflector.isPlural(words.get(words.size() - 1));
  }

  /** These words led by {@code list} instead of their read verb, without an {@code all} after it: ListAddOns. */
  RpcWords asList() {
    List<String> listed = new ArrayList<>(words);
    listed.set(0, "list");
    if (listed.size() > 2 && listed.get(1).equals("all")) {
      listed.remove(1);
    }
    return new RpcWords("list", List.copyOf(listed), false);
  }

  /** Whether the words after the verb (all, when there is none) spell {@code noun}, singular or plural. */
  boolean mentions(List<String> noun) {
    return leftover(noun).size() < (verb == null ? words.size() : words.size() - 1);
  }

  /** Whether the words spell {@code pluralNoun}'s singular and not the plural ({@code getSettingsFlow} for {@code flows}). */
  boolean mentionsOnlySingular(List<String> pluralNoun) {
    String plural = String.join("", pluralNoun);
    String singular = Inflector.singular(plural);
    return !singular.equals(plural) && spells(singular) && !spells(plural);
  }

  /** Whether some run of the words, joined, is {@code letters}. */
  private boolean spells(String letters) {
    for (int start = 0; start < words.size(); start++) {
      StringBuilder run = new StringBuilder();
      for (int end = start; end < words.size() && run.length() < letters.length(); end++) {
        run.append(words.get(end));
        if (run.toString().equals(letters)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The name with {@code qualifier} after the verb (before everything when there is no verb). */
  String name(String qualifier) {
    if (verb == null) {
      return qualifier + pascal(words);
    }
    return pascal(words.subList(0, 1)) + qualifier + pascal(words.subList(1, words.size()));
  }

  /** The words after the verb that are not {@code noun}'s: what, besides its noun, the operationId says. */
  List<String> leftover(List<String> noun) {
    List<String> rest = new ArrayList<>(verb == null ? words : words.subList(1, words.size()));
    String letters = String.join("", noun);
    for (int start = 0; start < rest.size(); start++) {
      StringBuilder run = new StringBuilder();
      for (int end = start; end < rest.size(); end++) {
        run.append(rest.get(end));
        String spelled = run.toString();
        if (spelled.equals(letters) || Inflector.singular(spelled).equals(Inflector.singular(letters))) {
          rest.subList(start, end + 1).clear();
          return rest;
        }
        if (spelled.length() > letters.length() + 2) {
          break;
        }
      }
    }
    return rest;
  }

  /** The noun a bare verb gets: the namespace left, else the path's resource, else the service name dropped. */
  private static List<String> noun(List<String> namespace, Op op, List<String> dropped, boolean plural) {
    List<String> noun = new ArrayList<>(namespace);
    if (noun.isEmpty()) {
      String resource = PathName.resource(op);
      if (resource != null) {
        noun.addAll(Names.lowerWords(resource));
      } else if (!dropped.isEmpty()) {
        noun.add(dropped.get(dropped.size() - 1));
      }
    }
    if (noun.isEmpty()) {
      return noun;
    }
    if (!plural) {  // collections and namespaces are plural as written
      noun.set(noun.size() - 1, Inflector.singular(noun.get(noun.size() - 1)));
    }
    return noun;
  }

  /**
   * The {@code qualifier} words that {@code name} does not already have, in either number or as the
   * start of a word ({@code namespace} in {@code Namespaced}): what still qualifies it.
   */
  static List<String> missing(List<String> qualifier, String name) {
    List<String> have = Names.lowerWords(name);
    return qualifier.stream().map(w -> w.toLowerCase(Locale.ROOT))
        .filter(w -> have.stream().noneMatch(h -> h.startsWith(Inflector.singular(w)))).toList();
  }

  /**
   * The longest run of leading words that more than half of a service's operationIds (and at least
   * two) start with, each followed by more words, that holds no verb: {@code genai} of
   * {@code genai_update_attached_agent}, {@code volume actions} of {@code volumeActions_post}. Null
   * when there is none.
   */
  static List<String> commonPrefix(List<OperationId> ids) {
    List<String> prefix = null;
    for (int length = 1; ; length++) {
      Map<List<String>, Integer> counts = new HashMap<>();
      for (OperationId id : ids) {
        if (id.action().size() > length) {
          counts.merge(id.action().subList(0, length), 1, Integer::sum);
        }
      }
      List<String> shared = null;
      for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
        if (e.getValue() >= 2 && e.getValue() * 2 > ids.size()) {
          shared = e.getKey();
        }
      }
      if (shared == null || Verbs.isVerb(shared.get(0)) || Verbs.isVerb(shared.get(length - 1))) {
        return prefix;  // the run stops before a verb: inference_create_embedding leaves create to lead
      }
      prefix = List.copyOf(shared);
    }
  }

  /**
   * The words without the first run that spells the service's name as written ({@code accounts} of
   * {@code post v1 accounts account people} in AccountsService; the singular {@code account}, a parent
   * item, stays), when other words remain: RPC names are scoped by their service, which need not be
   * repeated.
   */
  static List<String> withoutService(List<String> words, List<String> serviceWords) {
    int at = serviceWords.isEmpty() ? -1 : Collections.indexOfSubList(words, serviceWords);
    if (at < 0 || words.size() - serviceWords.size() < 1) {
      return words;
    }
    List<String> without = new ArrayList<>(words);
    without.subList(at, at + serviceWords.size()).clear();
    return without;
  }

  /** The lower-case words of a service's name without its {@code Service} suffix. */
  static List<String> serviceWords(String service) {
    List<String> words = new ArrayList<>(Names.lowerWords(service == null ? "" : service));
    if (!words.isEmpty() && words.get(words.size() - 1).equals("service")) {
      words.remove(words.size() - 1);
    }
    return words;
  }

  /** The words PascalCased and joined; unlike {@link Names#pascal}, a leading digit gets no prefix (the caller's name has one before it). */
  static String pascal(List<String> words) {
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }
}
