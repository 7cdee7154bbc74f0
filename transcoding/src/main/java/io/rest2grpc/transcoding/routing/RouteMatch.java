package io.rest2grpc.transcoding.routing;

import java.util.Map;
import java.util.Set;

/** What a request's method and path come to: a route with its bound variables, or the typed decision the server renders. */
public sealed interface RouteMatch {
  /** The route, and each variable's field path with its percent-decoded value ({@code **} keeps its slashes). */
  record Matched(Route route, Map<String, String> variables) implements RouteMatch {
    public Matched {
      variables = Map.copyOf(variables);
    }
  }

  /** No route has this path: 404. */
  record NoRoute() implements RouteMatch {}

  /** Routes have this path, none with this method: 405 with {@code Allow}. */
  record MethodNotAllowed(Set<String> allow) implements RouteMatch {
    public MethodNotAllowed {
      allow = Set.copyOf(allow);
    }
  }
}
