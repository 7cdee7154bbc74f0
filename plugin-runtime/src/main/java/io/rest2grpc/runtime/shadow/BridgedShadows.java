package io.rest2grpc.runtime.shadow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands a shadow call's flag from the bridge to the app's servlet thread. The bridge verified the
 * marker already (markers are single-use), so its REST request carries instead a token only this
 * process knows, in {@value #HEADER}; this filter, first in the chain, turns a matching token into
 * the {@link ShadowCalls#ATTRIBUTE} request attribute. A REST client cannot guess the token; gRPC
 * metadata cannot set the header (the engine forwards documented and pass-through headers only).
 */
public final class BridgedShadows extends OncePerRequestFilter {
  public static final String HEADER = "X-Rest2grpc-Shadow-Verified";
  private final String token;

  public BridgedShadows() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The header value the bridge sends with a shadow call's REST request. */
  public String token() {
    return token;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String sent = request.getHeader(HEADER);
    if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
      request.setAttribute(ShadowCalls.ATTRIBUTE, Boolean.TRUE);
    }
    chain.doFilter(request, response);
  }
}
