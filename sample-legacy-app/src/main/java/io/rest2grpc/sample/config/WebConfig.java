package io.rest2grpc.sample.config;

import io.rest2grpc.sample.order.OrderStatus;
import io.rest2grpc.sample.security.RoleCheckInterceptor;
import io.rest2grpc.sample.web.AuditInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the interceptors on the API routes and the query-parameter form of {@link OrderStatus}. */
@Configuration
public class WebConfig implements WebMvcConfigurer {

  private final AuditInterceptor auditInterceptor;
  private final RoleCheckInterceptor roleCheckInterceptor;

  public WebConfig(AuditInterceptor auditInterceptor, RoleCheckInterceptor roleCheckInterceptor) {
    this.auditInterceptor = auditInterceptor;
    this.roleCheckInterceptor = roleCheckInterceptor;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(auditInterceptor).addPathPatterns("/v1/**");
    registry.addInterceptor(roleCheckInterceptor).addPathPatterns("/v1/**");
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, OrderStatus.class, OrderStatus::fromWireValue);
  }
}
