package io.rest2grpc.runtime.shadow;

import io.grpc.Context;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whether the call being served is a shadow copy: a gRPC call that carried a valid shadow marker
 * (signed by the shadow proxy, {@code rest2grpc.shadow.keys}). App code asks it to leave no trace of
 * shadow calls: rate limits, idempotency records and audit trails skip them, while the answer is
 * computed as for any call. It answers on the gRPC thread of a call and, for a call the bridge sent
 * through the app's MVC stack, on that request's servlet thread.
 */
public final class ShadowCalls {
  /** The servlet request attribute the bridge's requests carry when their gRPC call was a shadow. */
  public static final String ATTRIBUTE = ShadowCalls.class.getName() + ".SHADOW";
  static final Context.Key<Boolean> SHADOW = Context.key("rest2grpc-shadow");

  private ShadowCalls() {}

  /** In the current gRPC call, or the current servlet request (through Spring's request context). */
  public static boolean isShadow() {
    if (Boolean.TRUE.equals(SHADOW.get())) {
      return true;
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request != null && Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
  }

  /** In {@code request}: for servlet filters, which may run before Spring's request context is set. */
  public static boolean isShadow(HttpServletRequest request) {
    return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
  }
}
