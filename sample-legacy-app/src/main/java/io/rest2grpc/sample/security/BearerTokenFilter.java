package io.rest2grpc.sample.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.runtime.shadow.ShadowCalls;
import io.rest2grpc.sample.error.Problems;
import io.rest2grpc.sample.security.SecurityProperties.TokenGrant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /v1/**} request by its bearer token (RFC 6750) and applies the token's
 * rate limit. Runs before Spring MVC, so it writes its 401 and 429 problems itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final Map<String, TokenGrant> grantsByToken;
  private final String realm;
  private final RateLimiter rateLimiter;
  private final ObjectMapper objectMapper;

  public BearerTokenFilter(SecurityProperties properties, RateLimiter rateLimiter, ObjectMapper objectMapper) {
    this.grantsByToken = properties.tokens().stream()
        .collect(Collectors.toUnmodifiableMap(TokenGrant::token, Function.identity()));
    this.realm = properties.realm();
    this.rateLimiter = rateLimiter;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/v1/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
      writeProblem(request, response, HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED",
          "This API needs a bearer token in the Authorization header");
      return;
    }
    TokenGrant grant = grantsByToken.get(authorization.substring(BEARER.length()).trim());
    if (grant == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm
          + "\", error=\"invalid_token\", error_description=\"The access token is not recognised\"");
      writeProblem(request, response, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "The bearer token is not recognised");
      return;
    }
    // a shadow copy of a call already counted (rest2grpc's shadow proxy) does not count again
    Optional<Duration> wait = ShadowCalls.isShadow(request) ? Optional.empty() : rateLimiter.acquire(grant.caller(), grant.requestsPerMinute());
    if (wait.isPresent()) {
      long retryAfterSeconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
      writeProblem(request, response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
          "Caller " + grant.caller() + " exceeded " + grant.requestsPerMinute() + " requests per minute; retry in "
              + retryAfterSeconds + " s");
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, new Caller(grant.caller(), grant.roles()));
    chain.doFilter(request, response);
  }

  private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
      String detail) throws IOException {
    ProblemDetail problem = Problems.of(status, code, detail, request);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
