package io.rest2grpc.openapi.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The verb an operationId starts its operation with, and the AIP-131..135 standard verbs with the
 * operationId verbs that agree with each. A closed, documented list: a verb not in it disagrees.
 */
final class Verbs {
  private Verbs() {}

  /** The HTTP methods, which some specs use as the first word of every operationId ({@code get_files_id}). */
  private static final Set<String> HTTP = Set.of("get", "put", "post", "patch", "delete", "head", "options");

  /** Verbs that are not standard: the operation keeps its own. With the agreeing verbs, the words taken as verbs. */
  private static final Set<String> OTHER = Set.of("attach", "detach", "enable", "disable", "revoke", "cancel", "approve",
      "reject", "archive", "unarchive", "restore", "activate", "deactivate", "verify", "validate", "confirm", "send", "resend",
      "invite", "assign", "unassign", "link", "unlink", "move", "copy", "clone", "import", "export", "upload", "download",
      "start", "stop", "restart", "pause", "resume", "kill", "execute", "test", "check", "search", "merge", "split",
      "lock", "unlock", "publish", "unpublish", "subscribe", "unsubscribe", "join", "leave", "mark", "rename", "reset",
      "refresh", "replace", "sync", "batch", "bulk", "install", "uninstall", "apply", "capture", "refund", "void", "finalize", "pay",
      "authorize", "login", "logout", "register", "accept", "decline", "close", "open", "share", "unshare", "follow",
      "unfollow", "block", "unblock", "mute", "unmute", "unpin", "watch", "untag", "prune", "build", "push",
      "pull", "connect", "disconnect", "rotate", "regenerate", "retry", "trigger", "estimate", "preview", "count",
      "exchange", "transfer", "convert", "report", "submit", "complete", "ask", "extract", "generate");

  /** The standard methods: the RPC name's first word and the operationId verbs that agree with it. */
  enum Standard {
    GET("Get", Set.of("get", "fetch", "read", "retrieve", "show", "find", "describe", "inspect", "lookup", "view", "load", "info")),
    LIST("List", Set.of("list", "get", "fetch", "find", "read", "retrieve", "show", "query", "browse", "index", "all")),
    CREATE("Create", Set.of("create", "post", "add", "new", "insert", "make", "put")),
    UPDATE("Update", Set.of("update", "patch", "put", "post", "modify", "edit", "change", "set", "save", "upsert")),
    DELETE("Delete", Set.of("delete", "remove", "destroy", "del", "erase", "purge", "drop"));

    final String prefix;
    final Set<String> agreeing;

    Standard(String prefix, Set<String> agreeing) {
      this.prefix = prefix;
      this.agreeing = agreeing;
    }

    /** The standard method an RPC name claims: the standard prefix as a whole word, followed by a noun. */
    static Optional<Standard> ofName(String rpc) {
      for (Standard s : values()) {
        if (rpc.startsWith(s.prefix) && rpc.length() > s.prefix.length() && Character.isUpperCase(rpc.charAt(s.prefix.length()))) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    boolean agrees(String verb) {
      return agreeing.contains(verb);
    }
  }

  static boolean isVerb(String word) {
    return HTTP.contains(word) || OTHER.contains(word) || Arrays.stream(Standard.values()).anyMatch(s -> s.agrees(word));
  }

  /**
   * The operation's verb: in its own name, its first word that is a verb ({@code
   * attachPaymentMethod} → attach, {@code ContainerList} → list, {@code getRunStep} → get). The own
   * name is what follows the namespaces {@link Stutter#namespaces} finds: the last segment after
   * '/', '.' or ':', else what follows the first '_' segment of a snake_case id when that segment
   * is no verb ({@code loadBalancers_create} → create). Empty when no word is a verb this list
   * knows ({@code ContainerChanges}, {@code frobnicateWidget}): such an operation is not judged.
   */
  static Optional<String> of(String operationId) {
    return of(operationId, "");
  }

  /**
   * As {@link #of(String)}, with two readings the plain one gets wrong. A word that the route writes
   * in a snake- or kebab-case compound segment, not first, is a noun there, no verb ({@code search}
   * of {@code usage-file-search-calls} on {@code /organization/usage/file_search_calls}). And a
   * snake_case own name whose last '_' segment is one verb, and that does not start with a verb or
   * starts with a camelCase compound ({@code inviteRequests}: a thing's name), follows the {@code
   * noun_verb} convention: that is the verb ({@code admin_inviteRequests_approved_list} → list). An
   * operationId that opens with an HTTP method and spells a route ending in another standard
   * method's verb has that verb ({@code PostAppsSecretsDelete} on {@code POST /v1/apps/secrets/delete}
   * → delete; not {@code getSearchV2} on {@code GET /api/v2/search}).
   */
  static Optional<String> of(String operationId, String route) {
    Set<String> inCompounds = new HashSet<>();
    for (String part : route.split("[/.]")) {
      String[] pieces = part.split("[_-]");
      if (!part.contains("{") && pieces.length > 1) {
        for (int i = 1; i < pieces.length; i++) {
          inCompounds.addAll(Words.of(pieces[i]));
        }
      }
    }
    String own = ownName(operationId);
    List<String> words = Words.of(own);
    List<String> verbs = words.stream().filter(w -> isVerb(w) && !inCompounds.contains(w)).toList();
    String lastSegment = route.substring(route.lastIndexOf('/') + 1);
    if (!words.isEmpty() && HTTP.contains(words.get(0)) && actsOtherwise(lastSegment, words.get(0)) && words.containsAll(literalWords(route))) {
      return Optional.of(lastSegment);  // PostAppsSecretsDelete on POST /v1/apps/secrets/delete: the method, then the route
    }
    String[] segments = own.split("_");
    boolean startsWithName = segments.length > 1 && Words.of(segments[0]).size() > 1;
    if (!startsWithName && !verbs.isEmpty() && verbs.get(0).equals(words.get(0))) {
      return Optional.of(words.get(0));
    }
    List<String> last = Words.of(segments[segments.length - 1]);
    if (segments.length > 1 && last.size() == 1 && isVerb(last.get(0))) {
      return Optional.of(last.get(0));
    }
    return verbs.stream().findFirst();
  }

  /** Whether {@code action} agrees with a standard method, none of which {@code method} agrees with: {@code delete} for POST. */
  private static boolean actsOtherwise(String action, String method) {
    List<Standard> actions = Arrays.stream(Standard.values()).filter(s -> s.agrees(action)).toList();
    return !actions.isEmpty() && actions.stream().noneMatch(s -> s.agrees(method));
  }

  /** The words of the route's literal segments, versions and {@code api} left out. */
  private static List<String> literalWords(String route) {
    List<String> words = new ArrayList<>();
    for (String segment : route.split("/")) {
      if (!segment.contains("{") && !segment.matches("(?i)v\\d+\\w*|api")) {
        words.addAll(Words.of(segment));
      }
    }
    return words;
  }

  private static String ownName(String operationId) {
    String[] segments = operationId.split("[/.:]");
    String last = segments[segments.length - 1];
    if (segments.length == 1 && last.contains("_")) {
      List<String> first = Words.of(last.substring(0, last.indexOf('_')));
      if (!(first.size() == 1 && isVerb(first.get(0)))) {
        return last.substring(last.indexOf('_') + 1);
      }
    }
    return last;
  }

  /** A non-standard verb: a REST path ending in one ({@code …/{id}/cancel}) is a custom method. */
  static boolean isCustom(String word) {
    return OTHER.contains(word);
  }
}
