package io.rest2grpc.transcoding.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A route's path, parsed once: its segments, the variables that bind them, and a custom verb.
 * Read from a {@code google.api.http} template ({@link #ofHttpRule}: {@code /v1/{name=shelves/*}/books/{book.id}:publish},
 * {@code /files/{path=**}}) or from the exact REST path the converter keeps where HttpRule cannot
 * express it ({@link #ofRestPath}: a variable inside a segment, {@code /Accounts/{Sid}.json}; a
 * trailing slash, {@code /orders/}).
 *
 * @param variables each variable with the segments it binds, {@code [from, to)}
 * @param verb the custom verb after the last {@code :}, empty when none
 */
public record PathTemplate(String text, List<Segment> segments, List<Variable> variables, String verb) {
  public PathTemplate {
    segments = List.copyOf(segments);
    variables = List.copyOf(variables);
  }

  /** One path segment of a template. */
  public sealed interface Segment permits Literal, Wildcard, Partial {}

  /** A segment written out: matched exactly, after percent-decoding. */
  public record Literal(String text) implements Segment {}

  /** {@code *}, one segment; {@code **} ({@code many}), the rest of the path, slashes kept. */
  public record Wildcard(boolean many) implements Segment {}

  /** One variable inside literal text, within one segment: {@code {Sid}.json} is prefix "" and suffix ".json". */
  public record Partial(String prefix, String suffix) implements Segment {}

  /** A field path ({@code book.id}) and the segments it binds. */
  public record Variable(String fieldPath, int from, int to) {}

  /** Thrown for a template that is not one; the message names it and what is wrong. */
  public static final class InvalidTemplateException extends IllegalArgumentException {
    InvalidTemplateException(String template, String problem) {
      super("path template '" + template + "': " + problem);
    }
  }

  /** Parses an HttpRule path template (google/api/http.proto's grammar). */
  public static PathTemplate ofHttpRule(String template) {
    if (!template.startsWith("/")) {
      throw new InvalidTemplateException(template, "must start with '/'");
    }
    String path = template;
    String verb = "";
    int colon = template.lastIndexOf(':');
    if (colon > Math.max(template.lastIndexOf('/'), template.lastIndexOf('}'))) {
      verb = template.substring(colon + 1);
      path = template.substring(0, colon);
    }
    List<Segment> segments = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    int i = 1;
    while (i <= path.length()) {
      if (i < path.length() && path.charAt(i) == '{') {
        int close = path.indexOf('}', i);
        if (close < 0) {
          throw new InvalidTemplateException(template, "a '{' without its '}'");
        }
        String inside = path.substring(i + 1, close);
        int eq = inside.indexOf('=');
        String field = eq < 0 ? inside : inside.substring(0, eq);
        int from = segments.size();
        if (eq < 0) {
          segments.add(new Wildcard(false));
        } else {
          for (String part : inside.substring(eq + 1).split("/", -1)) {
            segments.add(segment(template, part));
          }
        }
        variables.add(new Variable(field, from, segments.size()));
        i = close + 1;
      } else {
        int end = path.indexOf('/', i);
        end = end < 0 ? path.length() : end;
        segments.add(segment(template, path.substring(i, end)));
        i = end;
      }
      if (i < path.length() && path.charAt(i) != '/') {
        throw new InvalidTemplateException(template, "a variable must fill whole segments");
      }
      i++;
    }
    checkManyIsLast(template, segments);
    return new PathTemplate(template, segments, variables, verb);
  }

  private static Segment segment(String template, String text) {
    if (text.contains("{") || text.contains("}")) {
      throw new InvalidTemplateException(template, "a variable must fill whole segments");
    }
    return switch (text) {
      case "*" -> new Wildcard(false);
      case "**" -> new Wildcard(true);
      default -> new Literal(text);
    };
  }

  private static void checkManyIsLast(String template, List<Segment> segments) {
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i) instanceof Wildcard w && w.many()) {
        throw new InvalidTemplateException(template, "'**' must be the last segment");
      }
    }
  }

  /**
   * The request path for {@code variables} (field path → value, as {@link RouteMatch.Matched} gives
   * them): the inverse of matching. A value of a one-segment variable is encoded whole, a {@code /}
   * in it as {@code %2F}; a value over several segments ({@code **}, {@code {name=shelves/*}}) keeps
   * its slashes; everything but RFC 3986's unreserved characters is percent-encoded.
   *
   * @throws IllegalArgumentException when a variable has no value, or a {@code *} is outside any variable
   */
  public String expand(Map<String, String> variables) {
    String[] parts = new String[segments.size()];
    boolean[] filled = new boolean[segments.size()];  // by the value of a variable over several segments before it
    for (Variable variable : variables()) {
      String value = variables.get(variable.fieldPath());
      if (value == null) {
        throw new IllegalArgumentException("path template '" + text + "': no value for {" + variable.fieldPath() + "}");
      }
      Segment first = segments.get(variable.from());
      if (first instanceof Partial p) {
        parts[variable.from()] = PercentEncoding.encodeSegment(p.prefix()) + PercentEncoding.encodeSegment(value)
            + PercentEncoding.encodeSegment(p.suffix());
      } else if (variable.to() - variable.from() == 1 && first instanceof Wildcard w && !w.many()) {
        parts[variable.from()] = PercentEncoding.encodeSegment(value);
      } else {
        StringBuilder joined = new StringBuilder();
        String[] pieces = value.split("/", -1);
        for (int i = 0; i < pieces.length; i++) {
          joined.append(i == 0 ? "" : "/").append(PercentEncoding.encodeSegment(pieces[i]));
        }
        parts[variable.from()] = joined.toString();
        for (int i = variable.from() + 1; i < variable.to(); i++) {
          filled[i] = true;
        }
      }
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      if (filled[i]) {
        continue;
      }
      if (parts[i] == null && !(segments.get(i) instanceof Literal)) {
        throw new IllegalArgumentException("path template '" + text + "': a '*' outside any variable has no value to expand");
      }
      path.append('/').append(parts[i] != null ? parts[i] : PercentEncoding.encodeSegment(((Literal) segments.get(i)).text()));
    }
    return verb.isEmpty() ? path.toString() : path + ":" + verb;
  }

  /** This template with its variables' field paths renamed by {@code fields} (a name without an entry stays). */
  public PathTemplate withFieldPaths(Map<String, String> fields) {
    List<Variable> renamed = variables.stream()
        .map(v -> new Variable(fields.getOrDefault(v.fieldPath(), v.fieldPath()), v.from(), v.to())).toList();
    return new PathTemplate(text, segments, renamed, verb);
  }

  /**
   * Parses an OpenAPI path as the converter keeps it in {@code RestMethod.rest_path}: {@code {name}}
   * variables, each a whole segment or inside literal text ({@code {Sid}.json}); a trailing slash
   * is an empty last segment. The variable names are as the path writes them.
   */
  public static PathTemplate ofRestPath(String path) {
    if (!path.startsWith("/")) {
      throw new InvalidTemplateException(path, "must start with '/'");
    }
    List<Segment> segments = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    for (String part : path.substring(1).split("/", -1)) {
      int open = part.indexOf('{');
      if (open < 0) {
        segments.add(new Literal(part));
        continue;
      }
      int close = part.indexOf('}', open);
      if (close < 0 || part.indexOf('{', close) >= 0) {
        throw new InvalidTemplateException(path, "one variable per segment, closed: '" + part + "'");
      }
      String prefix = part.substring(0, open);
      String suffix = part.substring(close + 1);
      variables.add(new Variable(part.substring(open + 1, close), segments.size(), segments.size() + 1));
      segments.add(prefix.isEmpty() && suffix.isEmpty() ? new Wildcard(false) : new Partial(prefix, suffix));
    }
    return new PathTemplate(path, segments, variables, "");
  }
}
