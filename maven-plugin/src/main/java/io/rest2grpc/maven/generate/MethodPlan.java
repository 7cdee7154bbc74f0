package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.maven.controllers.model.Handler;
import java.util.Optional;

/**
 * How a generated service answers one RPC.
 *
 * @param route the RPC's primary REST route ({@code GET /v1/orders/{id}})
 * @param handler the controller method the route reaches; empty when none of the module's controllers does
 * @param bridged why the call goes through the bridge into the app's MVC stack rather than a typed call
 */
public record MethodPlan(MethodDescriptor rpc, String route, Optional<Handler> handler, String bridged) {

  /** {@code OrderController#getOrder (OrderController.java:77)}. */
  public static String describe(Handler handler) {
    return handler.controllerSimpleName() + "#" + handler.method().name() + " (" + handler.position().fileName() + ":"
        + handler.position().line() + ")";
  }
}
