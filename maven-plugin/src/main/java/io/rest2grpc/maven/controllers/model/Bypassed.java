package io.rest2grpc.maven.controllers.model;

import io.rest2grpc.maven.source.SourcePosition;

/**
 * A part of the app's web stack that a typed call does not pass through (handler interceptors,
 * binders, validation and exception handlers it does pass through).
 */
public record Bypassed(Kind kind, String className, SourcePosition position) {

  public enum Kind {
    /** A servlet {@code Filter} bean: the app's {@code TypedCallHook} must stand in for it. */
    SERVLET_FILTER,
    /** {@code RequestBodyAdvice}: typed calls hand the handler the mapped DTO, not a body to advise. */
    REQUEST_BODY_ADVICE,
    /** {@code ResponseBodyAdvice}: typed calls map the handler's answer, not a body written by converters. */
    RESPONSE_BODY_ADVICE
  }

  /** {@code servlet filter BearerTokenFilter (BearerTokenFilter.java:25): …} with what covers it. */
  public String describe() {
    String simpleName = className.substring(className.lastIndexOf('.') + 1);
    String where = simpleName + " (" + position.fileName() + ":" + position.line() + ")";
    return switch (kind) {
      case SERVLET_FILTER -> "servlet filter " + where + ": the app's TypedCallHook stands in for it (checked at start-up: "
          + "while it is not covered, every RPC is bridged)";
      case REQUEST_BODY_ADVICE -> "request body advice " + where + ": not applied; the handler gets the mapped DTO";
      case RESPONSE_BODY_ADVICE -> "response body advice " + where + ": not applied; the handler's answer is mapped as returned";
    };
  }
}
