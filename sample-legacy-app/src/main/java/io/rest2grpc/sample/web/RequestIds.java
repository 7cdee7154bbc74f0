package io.rest2grpc.sample.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where the request id set by {@link RequestIdFilter} lives during a request. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName();

  private RequestIds() {}

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id == null ? "unknown" : id.toString();
  }
}
