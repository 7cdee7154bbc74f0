package io.rest2grpc.transcoding.routing;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.HttpRulePatterns;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.http.QueryString;
import io.rest2grpc.transcoding.routing.PathTemplate.Literal;
import io.rest2grpc.transcoding.routing.PathTemplate.Partial;
import io.rest2grpc.transcoding.routing.PathTemplate.Segment;
import io.rest2grpc.transcoding.routing.PathTemplate.Variable;
import io.rest2grpc.transcoding.routing.PathTemplate.Wildcard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every REST route of a set of RPCs, and the route of a request. Built once from compiled
 * descriptors and immutable after, so one table serves any number of threads.
 *
 * <p>An RPC's routes: its {@code google.api.http} rule and each of its {@code additional_bindings};
 * where the converter kept the exact REST route in {@code RestMethod.rest_path} (what HttpRule cannot
 * express: {@code /Accounts/{Sid}.json}, a trailing slash, {@code /?op=CreateThing}, a bidi stream),
 * that route instead of the rule's nearest legal form, with {@code rest_method} when set; its variables
 * bind the fields {@code rest_path_fields} names ({@code Sid} → {@code sid}).
 *
 * <p>Precedence, segment by segment from the left: a literal beats a variable inside literal text
 * ({@code {Sid}.json}), which beats a whole-segment variable, which beats {@code **}; among routes of
 * one path, one whose query discriminator the request carries beats one without. Lookup walks a
 * tree of segments, so its cost grows with the path's depth, not with the number of routes. Two
 * routes no request can tell apart (one method, one template but for variable names, one query
 * discriminator) are {@link #ambiguities()}: the first in descriptor order is kept.
 */
public final class RouteTable {
  private final Node root = new Node();
  private final List<Route> routes = new ArrayList<>();
  private final List<Ambiguity> ambiguities = new ArrayList<>();
  private final Map<MethodDescriptor, MediaRanges> media = new HashMap<>();

  /** Two routes no request tells apart; requests go to {@code kept}. */
  public record Ambiguity(Route kept, Route shadowed) {
    @Override
    public String toString() {
      return shadowed + " is shadowed by " + kept + ": same method, same template but for variable names";
    }
  }

  private RouteTable() {}

  /** The routes of every RPC of {@code files}' services (loaded with rest2grpc's extensions registered). */
  public static RouteTable of(Collection<FileDescriptor> files) {
    List<MethodDescriptor> methods = new ArrayList<>();
    for (FileDescriptor file : files) {
      for (ServiceDescriptor service : file.getServices()) {
        methods.addAll(service.getMethods());
      }
    }
    return ofMethods(methods);
  }

  /** The routes of {@code methods}; an RPC without a REST route has none. */
  public static RouteTable ofMethods(Collection<MethodDescriptor> methods) {
    RouteTable table = new RouteTable();
    for (MethodDescriptor method : methods) {
      routesOf(method).forEach(table::add);
    }
    return table;
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }

  public List<Ambiguity> ambiguities() {
    return List.copyOf(ambiguities);
  }

  private static List<Route> routesOf(MethodDescriptor method) {
    RestOptions.requireRegistered(method.getOptions(), OptionsProto.METHOD_FIELD_NUMBER, method.getFullName());
    RestMethod rest = method.getOptions().getExtension(OptionsProto.method);
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    List<Route> routes = new ArrayList<>();
    if (!rest.getRestPath().isEmpty()) {
      String verb = !rest.getRestMethod().isEmpty() ? rest.getRestMethod() : HttpRulePatterns.method(rule);
      String path = rest.getRestPath();
      int q = path.indexOf('?');
      PathTemplate template = PathTemplate.ofRestPath(q < 0 ? path : path.substring(0, q)).withFieldPaths(rest.getRestPathFieldsMap());
      routes.add(new Route(method, verb.toUpperCase(Locale.ROOT), template,
          q < 0 ? Map.of() : firstValues(QueryString.decode(path.substring(q + 1))), body(rule, rest), "rest_path"));
    } else if (rule.getPatternCase() != HttpRule.PatternCase.PATTERN_NOT_SET) {
      String verb = !rest.getRestMethod().isEmpty() ? rest.getRestMethod() : HttpRulePatterns.method(rule);
      routes.add(new Route(method, verb.toUpperCase(Locale.ROOT), PathTemplate.ofHttpRule(HttpRulePatterns.path(rule)), Map.of(), body(rule, rest),
          "google.api.http"));
    }
    for (int i = 0; i < rule.getAdditionalBindingsCount(); i++) {
      HttpRule binding = rule.getAdditionalBindings(i);
      routes.add(new Route(method, HttpRulePatterns.method(binding).toUpperCase(Locale.ROOT), PathTemplate.ofHttpRule(HttpRulePatterns.path(binding)), Map.of(),
          binding.getBody(), "additional_bindings[" + i + "]"));
    }
    return routes;
  }

  /** The rule's body field, else the one the converter kept where the rule can have none ({@code rest_body}). */
  private static String body(HttpRule rule, RestMethod rest) {
    return rule.getBody().isEmpty() ? rest.getRestBody() : rule.getBody();
  }

  private void add(Route route) {
    Node node = root;
    for (Segment segment : route.template().segments()) {
      node = node.child(segment);
    }
    List<Route> atEnd = node.ends.computeIfAbsent(route.template().verb(), v -> new ArrayList<>());
    for (Route other : atEnd) {
      if (other.httpMethod().equals(route.httpMethod()) && other.query().equals(route.query())) {
        ambiguities.add(new Ambiguity(other, route));
        return;
      }
    }
    atEnd.add(route);
    routes.add(route);
    media.computeIfAbsent(route.method(), MediaRanges::of);
  }

  /** {@link #match(String, String, String, String)} without a body or an {@code Accept} to check. */
  public RouteMatch match(String httpMethod, String target) {
    return match(httpMethod, target, null, null);
  }

  /**
   * The route of a request, or the decision to render: 404, 405, then for the route found 415 (a
   * body whose type the RPC does not take; an RPC without a body ignores it) and 406 (an {@code
   * Accept} that admits none of the response's type; an RPC answering {@code Empty} has none to refuse).
   *
   * @param target the request target as sent: the raw path (percent-encoded) and query string
   * @param contentType the request's {@code Content-Type}, null without a body
   * @param accept the request's {@code Accept}, null when absent
   */
  public RouteMatch match(String httpMethod, String target, String contentType, String accept) {
    RouteMatch found = route(httpMethod, target);
    if (!(found instanceof RouteMatch.Matched matched)) {
      return found;
    }
    MediaRanges ranges = media.get(matched.route().method());
    if (contentType != null && !ranges.accepted().isEmpty() && !ranges.takes(contentType)) {
      return new RouteMatch.UnsupportedMediaType(matched.route(), ranges.accepted());
    }
    if (accept != null && !ranges.given().isEmpty() && !ranges.admits(accept)) {
      return new RouteMatch.NotAcceptable(matched.route(), ranges.given());
    }
    return found;
  }

  private RouteMatch route(String httpMethod, String target) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Map<String, List<String>> query = q < 0 ? Map.of() : QueryString.decode(target.substring(q + 1));
    if (!path.startsWith("/")) {
      return new RouteMatch.NoRoute();
    }
    String[] raw = path.substring(1).split("/", -1);
    List<Candidate> candidates = new ArrayList<>();
    String last = raw[raw.length - 1];
    int colon = last.lastIndexOf(':');
    if (colon >= 0) {  // a custom verb, /orders/{id}:cancel; the whole segment is tried too
      String[] withoutVerb = raw.clone();
      withoutVerb[raw.length - 1] = last.substring(0, colon);
      collect(root, decoded(withoutVerb), 0, last.substring(colon + 1), candidates);
    }
    collect(root, decoded(raw), 0, "", candidates);
    Set<String> allow = new LinkedHashSet<>();
    for (Candidate candidate : candidates) {
      Route fallback = null;
      for (Route route : candidate.routes()) {
        allow.add(route.httpMethod());
        if (route.httpMethod().equalsIgnoreCase(httpMethod)) {
          if (!route.query().isEmpty() && carries(query, route.query())) {
            return matched(route, candidate.segments());
          }
          if (route.query().isEmpty() && fallback == null) {
            fallback = route;
          }
        }
      }
      if (fallback != null) {
        return matched(fallback, candidate.segments());
      }
    }
    return allow.isEmpty() ? new RouteMatch.NoRoute() : new RouteMatch.MethodNotAllowed(allow);
  }

  /** A discriminator as the route writes it: each parameter once ({@code ?op=CreateThing}). */
  private static Map<String, String> firstValues(Map<String, List<String>> query) {
    Map<String, String> first = new LinkedHashMap<>();
    query.forEach((name, values) -> first.put(name, values.get(0)));
    return first;
  }

  /** Whether the request's query has each parameter of the discriminator with its value. */
  private static boolean carries(Map<String, List<String>> query, Map<String, String> discriminator) {
    return discriminator.entrySet().stream().allMatch(e -> query.getOrDefault(e.getKey(), List.of()).contains(e.getValue()));
  }

  /** The routes at one end of the tree the path reaches, with the path's decoded segments they matched. */
  private record Candidate(List<Route> routes, List<String> segments) {}

  private static void collect(Node node, List<String> segments, int at, String verb, List<Candidate> into) {
    if (at == segments.size()) {
      List<Route> ends = node.ends.get(verb);
      if (ends != null) {
        into.add(new Candidate(ends, segments));
      }
      if (node.many != null) {
        collect(node.many, segments, at, verb, into);  // ** matches zero segments too
      }
      return;
    }
    String segment = segments.get(at);
    Node literal = node.literals.get(segment);
    if (literal != null) {
      collect(literal, segments, at + 1, verb, into);
    }
    for (Map.Entry<Partial, Node> partial : node.partials.entrySet()) {
      Partial p = partial.getKey();
      if (segment.length() > p.prefix().length() + p.suffix().length() && segment.startsWith(p.prefix()) && segment.endsWith(p.suffix())) {
        collect(partial.getValue(), segments, at + 1, verb, into);
      }
    }
    if (node.single != null && !segment.isEmpty()) {
      collect(node.single, segments, at + 1, verb, into);
    }
    if (node.many != null) {
      collect(node.many, segments, segments.size(), verb, into);
    }
  }

  private static RouteMatch matched(Route route, List<String> segments) {
    Map<String, String> variables = new LinkedHashMap<>();
    List<Segment> template = route.template().segments();
    for (Variable variable : route.template().variables()) {
      int to = variable.to() == template.size() && template.get(template.size() - 1) instanceof Wildcard w && w.many()
          ? segments.size() : variable.to();
      String value = String.join("/", segments.subList(variable.from(), to));
      if (template.get(variable.from()) instanceof Partial p) {
        value = value.substring(p.prefix().length(), value.length() - p.suffix().length());
      }
      variables.put(variable.fieldPath(), value);
    }
    return new RouteMatch.Matched(route, variables);
  }

  private static List<String> decoded(String[] raw) {
    List<String> segments = new ArrayList<>(raw.length);
    for (String segment : raw) {
      segments.add(PercentEncoding.decode(segment));
    }
    return segments;
  }

  /** One level of the tree: the segments that may come next, and the routes that end here, by custom verb. */
  private static final class Node {
    final Map<String, Node> literals = new HashMap<>();
    final Map<Partial, Node> partials = new LinkedHashMap<>();
    Node single;
    Node many;
    final Map<String, List<Route>> ends = new HashMap<>();

    Node child(Segment segment) {
      if (segment instanceof Literal l) {
        return literals.computeIfAbsent(l.text(), t -> new Node());
      }
      if (segment instanceof Partial p) {
        return partials.computeIfAbsent(p, t -> new Node());
      }
      Wildcard w = (Wildcard) segment;
      if (w.many()) {
        return many == null ? many = new Node() : many;
      }
      return single == null ? single = new Node() : single;
    }
  }
}
