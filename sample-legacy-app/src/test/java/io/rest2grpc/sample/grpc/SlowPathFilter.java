package io.rest2grpc.sample.grpc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test fixture, on the test classpath only: makes one path slow ({@value #PATH}, an order that does
 * not exist), so a test can give a call a deadline shorter than the app's answer.
 */
@Component
class SlowPathFilter extends OncePerRequestFilter {
  static final String PATH = "/v1/orders/777";
  static final long DELAY_MILLIS = 2_000;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (PATH.equals(request.getRequestURI())) {
      try {
        Thread.sleep(DELAY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    chain.doFilter(request, response);
  }
}
