package io.rest2grpc.maven.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.maven.controllers.model.Bypassed;
import io.rest2grpc.maven.controllers.model.Controllers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Servlet filters typed calls bypass, however the app registers them: a stereotype, a {@code @Bean} method returning a
 * filter (its declared class, or the class it constructs where it declares the Filter interface), or a
 * {@code FilterRegistrationBean<X>}: the report lists what the running context registers.
 */
class FilterBeansTest {

  @Test
  void filtersRegisteredByStereotypesAndBeanMethodsAreAllReported() throws Exception {
    Controllers controllers = Fixtures.read("filters", Map.of());

    assertThat(controllers.bypassed()).extracting(bypassed -> bypassed.className() + " " + bypassed.position().fileName() + ":"
        + bypassed.position().line()).containsExactly(
        "fixture.filters.ScannedFilter ScannedFilter.java:12",
        "fixture.filters.AuditFilter WebConfig.java:13",
        "fixture.filters.TracingFilter WebConfig.java:20",
        "org.springframework.web.filter.ForwardedHeaderFilter WebConfig.java:25");
    assertThat(controllers.bypassed()).extracting(Bypassed::kind).containsOnly(Bypassed.Kind.SERVLET_FILTER);
  }
}
