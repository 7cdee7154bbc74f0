package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.HttpMethod;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which handler answers which RPC, decided by the engine's own route table (the one that routes REST
 * requests at run time), never by a second path matcher: each handler's mapping becomes a sample
 * request (its path with every variable filled, its first consumed and produced media types) and the
 * route the table picks for that request names the RPC.
 */
public final class HandlerMatcher {
  private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]+}");
  /** The methods a mapping without any answers; the route table tells which of them the contract has. */
  private static final List<HttpMethod> ANY = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.PATCH, HttpMethod.DELETE);

  private final RouteTable routes;

  public HandlerMatcher(RouteTable routes) {
    this.routes = routes;
  }

  /** The handlers matched to RPCs, and those no RPC's route reaches. */
  public record Matches(Map<MethodDescriptor, Handler> byRpc, List<Handler> unmatched) {}

  public Matches match(List<Handler> handlers) {
    Map<MethodDescriptor, Handler> byRpc = new LinkedHashMap<>();
    List<Handler> unmatched = new ArrayList<>();
    for (Handler handler : handlers) {
      List<MethodDescriptor> rpcs = rpcsOf(handler);
      if (rpcs.isEmpty()) {
        unmatched.add(handler);
      }
      rpcs.forEach(rpc -> byRpc.putIfAbsent(rpc, handler));
    }
    return new Matches(byRpc, unmatched);
  }

  private List<MethodDescriptor> rpcsOf(Handler handler) {
    List<MethodDescriptor> rpcs = new ArrayList<>();
    String contentType = first(handler.conditions().consumes()).orElse(null);
    String accept = first(handler.conditions().produces()).orElse(null);
    for (HttpMethod verb : handler.httpMethods().isEmpty() ? ANY : handler.httpMethods()) {
      for (String path : handler.paths()) {
        String target = VARIABLE.matcher(path).replaceAll("1");
        if (routes.match(verb.name(), target, contentType, accept) instanceof RouteMatch.Matched matched
            && !rpcs.contains(matched.route().method())) {
          rpcs.add(matched.route().method());
        }
      }
    }
    return rpcs;
  }

  private static Optional<String> first(List<String> mediaTypes) {
    return mediaTypes.stream().filter(type -> !type.contains("*")).findFirst();
  }
}
