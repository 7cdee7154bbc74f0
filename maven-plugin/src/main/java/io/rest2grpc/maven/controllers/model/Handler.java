package io.rest2grpc.maven.controllers.model;

import io.rest2grpc.maven.source.SourcePosition;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One handler method of a controller with its mapping merged the way Spring MVC merges it: class level
 * with method level, inherited from interfaces and superclasses, composed annotations resolved.
 *
 * @param controller the qualified name of the controller class
 * @param method the Java method (for an inherited mapping, the controller's implementation of it)
 * @param httpMethods the methods it answers; empty means every method
 * @param paths the route patterns (class-level × method-level paths, constants and {@code ${…}} resolved), without context or servlet path
 * @param conditions params, headers, consumes and produces
 * @param arguments one per Java parameter, in order
 * @param returns what it returns
 * @param position where the method is declared (the line of its name)
 */
public record Handler(String controller, MethodSignature method, List<HttpMethod> httpMethods, List<String> paths,
    RequestConditions conditions, List<Argument> arguments, ReturnShape returns, SourcePosition position) {

  public Handler {
    httpMethods = List.copyOf(httpMethods);
    paths = List.copyOf(paths);
    arguments = List.copyOf(arguments);
  }

  /** Why this handler needs a bridge to the REST handler instead of the typed gRPC path; empty when it needs none. */
  public Set<BridgeReason> bridgeReasons() {
    Set<BridgeReason> reasons = EnumSet.noneOf(BridgeReason.class);
    arguments.forEach(argument -> argument.bridge().ifPresent(reasons::add));
    reasons.addAll(returns.bridgeReasons());
    return reasons;
  }

  public String controllerSimpleName() {
    return controller.substring(controller.lastIndexOf('.') + 1);
  }
}
