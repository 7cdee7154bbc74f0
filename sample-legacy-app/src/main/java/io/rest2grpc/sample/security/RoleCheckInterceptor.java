package io.rest2grpc.sample.security;

import io.rest2grpc.sample.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Answers 403 when the caller lacks the role a handler asks for with {@link RequiresRole}. */
@Component
public class RoleCheckInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    RequiresRole required = method.getMethodAnnotation(RequiresRole.class);
    if (required == null) {
      required = method.getBeanType().getAnnotation(RequiresRole.class);
    }
    String role = required == null ? Role.READER : required.value();
    Caller caller = Caller.of(request);
    if (!caller.hasRole(role)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "PERMISSION_DENIED",
          "Caller " + caller.name() + " lacks the role '" + role + "' needed for this operation");
    }
    return true;
  }
}
