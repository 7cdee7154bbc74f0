package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.maven.controllers.model.BridgeReason;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a generated service answers one RPC.
 *
 * @param route the RPC's primary REST route ({@code GET /v1/orders/{id}})
 * @param handler the controller method the route reaches; empty when none of the module's controllers does
 * @param bridged why the call goes through the bridge into the app's MVC stack rather than a typed call
 */
public record MethodPlan(MethodDescriptor rpc, String route, Optional<Handler> handler, String bridged) {
  static final String BRIDGED_FOR_NOW = "this version of the plugin answers every RPC through the bridge; typed calls come next";

  /** The RPC's first REST route, as {@code GET /v1/orders/{id}}; "no REST route" for an RPC without one. */
  public static String primaryRoute(RouteTable routes, MethodDescriptor rpc) {
    return routes.routes().stream().filter(route -> route.method().equals(rpc)).findFirst()
        .map(route -> route.httpMethod() + " " + route.template().text()).orElse("no REST route");
  }

  /** What the handler uses that a typed call cannot reach (the fixed list), else that typed calls are not generated yet. */
  public static String whyBridged(Optional<Handler> handler) {
    Set<BridgeReason> reasons = handler.map(Handler::bridgeReasons).orElse(Set.of());
    if (reasons.isEmpty()) {
      return BRIDGED_FOR_NOW;
    }
    return "the handler uses " + reasons.stream().map(reason -> reason.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", ")) + ", which a typed call cannot reach";
  }

  /** {@code OrderController#getOrder (OrderController.java:77)}. */
  public static String describe(Handler handler) {
    return handler.controllerSimpleName() + "#" + handler.method().name() + " (" + handler.position().fileName() + ":"
        + handler.position().line() + ")";
  }
}
