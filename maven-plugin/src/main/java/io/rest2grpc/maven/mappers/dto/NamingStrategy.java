package io.rest2grpc.maven.mappers.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase;
import java.util.Optional;

/**
 * The Jackson property naming strategies rest2grpc supports, applied by Jackson's own implementation, so a
 * DTO property gets exactly the JSON name the application prints.
 */
public enum NamingStrategy {
  LOWER_CAMEL_CASE(PropertyNamingStrategies.LOWER_CAMEL_CASE),
  SNAKE_CASE(PropertyNamingStrategies.SNAKE_CASE),
  KEBAB_CASE(PropertyNamingStrategies.KEBAB_CASE);

  private final NamingBase jackson;

  NamingStrategy(Object jackson) {
    this.jackson = (NamingBase) jackson;
  }

  public String apply(String javaPropertyName) {
    return jackson.translate(javaPropertyName);
  }

  /**
   * The strategy of a Spring Boot {@code spring.jackson.property-naming-strategy} value ({@code SNAKE_CASE},
   * or a class name such as {@code com.fasterxml.jackson.databind.PropertyNamingStrategies$SnakeCaseStrategy}).
   */
  public static Optional<NamingStrategy> fromProperty(String value) {
    String name = value.substring(Math.max(value.lastIndexOf('.'), value.lastIndexOf('$')) + 1);
    return switch (name) {
      case "LOWER_CAMEL_CASE", "LowerCamelCaseStrategy" -> Optional.of(LOWER_CAMEL_CASE);
      case "SNAKE_CASE", "SnakeCaseStrategy" -> Optional.of(SNAKE_CASE);
      case "KEBAB_CASE", "KebabCaseStrategy" -> Optional.of(KEBAB_CASE);
      default -> Optional.empty();
    };
  }
}
