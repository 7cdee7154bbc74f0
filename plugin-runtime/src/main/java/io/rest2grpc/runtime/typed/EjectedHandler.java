package io.rest2grpc.runtime.typed;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A handler method of an ejected service ({@code rest2grpc:eject}): the team's own method, answering a
 * gRPC call in place of the controller's handler. Its arguments bind from the call's REST form, whose
 * path variables are read with {@code pattern} (the controller's mapping it came from), as Spring MVC
 * bound the controller's.
 *
 * @param method the bean and its method, with Spring MVC's validation flags
 * @param pattern the REST path pattern its {@code @PathVariable}s are named in
 */
public record EjectedHandler(HandlerMethod method, PathPattern pattern) {}
