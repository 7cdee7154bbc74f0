package io.rest2grpc.openapi.corpus;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.transcoding.routing.PathTemplate;
import io.rest2grpc.transcoding.routing.PathTemplate.Literal;
import io.rest2grpc.transcoding.routing.PathTemplate.Partial;
import io.rest2grpc.transcoding.routing.PathTemplate.Segment;
import io.rest2grpc.transcoding.routing.PathTemplate.Variable;
import io.rest2grpc.transcoding.routing.PathTemplate.Wildcard;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes of one converted spec (issue 16, §1): the route table built from the compiled
 * descriptor set, a request made from each route's own template ({@link PathTemplate#expand} of
 * values that encoding gets wrong), and where it goes, in the table and in Spring MVC, whose {@code
 * PathPattern.SPECIFICITY_COMPARATOR} picks among the patterns that match it. A route comes back
 * when the table routes the request to it, binds the same values, and expands them to the same path;
 * one that does not is listed with what the table did instead.
 *
 * @param routes the table's routes; {@code ambiguous} more were dropped as no request can tell them apart
 * @param fromRestPath routes read from {@code RestMethod.rest_path} (what HttpRule cannot express), their variables bound
 *     through {@code rest_path_fields}
 * @param cameBack requests made from a route that the table routes to that route
 * @param springAgrees requests for which Spring's pick among the matching patterns is the table's
 */
record RouteRoundTrip(int rpcs, int routes, int fromRestPath, int ambiguous, int cameBack, int springAgrees, List<String> findings) {
  private static final PathPatternParser SPRING = new PathPatternParser();

  static RouteRoundTrip of(Collection<FileDescriptor> files) {
    RouteTable table = RouteTable.of(files);
    int rpcs = files.stream().mapToInt(f -> f.getServices().stream().mapToInt(s -> s.getMethods().size()).sum()).sum();
    Map<Route, PathPattern> spring = new HashMap<>();
    table.routes().forEach(route -> spring.put(route, SPRING.parse(springPattern(route.template()))));
    int cameBack = 0;
    int springAgrees = 0;
    List<String> findings = new ArrayList<>();
    table.ambiguities().forEach(a -> findings.add("ambiguous: " + a));
    for (Route route : table.routes()) {
      Map<String, String> values = sampleValues(route.template());
      String path = route.template().expand(values);
      StringBuilder query = new StringBuilder();
      route.query().forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=').append(v));
      RouteMatch match = table.match(route.httpMethod(), path + query);
      Route found = match instanceof RouteMatch.Matched m ? m.route() : null;
      if (route.equals(found) && ((RouteMatch.Matched) match).variables().equals(values)
          && route.template().expand(((RouteMatch.Matched) match).variables()).equals(path)) {
        cameBack++;
      } else {
        findings.add("not back: " + route + " → " + match);
      }
      Route springPick = springPick(route, path, table.routes(), spring);
      if (springPick != null && springPick.equals(found)) {
        springAgrees++;
      } else {
        findings.add("Spring differs: " + path + " → " + springPick + ", the table: " + found);
      }
    }
    int fromRestPath = (int) table.routes().stream().filter(r -> r.origin().equals("rest_path")).count();
    return new RouteRoundTrip(rpcs, table.routes().size(), fromRestPath, table.ambiguities().size(), cameBack, springAgrees, findings);
  }

  /** Among the routes of the same method and query that match {@code path} in Spring, the most specific; null when none does. */
  private static Route springPick(Route of, String path, List<Route> routes, Map<Route, PathPattern> spring) {
    PathContainer container = PathContainer.parsePath(path);
    Route best = null;
    for (Route route : routes) {
      if (route.httpMethod().equals(of.httpMethod()) && route.query().equals(of.query()) && spring.get(route).matches(container)
          && (best == null || PathPattern.SPECIFICITY_COMPARATOR.compare(spring.get(route), spring.get(best)) < 0)) {
        best = route;
      }
    }
    return best;
  }

  /**
   * A value for each variable that no literal of the corpus is, with what encoding gets wrong: a
   * space, {@code /}, {@code %}, {@code +}, non-ASCII text; a variable over several segments gets
   * two, its slash between them.
   */
  static Map<String, String> sampleValues(PathTemplate template) {
    Map<String, String> values = new HashMap<>();
    int n = 0;
    for (Variable variable : template.variables()) {
      Segment first = template.segments().get(variable.from());
      boolean oneSegment = variable.to() - variable.from() == 1 && !(first instanceof Wildcard w && w.many());
      values.put(variable.fieldPath(), oneSegment ? "v_" + n++ + " é+%/x" : multiSegment(template, variable, n++));
    }
    return values;
  }

  /** The value of a variable over several segments: its literals as written, each wildcard a value, {@code **} two. */
  private static String multiSegment(PathTemplate template, Variable variable, int n) {
    List<String> parts = new ArrayList<>();
    for (int i = variable.from(); i < variable.to(); i++) {
      Segment segment = template.segments().get(i);
      if (segment instanceof Literal l) {
        parts.add(l.text());
      } else if (segment instanceof Wildcard w) {
        parts.add(w.many() ? "v_" + n + " é/w+%" : "v_" + n + " é+%");
      }
    }
    return String.join("/", parts);
  }

  /** The template in Spring's pattern syntax: {@code {v}} per variable segment, {@code {*v}} for {@code **}. */
  private static String springPattern(PathTemplate template) {
    StringBuilder pattern = new StringBuilder();
    int n = 0;
    for (Segment segment : template.segments()) {
      pattern.append('/');
      if (segment instanceof Literal l) {
        pattern.append(l.text());
      } else if (segment instanceof Partial p) {
        pattern.append(p.prefix()).append("{v").append(n++).append('}').append(p.suffix());
      } else if (segment instanceof Wildcard w) {
        pattern.append(w.many() ? "{*v" + n++ + "}" : "{v" + n++ + "}");
      }
    }
    return template.verb().isEmpty() ? pattern.toString() : pattern + ":" + template.verb();
  }

  String row() {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
        "%5d RPCs %5d routes (%4d rest_path) %3d ambiguous  came back %5d  Spring agrees %5d",
        rpcs, routes, fromRestPath, ambiguous, cameBack, springAgrees));
    findings.stream().limit(3).forEach(f -> row.append("\n    ").append(f));
    return row.toString();
  }

  RouteRoundTrip plus(RouteRoundTrip other) {
    return new RouteRoundTrip(rpcs + other.rpcs, routes + other.routes, fromRestPath + other.fromRestPath, ambiguous + other.ambiguous,
        cameBack + other.cameBack, springAgrees + other.springAgrees, List.of());
  }

  static final RouteRoundTrip NONE = new RouteRoundTrip(0, 0, 0, 0, 0, 0, List.of());
}
