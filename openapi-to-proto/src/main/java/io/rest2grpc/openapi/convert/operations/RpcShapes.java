package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.naming.Inflector;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.naming.Verbs;
import io.rest2grpc.openapi.naming.Verbs.Standard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Which operations have the REST shape of an AIP-131..135 standard method: {@code GET /orders/{id}}
 * Get, {@code GET /orders} returning a list List, {@code POST /orders} Create (when the spec also
 * reads {@code /orders} or {@code /orders/{id}}), {@code PATCH /orders/{id}} Update, {@code PUT}
 * Update (Replace when the path also has a PATCH), {@code POST /orders/{id}} Update (when the path
 * has neither, as Stripe does), {@code DELETE /orders/{id}} Delete.
 */
final class RpcShapes {
  private final Set<String> patchedPaths = new HashSet<>();
  private final Set<String> replacedPaths = new HashSet<>();
  private final Set<String> readablePaths = new HashSet<>();

  RpcShapes(List<Op> ops) {
    for (Op op : ops) {
      switch (op.method()) {
        case "patch" -> patchedPaths.add(op.path());
        case "put" -> replacedPaths.add(op.path());
        case "get" -> {
          readablePaths.add(op.path());
          int slash = op.path().lastIndexOf('/');
          if (slash > 0 && op.path().startsWith("/{", slash)) {
            readablePaths.add(op.path().substring(0, slash));  // GET /orders/{id} reads the collection /orders
          }
        }
        default -> { }
      }
    }
  }

  /**
   * A standard method's name: its verb, the parent collections' singulars that qualify it when
   * needed ({@code GET /shelves/{id}/books} ListShelfBooks) and its noun.
   */
  record Shape(Standard standard, String verb, String parents, String noun) {
    String name() {
      return verb + noun;
    }

    /**
     * The name qualified by the parents, or, for a top-level resource, by the
     * words of its operationId that are not its verb, service or noun, after the noun when they
     * start with a preposition or a version ({@code listCoreV1PodForAllNamespaces} → ListPodsForAllNamespaces).
     */
    String qualified(List<String> leftover) {
      if (!parents.isEmpty() || leftover.isEmpty()) {
        return verb + parents + noun;
      }
      String rest = RpcWords.pascal(leftover);
      boolean after = RpcWords.PREPOSITIONS.contains(leftover.get(0)) || leftover.get(0).matches("v\\d+.*");
      return after ? verb + noun + rest : verb + rest + noun;
    }

    /** Lower-case words of the noun, for finding it in an operationId. */
    List<String> nounWords() {
      return Names.lowerWords(noun);
    }
  }

  /**
   * The standard shape of {@code op}, or null. {@code returnsList} is asked only for a GET of a
   * collection; {@code idWords}, the operationId's words, only spell the noun ({@code priorityclasses}
   * → PriorityClass when the operationId says {@code PriorityClass}).
   */
  Shape of(Op op, BooleanSupplier returnsList, List<String> idWords) {
    List<String> segments = segments(op.path());
    if (segments.isEmpty()) {
      return null;
    }
    boolean item = isVariable(segments.get(segments.size() - 1));
    int collectionIndex = item ? segments.size() - 2 : segments.size() - 1;
    if (collectionIndex < 0 || !Names.isCollection(segments.get(collectionIndex))
        || !Verbs.standardsOf(Names.words(segments.get(collectionIndex)).get(0)).isEmpty()) {  // update_credentials is no collection
      return null;
    }
    Standard standard = switch (op.method()) {
      case "get" -> item ? Standard.GET : returnsList.getAsBoolean() ? Standard.LIST : null;
      case "post" -> item ? (patchedPaths.contains(op.path()) || replacedPaths.contains(op.path()) ? null : Standard.UPDATE)
          : readablePaths.contains(op.path()) ? Standard.CREATE : null;
      case "patch" -> item ? Standard.UPDATE : null;
      case "put" -> item ? (patchedPaths.contains(op.path()) ? Standard.REPLACE : Standard.UPDATE) : null;
      case "delete" -> item ? Standard.DELETE : null;
      default -> null;
    };
    if (standard == null) {
      return null;
    }
    String verb = switch (standard) {
      case GET -> "Get";
      case LIST -> "List";
      case CREATE -> "Create";
      case UPDATE -> "Update";
      case REPLACE -> "Replace";
      case DELETE -> "Delete";
    };
    String noun = noun(segments.get(collectionIndex), standard == Standard.LIST, idWords);
    return new Shape(standard, verb, parents(segments, collectionIndex), noun);
  }

  /** The singular nouns of the collections, each followed by a variable, that lead to the last collection of {@code op}'s path. */
  String parents(Op op) {
    List<String> segments = segments(op.path());
    int last = -1;
    for (int i = 0; i < segments.size(); i++) {
      if (Names.isCollection(segments.get(i))) {
        last = i;
      }
    }
    return last < 0 ? "" : parents(segments, last);
  }

  private static String parents(List<String> segments, int collectionIndex) {
    StringBuilder parents = new StringBuilder();
    for (int i = 0; i + 1 < collectionIndex; i++) {
      if (Names.isCollection(segments.get(i)) && isVariable(segments.get(i + 1))) {
        parents.append(Names.pascal(Names.singular(segments.get(i)), ""));
      }
    }
    return parents.toString();
  }

  /**
   * The PascalCase noun of a collection segment: plural for List, else singular. Spelled with the
   * operationId's words where they spell the same letters ({@code ipaddresses} → IpAddress).
   */
  static String noun(String segment, boolean plural, List<String> idWords) {
    String singular = Names.singular(segment);
    String letters = singular.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    String pluralLetters = segment.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    for (int start = 0; start < idWords.size(); start++) {
      StringBuilder run = new StringBuilder();
      for (int end = start; end < idWords.size() && run.length() < pluralLetters.length(); end++) {
        run.append(idWords.get(end));
        if (run.toString().equals(letters) || run.toString().equals(pluralLetters)) {
          String spelled = RpcWords.pascal(idWords.subList(start, end + 1));
          String one = Inflector.singular(spelled);
          return plural ? (Inflector.isPlural(segment) && !Inflector.isPlural(spelled) ? Inflector.plural(one) : spelled) : one;
        }
      }
    }
    return Names.pascal(plural ? segment : singular, "");
  }

  /** The path's segments, a format extension of the last left out ({@code /Accounts/{Sid}.json}: Twilio's is no part of the name). */
  static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : FORMAT_EXTENSION.matcher(path).replaceFirst("").split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    return segments;
  }

  private static final Pattern FORMAT_EXTENSION = Pattern.compile("\\.(json|xml)$");

  static boolean isVariable(String segment) {
    return segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('}') == segment.length() - 1;
  }
}
