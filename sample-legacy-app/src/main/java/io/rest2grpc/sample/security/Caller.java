package io.rest2grpc.sample.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Who is calling, as established by {@link BearerTokenFilter}. */
public record Caller(String name, Set<String> roles) {

  static final String ATTRIBUTE = Caller.class.getName();
  private static final Caller ANONYMOUS = new Caller("anonymous", Set.of());

  public static Caller of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : ANONYMOUS;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
