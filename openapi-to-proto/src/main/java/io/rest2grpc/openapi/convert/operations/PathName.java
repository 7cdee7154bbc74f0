package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.naming.Verbs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of an operation that has neither a standard shape nor an operationId, read from its
 * method and path as verb + noun: a last segment that is a verb leads, but for a GET ({@code POST
 * /orders/{id}/cancel} → CancelOrder), else the HTTP method does ({@code GET /v2/apps/{app_id}} → GetApp). Versions and
 * {@code api}/{@code rest} segments are left out, and so is the service's name when other nouns
 * remain ({@code GET /invoices/upcoming} in InvoicesService → GetUpcoming); a collection followed by a
 * variable is singular.
 *
 * @param endsInVerb whether the last segment is a verb (the operation is a custom method on its path)
 */
record PathName(String name, boolean endsInVerb) {
  private static final Pattern VERSION = Pattern.compile("(?i)v\\d+[a-z0-9]*");
  private static final Pattern NOT_A_NOUN = Pattern.compile("(?i)v\\d+.*|api|rest|\\d[\\d.-]*");

  /** @param serviceWords the words of the operation's service, left out of a name built from method and path */
  static PathName of(Op op, List<String> serviceWords) {
    List<String> segments = RpcShapes.segments(op.path());
    List<String> nouns = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (RpcShapes.isVariable(segment) || NOT_A_NOUN.matcher(segment).matches() || Names.words(segment).isEmpty()) {
        continue;
      }
      boolean item = i + 1 < segments.size() && RpcShapes.isVariable(segments.get(i + 1));
      nouns.add(item && Names.isCollection(segment) ? Names.singular(segment) : segment);
    }
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    // a GET reads what its last segment names, even one that starts like a verb (Box's /sign_requests)
    if (!op.method().equals("get") && !nouns.isEmpty() && nouns.get(nouns.size() - 1).equals(last)
        && Verbs.isVerb(Names.words(last).get(0))) {
      List<String> action = Names.words(last);
      String noun = nouns.size() > 1 ? Names.pascal(Names.singular(nouns.get(nouns.size() - 2)), "") : "";
      boolean bare = action.size() == 1 || RpcWords.PREPOSITIONS.contains(action.get(1).toLowerCase(Locale.ROOT));
      String rest = RpcWords.pascal(action.subList(1, action.size()));
      return new PathName(RpcWords.pascal(action.subList(0, 1)) + (bare ? noun : "") + rest, true);
    }
    List<String> words = new ArrayList<>();
    nouns.forEach(noun -> words.addAll(Names.lowerWords(noun)));
    String name = Names.pascal(op.method(), "Call") + RpcWords.pascal(RpcWords.withoutService(words, serviceWords));
    return new PathName(nouns.isEmpty() ? name + "Root" : name, false);
  }

  /** Whether a path segment is an API version ({@code v1}, {@code v2beta1}). */
  static boolean isVersion(String segment) {
    return VERSION.matcher(segment).matches();
  }

  /** The path's version segments in PascalCase ({@code /api/v2/...} → V2), empty when it has none. */
  static String version(Op op) {
    StringBuilder version = new StringBuilder();
    for (String segment : RpcShapes.segments(op.path())) {
      if (isVersion(segment)) {
        version.append(Names.pascal(segment, ""));
      }
    }
    return version.toString();
  }

  /** The last collection segment of {@code op}'s path, as written ({@code line-items}), or null. */
  static String resource(Op op) {
    List<String> segments = RpcShapes.segments(op.path());
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (Names.isCollection(segments.get(i))) {
        return segments.get(i);
      }
    }
    return null;
  }
}
