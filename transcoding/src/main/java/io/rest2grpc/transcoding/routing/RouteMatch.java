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

  /** The route takes a body in none of the request's {@code Content-Type}: 415, naming the ones it takes. */
  record UnsupportedMediaType(Route route, Set<String> supported) implements RouteMatch {
    public UnsupportedMediaType {
      supported = Set.copyOf(supported);
    }
  }

  /** The route answers in no type the request's {@code Accept} admits: 406, naming the one it gives. */
  record NotAcceptable(Route route, Set<String> available) implements RouteMatch {
    public NotAcceptable {
      available = Set.copyOf(available);
    }
  }

  /** Routes have this path, none with this method: 405 with {@code Allow}. */
  record MethodNotAllowed(Set<String> allow) implements RouteMatch {
    public MethodNotAllowed {
      allow = Set.copyOf(allow);
    }
  }
}
