package io.rest2grpc.openapi.naming;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The verbs of operationIds: which standard method (AIP-131..135) a verb agrees with, and whether a
 * word is a verb at all. A verb agrees with a standard method when it says the same thing:
 *
 * <ul>
 *   <li>Get: get, retrieve, read, fetch, show, find, describe, view, load, lookup, inspect;
 *   <li>List: the same, and list, browse;
 *   <li>Create: create, add, new, insert, make;
 *   <li>Update (and Replace, a PUT beside a PATCH): update, patch, modify, edit, change, replace, put, save;
 *   <li>Delete: delete, remove, destroy, del, erase.
 * </ul>
 *
 * An HTTP method's name as the verb ({@code postCustomers}, {@code GetCustomersCustomer}) agrees with
 * the standard methods of that HTTP method. Deliberately not standard: {@code search} and
 * {@code query} (AIP-136 custom methods with filters of their own), {@code set} (sets one part:
 * {@code setDefaultPaymentMethod}), {@code upsert} (create or update), {@code watch}.
 */
public final class Verbs {
  private Verbs() {}

  public enum Standard { GET, LIST, CREATE, UPDATE, REPLACE, DELETE }

  private static final Set<String> READS = Set.of("get", "retrieve", "read", "fetch", "show", "find", "describe", "view", "load", "lookup",
      "inspect");
  private static final Set<String> LISTS = Set.of("list", "browse");
  private static final Set<String> CREATES = Set.of("create", "add", "new", "insert", "make");
  private static final Set<String> UPDATES = Set.of("update", "patch", "modify", "edit", "change", "replace", "put", "save");
  private static final Set<String> DELETES = Set.of("delete", "remove", "destroy", "del", "erase");
  private static final Map<String, Set<Standard>> HTTP_METHODS = Map.of(
      "get", Set.of(Standard.GET, Standard.LIST),
      "post", Set.of(Standard.CREATE, Standard.UPDATE),
      "put", Set.of(Standard.UPDATE, Standard.REPLACE),
      "patch", Set.of(Standard.UPDATE),
      "delete", Set.of(Standard.DELETE));

  /** Verbs that are no standard method's: an operationId starting with one of them keeps it. */
  private static final Set<String> CUSTOM = Set.of(
      "accept", "ack", "acknowledge", "activate", "allow", "append", "apply", "approve", "archive", "assign",
      "assume", "attach", "authenticate", "authorize", "ban", "batch", "bind", "block", "build", "bulk",
      "calculate", "call", "cancel", "capture", "check", "checkout", "claim", "classify", "clear", "clone", "close",
      "collect", "compare", "complete", "compute", "configure", "confirm", "connect", "convert", "copy", "count",
      "crawl", "deactivate", "decline", "decrypt", "deny", "deploy", "detach", "disable", "disallow", "disconnect",
      "dismiss", "dispatch", "download", "downgrade", "duplicate", "embed", "enable", "encrypt", "end", "endorse",
      "enroll", "estimate", "evaluate", "exchange", "execute", "expire", "export", "extend", "favourite",
      "favorite", "finalize", "finish", "flag", "follow", "fork", "forward", "generate", "grant", "hide", "import",
      "increment", "invalidate", "invite", "invoke", "issue", "join", "kick", "kill", "launch", "leave", "link",
      "lock", "login", "logout", "mark", "merge", "migrate", "mint", "moderate", "move", "mute", "notify", "open",
      "pause", "pay", "pin", "ping", "preview", "print", "process", "promote", "publish", "purge", "query",
      "reactivate", "rebuild", "reboot", "recover", "redeem", "redirect", "refresh", "refund", "register", "reject",
      "release", "reload", "remind", "rename", "render", "renew", "reopen", "reorder", "report", "request", "rerun",
      "reset", "resend", "resize", "resolve", "restart", "restore", "resume", "retry", "return", "revert", "review",
      "revoke", "rollback", "rotate", "run", "scale", "scan", "schedule", "search", "send", "set", "share", "sign",
      "snooze", "sort", "split", "star", "start", "stop", "stream", "submit", "subscribe", "suspend", "sync",
      "tag", "terminate", "test", "toggle", "track", "transcribe", "transfer", "translate", "trigger", "unarchive",
      "unassign", "unban", "unblock", "unbookmark", "undo", "unfavourite", "unfollow", "unlink", "unlock",
      "unmute", "unpin", "unpublish", "unsubscribe", "untag", "upgrade", "upload", "upsert", "validate", "verify",
      "void", "vote", "watch", "wait", "bookmark", "reblog", "unreblog", "unendorse", "suggest", "authorise",
      "exec", "perform", "prune", "refer", "skip", "push", "pull", "commit", "install", "uninstall",
      "unpause", "init", "initialize", "restrict", "unrestrict", "unfurl", "regenerate", "recycle");

  /** The standard methods {@code verb} agrees with (empty when none). */
  public static Set<Standard> standardsOf(String verb) {
    String v = verb.toLowerCase(Locale.ROOT);
    if (HTTP_METHODS.containsKey(v)) {
      return HTTP_METHODS.get(v);
    }
    if (READS.contains(v)) {
      return Set.of(Standard.GET, Standard.LIST);
    }
    if (LISTS.contains(v)) {
      return Set.of(Standard.LIST);
    }
    if (CREATES.contains(v)) {
      return Set.of(Standard.CREATE);
    }
    if (UPDATES.contains(v)) {
      return Set.of(Standard.UPDATE, Standard.REPLACE);
    }
    return DELETES.contains(v) ? Set.of(Standard.DELETE) : Set.of();
  }

  /** Whether {@code word} is a verb this class knows: a standard one or a common custom one. */
  public static boolean isVerb(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return !standardsOf(w).isEmpty() || CUSTOM.contains(w);
  }

  /** Whether {@code word} is the name of an HTTP method: as an operationId's verb it says no more than the method. */
  public static boolean isHttpMethod(String word) {
    return HTTP_METHODS.containsKey(word.toLowerCase(Locale.ROOT));
  }
}
