package io.rest2grpc.sample.grpc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Test fixture, on the test classpath only: makes one path slow ({@value #PATH}, an order that does
 * not exist), so a test can give a call a deadline shorter than the app's answer. An interceptor, so
 * that REST, bridged and typed calls all pass it.
 */
@Configuration
class SlowPath implements WebMvcConfigurer, HandlerInterceptor {
  static final String PATH = "/v1/orders/777";
  static final long DELAY_MILLIS = 2_000;

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(PATH);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    try {
      Thread.sleep(DELAY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }
}
