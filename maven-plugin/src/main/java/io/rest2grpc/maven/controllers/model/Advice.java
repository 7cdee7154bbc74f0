package io.rest2grpc.maven.controllers.model;

import io.rest2grpc.maven.source.SourcePosition;

import java.util.List;

/**
 * A {@code @ControllerAdvice} or {@code @RestControllerAdvice} class: not a controller, but its exception
 * handlers and binder set-up apply to controllers. Handlers it inherits from classes outside the source
 * roots (such as Spring's {@code ResponseEntityExceptionHandler}) are not listed; {@code superclass} names the
 * class it extends ({@code java.lang.Object} when none), so a report can say where the rest come from.
 */
public record Advice(String className, String superclass, SourcePosition position,
    List<ExceptionHandlerMethod> exceptionHandlers, List<InitBinderMethod> initBinders) {

  public Advice {
    exceptionHandlers = List.copyOf(exceptionHandlers);
    initBinders = List.copyOf(initBinders);
  }
}
