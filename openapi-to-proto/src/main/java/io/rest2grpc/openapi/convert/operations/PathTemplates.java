package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.report.Category;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OpenAPI path into an HttpRule path template. Where HttpRule cannot express the path, the
 * nearest legal template is returned with one issue per problem:
 *
 * <ul>
 *   <li>{@code ?…} or {@code #…} in the path key, and a trailing slash, are cut off;
 *   <li>a segment mixing a variable with literal text ({@code {Sid}.json}) becomes the variable
 *       alone; any further variables in it stay unbound;
 *   <li>a variable used twice, or a literal with characters HttpRule does not allow, becomes
 *       {@code *} or is percent-encoded;
 *   <li>the last segment may carry a custom verb ({@code {name}:cancel}), which HttpRule allows.
 * </ul>
 */
final class PathTemplates {
  private PathTemplates() {}

  record Issue(Category category, String message) {}

  record Template(String path, List<String> variables, List<Issue> issues) {}

  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()+,;=@%-]+");
  private static final Pattern VERB = Pattern.compile("(.*):([A-Za-z][A-Za-z0-9_.~-]*)");

  /** {@code fieldFor} maps a path parameter name to the request field that carries it. */
  static Template of(String restPath, Function<String, String> fieldFor) {
    List<Issue> issues = new ArrayList<>();
    String path = restPath;
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) {
      issues.add(new Issue(Category.QUERY_OR_FRAGMENT_IN_PATH, "'" + path.substring(cut) + "' cut from the path"));
      path = path.substring(0, cut);
    }
    if (path.length() > 1 && path.endsWith("/")) {
      issues.add(new Issue(Category.TRAILING_SLASH, "trailing slash dropped"));
      while (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
    }
    String[] raw = path.split("/");
    List<String> segments = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    Set<String> bound = new HashSet<>();
    String verb = null;
    for (int i = 0; i < raw.length; i++) {
      String segment = raw[i];
      if (segment.isEmpty()) {
        if (i > 0) {
          issues.add(new Issue(Category.ILLEGAL_PATH_LITERAL, "empty path segment dropped"));
        }
        continue;
      }
      if (i == raw.length - 1 && segment.indexOf(':') >= 0) {
        Matcher m = VERB.matcher(segment);
        if (m.matches() && !m.group(1).isEmpty() && !m.group(1).contains(":")) {
          segment = m.group(1);
          verb = m.group(2);
        }
      }
      List<String> names = new ArrayList<>();
      // most segments are plain words: no need to run the pattern over them
      Matcher m = segment.indexOf('{') < 0 ? null : VARIABLE.matcher(segment);
      while (m != null && m.find()) {
        names.add(m.group(1));
      }
      if (names.isEmpty()) {
        segments.add(literal(segment, issues));
        continue;
      }
      if (!segment.equals("{" + names.get(0) + "}")) {
        issues.add(new Issue(Category.PARTIAL_SEGMENT_VARIABLE, "segment '" + segment + "' mixes variables and text;"
            + " the template binds {" + names.get(0) + "} to the whole segment"
            + (names.size() > 1 ? " and leaves " + names.subList(1, names.size()) + " unbound" : "")));
      }
      String field = fieldFor.apply(names.get(0));
      if (bound.add(field)) {
        segments.add("{" + field + "}");
        variables.add(names.get(0));
      } else {
        issues.add(new Issue(Category.ILLEGAL_PATH_LITERAL, "variable {" + names.get(0) + "} appears twice; the second is '*'"));
        segments.add("*");
      }
    }
    String template = "/" + String.join("/", segments) + (verb == null ? "" : ":" + verb);
    return new Template(template, List.copyOf(variables), List.copyOf(issues));
  }

  private static String literal(String segment, List<Issue> issues) {
    if (LITERAL.matcher(segment).matches()) {
      return segment;
    }
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && LITERAL.matcher(String.valueOf(c)).matches()) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    issues.add(new Issue(Category.ILLEGAL_PATH_LITERAL, "literal '" + segment + "' percent-encoded as '" + out + "'"));
    return out.toString();
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
