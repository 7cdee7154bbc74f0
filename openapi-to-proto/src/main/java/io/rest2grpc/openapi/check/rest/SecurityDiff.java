package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.check.rest.Operations.Operation;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The security requirements of an operation (its own, else the document's): a list of alternatives,
 * each a set of schemes with scopes. A change breaks when a client that met one old alternative meets
 * no new one.
 */
final class SecurityDiff {
  private final JsonNode oldRoot;
  private final JsonNode newRoot;
  private final Changes changes;

  SecurityDiff(Doc before, Doc after, Changes changes) {
    this.oldRoot = before.root().node();
    this.newRoot = after.root().node();
    this.changes = changes;
  }

  void compare(Operation old, Operation neu) {
    JsonNode was = requirements(old, oldRoot);
    JsonNode is = requirements(neu, newRoot);
    if (!was.equals(is)) {
      changes.add(Kind.SECURITY_CHANGED, old.label(), pointer(old), pointer(neu),
          "security of " + old.label() + ": " + text(was) + " -> " + text(is), !stillMet(was, is));
    }
  }

  private static JsonNode requirements(Operation operation, JsonNode root) {
    return operation.site().node().has("security") ? operation.site().node().path("security") : root.path("security");
  }

  /** The operation's {@code security}, or the operation itself where it inherits the document's. */
  private static String pointer(Operation operation) {
    return operation.site().pointer() + (operation.site().node().has("security") ? "/security" : "");
  }

  private static String text(JsonNode requirements) {
    return requirements.isMissingNode() || requirements.isEmpty() ? "none" : requirements.toString();
  }

  private static boolean stillMet(JsonNode was, JsonNode is) {
    if (is.isMissingNode() || is.isEmpty()) {
      return true;
    }
    if (was.isMissingNode() || was.isEmpty()) {
      return satisfies(null, is);
    }
    for (JsonNode alternative : was) {
      if (!satisfies(alternative, is)) {
        return false;
      }
    }
    return true;
  }

  /** Whether some new alternative asks only for schemes and scopes {@code held} has (null: none). */
  private static boolean satisfies(JsonNode held, JsonNode is) {
    for (JsonNode alternative : is) {
      boolean met = true;
      for (Iterator<Map.Entry<String, JsonNode>> schemes = alternative.fields(); met && schemes.hasNext(); ) {
        Map.Entry<String, JsonNode> scheme = schemes.next();
        JsonNode scopes = held == null ? null : held.get(scheme.getKey());
        met = scopes != null && scopesOf(scopes).containsAll(scopesOf(scheme.getValue()));
      }
      if (met) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> scopesOf(JsonNode scopes) {
    Set<String> result = new HashSet<>();
    scopes.forEach(s -> result.add(s.asText()));
    return result;
  }
}
