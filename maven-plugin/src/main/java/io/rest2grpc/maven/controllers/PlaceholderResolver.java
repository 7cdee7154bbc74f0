package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.Node;
import io.rest2grpc.maven.controllers.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code ${key}} and {@code ${key:default}} against the application's flattened properties, as
 * Spring's placeholder helper does: nested placeholders in keys, defaults and property values included.
 * A placeholder with neither a property nor a default stays as written and is listed as unresolved.
 */
final class PlaceholderResolver {

  private static final String PREFIX = "${";
  private static final String SUFFIX = "}";

  /** The text with placeholders replaced, and the keys of those that could not be. */
  record Resolution(String value, List<String> unresolvedKeys) {}

  private final Map<String, String> properties;

  PlaceholderResolver(Map<String, String> properties) {
    this.properties = Map.copyOf(properties);
  }

  /** The text resolved; each placeholder left unresolved becomes a problem at the node the text was written at. */
  String resolve(String text, Node site, List<Problem> problems) {
    Resolution resolution = resolve(text);
    for (String key : resolution.unresolvedKeys()) {
      problems.add(Problems.at(site, "Placeholder ${" + key + "} in \"" + text + "\"",
          "the application's properties have no " + key + " and the placeholder has no default",
          "define " + key + " in application.properties or application.yml, or write a default: ${" + key + ":…}"));
    }
    return resolution.value();
  }

  Resolution resolve(String text) {
    List<String> unresolved = new ArrayList<>();
    String value = resolve(text, new HashSet<>(), unresolved);
    return new Resolution(value, List.copyOf(unresolved));
  }

  private String resolve(String text, Set<String> resolving, List<String> unresolved) {
    StringBuilder result = new StringBuilder();
    int from = 0;
    int start = text.indexOf(PREFIX);
    while (start >= 0) {
      int end = closingBrace(text, start + PREFIX.length());
      if (end < 0) {
        break;
      }
      result.append(text, from, start);
      result.append(placeholder(text.substring(start, end + 1), resolving, unresolved));
      from = end + 1;
      start = text.indexOf(PREFIX, from);
    }
    return result.append(text.substring(from)).toString();
  }

  private String placeholder(String placeholder, Set<String> resolving, List<String> unresolved) {
    String content = placeholder.substring(PREFIX.length(), placeholder.length() - SUFFIX.length());
    int separator = defaultSeparator(content);
    String key = resolve(separator < 0 ? content : content.substring(0, separator), resolving, unresolved);
    String value = properties.get(key);
    if (value != null && resolving.add(key)) {
      try {
        return resolve(value, resolving, unresolved);
      } finally {
        resolving.remove(key);
      }
    }
    if (separator >= 0) {
      return resolve(content.substring(separator + 1), resolving, unresolved);
    }
    unresolved.add(key);
    return placeholder;
  }

  /** The index of the brace closing the placeholder whose content starts at {@code from}, nested ones skipped. */
  private static int closingBrace(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      if (text.startsWith(PREFIX, i)) {
        depth++;
        i += PREFIX.length() - 1;
      } else if (text.startsWith(SUFFIX, i)) {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** The first ':' outside nested placeholders, or -1. */
  private static int defaultSeparator(String content) {
    int depth = 0;
    for (int i = 0; i < content.length(); i++) {
      if (content.startsWith(PREFIX, i)) {
        depth++;
        i += PREFIX.length() - 1;
      } else if (content.charAt(i) == '}') {
        depth--;
      } else if (content.charAt(i) == ':' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
