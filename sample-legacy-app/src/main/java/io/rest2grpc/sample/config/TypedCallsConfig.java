package io.rest2grpc.sample.config;

import io.rest2grpc.runtime.typed.TypedCallHook;
import io.rest2grpc.sample.security.BearerTokenFilter;
import io.rest2grpc.sample.web.RequestIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the servlet filters do for REST, done for typed gRPC calls (which reach the controllers
 * without the filter chain): the request id, then the bearer token and its rate limit. The
 * interceptors (role check, audit) run for typed calls as they are.
 */
@Configuration
public class TypedCallsConfig {

  @Bean
  TypedCallHook typedCallHook(RequestIdFilter requestIds, BearerTokenFilter bearerTokens) {
    return TypedCallHook.ofFilters(requestIds, bearerTokens);
  }
}
