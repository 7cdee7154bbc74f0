package io.rest2grpc.transcoding.requests;

import io.rest2grpc.transcoding.paging.PageTokens;
import java.util.List;
import java.util.Objects;

/**
 * How requests are bound, for every route: the page tokens of list RPCs, the request headers that
 * travel as metadata whatever the method ({@code traceparent}…), and the unknown-parameter policy.
 */
public record RequestSettings(PageTokens pageTokens, List<String> passThroughHeaders, UnknownParameters unknownParameters) {
  /** W3C trace context and the usual request id headers. */
  public static final List<String> DEFAULT_PASS_THROUGH = List.of("traceparent", "tracestate", "x-request-id", "x-correlation-id");

  public RequestSettings {
    Objects.requireNonNull(pageTokens, "pageTokens");
    passThroughHeaders = List.copyOf(passThroughHeaders);
    Objects.requireNonNull(unknownParameters, "unknownParameters");
  }
}
