package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.MethodDescriptor;
import java.util.Optional;

/**
 * How a generated service answers one RPC.
 *
 * @param route the RPC's primary REST route ({@code GET /v1/orders/{id}})
 * @param handler the controller method the route reaches ({@code OrderController#get (OrderController.java:76)}); empty when none does
 * @param bridged why the call goes through the bridge into the app's MVC stack rather than a typed call
 */
public record MethodPlan(MethodDescriptor rpc, String route, Optional<String> handler, String bridged) {}
