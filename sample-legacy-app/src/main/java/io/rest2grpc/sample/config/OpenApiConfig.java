package io.rest2grpc.sample.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes springdoc describe the JSON that Spring MVC really writes: without this it introspects DTOs
 * with its own ObjectMapper and ignores {@code spring.jackson.property-naming-strategy=SNAKE_CASE}.
 */
@Configuration
public class OpenApiConfig {

  @Bean
  ModelResolver modelResolver(ObjectMapper objectMapper) {
    return new ModelResolver(objectMapper);
  }
}
