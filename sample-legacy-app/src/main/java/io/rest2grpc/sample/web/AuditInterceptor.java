package io.rest2grpc.sample.web;

import io.rest2grpc.runtime.shadow.ShadowCalls;
import io.rest2grpc.sample.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Writes an audit line for every API call that reached a controller, and keeps it for {@code /v1/audit-events}. */
@Component
public class AuditInterceptor implements HandlerInterceptor {

  private static final Logger audit = LoggerFactory.getLogger("audit");
  private final AuditTrail trail;

  public AuditInterceptor(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    if (ShadowCalls.isShadow(request)) {
      return; // a shadow copy of a call the trail already has
    }
    String handlerName = handler instanceof HandlerMethod method
        ? method.getBeanType().getSimpleName() + "#" + method.getMethod().getName() : String.valueOf(handler);
    AuditEvent event = new AuditEvent(OffsetDateTime.now(), RequestIds.of(request), Caller.of(request).name(),
        request.getMethod(), request.getRequestURI(), response.getStatus(), handlerName);
    trail.record(event);
    audit.info("{} {} {} -> {} by {} ({})", event.requestId(), event.method(), event.path(), event.status(),
        event.caller(), event.handler());
  }
}
