package io.rest2grpc.maven.controllers.model;

import io.rest2grpc.maven.source.SourcePosition;

import java.util.List;

/** A controller class: its handlers and its controller-local exception handlers and binder set-up. */
public record Controller(String className, SourcePosition position, List<Handler> handlers,
    List<ExceptionHandlerMethod> exceptionHandlers, List<InitBinderMethod> initBinders) {

  public Controller {
    handlers = List.copyOf(handlers);
    exceptionHandlers = List.copyOf(exceptionHandlers);
    initBinders = List.copyOf(initBinders);
  }
}
