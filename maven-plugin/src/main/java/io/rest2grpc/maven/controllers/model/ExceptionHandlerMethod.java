package io.rest2grpc.maven.controllers.model;

import io.rest2grpc.maven.source.SourcePosition;

import java.util.List;

/**
 * An {@code @ExceptionHandler} method and the qualified names of the exceptions it handles (from the
 * annotation, else from its exception parameters, as Spring does).
 */
public record ExceptionHandlerMethod(String methodName, List<String> exceptionTypes, SourcePosition position) {

  public ExceptionHandlerMethod {
    exceptionTypes = List.copyOf(exceptionTypes);
  }
}
