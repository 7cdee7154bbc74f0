package io.rest2grpc.runtime.typed;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;

/**
 * What the app's servlet filters do for REST, done for typed gRPC calls, which reach the handler
 * without the filter chain: authentication, rate limits, request ids. The app implements it once (a
 * bean); it runs before any handler of a typed call, with the call's REST view of the request and a
 * response it may answer in. Every filter of the app must be covered by the hook ({@link #covers}),
 * else the app's RPCs all go through the bridge, which runs the real filter chain.
 */
public interface TypedCallHook {

  /**
   * Runs before the handler (and before the app's {@code HandlerInterceptor}s, as filters do).
   *
   * @return false when the hook answered the call itself, as a filter that does not continue the chain:
   *     the status, headers and body written to {@code response} become the gRPC answer through the
   *     contract's error transform (a 401 problem becomes UNAUTHENTICATED)
   * @throws Exception to let the app's exception handlers answer, as for an exception in a handler
   */
  boolean beforeHandler(HttpServletRequest request, HttpServletResponse response) throws Exception;

  /** The filters this hook stands in for on typed calls. */
  Set<Class<? extends Filter>> covers();

  /**
   * A hook that runs the app's own filters, in the order given, on the typed call's request view; a
   * filter that does not continue its chain answers the call. A filter's work after the chain returns
   * (clearing a logging context, timing) happens before the handler runs: do that part in an
   * interceptor of your own if it matters.
   */
  static TypedCallHook ofFilters(Filter... filters) {
    return new FilterHook(List.of(filters));
  }
}
