package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.maven.calls.Call;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.util.Optional;

/**
 * How a generated service answers one RPC.
 *
 * @param route the RPC's primary REST route ({@code GET /v1/orders/{id}})
 * @param handler the controller method the route reaches; empty when none of the module's controllers does
 * @param call a typed call of the handler, or the bridge and why
 */
public record MethodPlan(MethodDescriptor rpc, String route, Optional<Handler> handler, Call call) {

  /** The RPC's first REST route, as {@code GET /v1/orders/{id}}; "no REST route" for an RPC without one. */
  public static String primaryRoute(RouteTable routes, MethodDescriptor rpc) {
    return routes.routes().stream().filter(route -> route.method().equals(rpc)).findFirst()
        .map(route -> route.httpMethod() + " " + route.template().text()).orElse("no REST route");
  }

  /** {@code OrderController#getOrder (OrderController.java:77)}. */
  public static String describe(Handler handler) {
    return handler.controllerSimpleName() + "#" + handler.method().name() + " (" + handler.position().fileName() + ":"
        + handler.position().line() + ")";
  }
}
