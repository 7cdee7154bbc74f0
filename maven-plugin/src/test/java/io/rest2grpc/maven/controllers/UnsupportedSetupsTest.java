package io.rest2grpc.maven.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WebFlux, Spring Boot 2 and Kotlin sources: every one reported with what to do, the rest still read. */
class UnsupportedSetupsTest {

  private static final String SUPPORTED = "rest2grpc reads Spring MVC controllers (Spring Boot 3, jakarta.*) written in"
      + " Java in this module's source roots";

  @Test
  void webFluxControllersAndFunctionalEndpointsAreReported() throws Exception {
    Controllers controllers = Fixtures.read("webflux", Map.of());
    Path dir = Fixtures.root("webflux").resolve("fixture/webflux");

    assertThat(Fixtures.lines(controllers)).containsExactly("GET /ping -> ReactiveOrderController#ping (ReactiveOrderController.java:24)");
    assertThat(controllers.problems()).extracting(Problem::message).containsExactly(
        "WebFlux import org.springframework.web.server.ServerWebExchange at " + dir.resolve("ExchangeController.java")
            + ":5: the controllers of this file are Spring WebFlux controllers; " + SUPPORTED
            + "; port them to Spring MVC (spring-boot-starter-web) or migrate them by hand",
        "WebFlux handler getOrder at " + dir.resolve("ReactiveOrderController.java") + ":14: it returns"
            + " reactor.core.publisher.Mono; " + SUPPORTED + "; return the value itself or a ResponseEntity, as a Spring"
            + " MVC handler does",
        "WebFlux handler listOrders at " + dir.resolve("ReactiveOrderController.java") + ":19: it returns"
            + " reactor.core.publisher.Flux; " + SUPPORTED + "; return the value itself or a ResponseEntity, as a Spring"
            + " MVC handler does",
        "Functional endpoint import org.springframework.web.servlet.function.RouterFunction at "
            + dir.resolve("Routes.java") + ":5: routes declared with RouterFunction are not read; rest2grpc reads"
            + " annotated controllers only; declare these routes in a @RestController, or migrate them by hand");
  }

  @Test
  void javaxImportsAreReportedAsSpringBootTwo() throws Exception {
    Controllers controllers = Fixtures.read("javax", Map.of());
    Path dir = Fixtures.root("javax").resolve("fixture/javax");

    assertThat(controllers.handlers()).isEmpty();
    assertThat(controllers.problems()).extracting(Problem::message).containsExactly(
        "Spring Boot 2 import javax.servlet.http.HttpServletRequest at " + dir.resolve("LegacyController.java")
            + ":3: javax.servlet and javax.validation belong to Spring Boot 2 (Spring 5); " + SUPPORTED
            + "; migrate the application to Spring Boot 3 first (javax.* becomes jakarta.*)",
        "Spring Boot 2 import javax.servlet at " + dir.resolve("LegacyFilter.java")
            + ":4: javax.servlet and javax.validation belong to Spring Boot 2 (Spring 5); " + SUPPORTED
            + "; migrate the application to Spring Boot 3 first (javax.* becomes jakarta.*)");
  }

  @Test
  void kotlinControllersBesideTheJavaRootAreReported() throws Exception {
    Path root = Fixtures.root("kotlin").resolve("src/main/java");
    Controllers controllers = ControllerReader.read(List.of(root), SampleApp.classpath(), Map.of());
    Path kotlinFile = Fixtures.root("kotlin").resolve("src/main/kotlin/fixture/kotlin/KotlinController.kt");

    assertThat(Fixtures.lines(controllers)).containsExactly("GET /java -> JavaController#java (JavaController.java:10)");
    assertThat(controllers.problems()).extracting(Problem::message).containsExactly(
        "Kotlin controller at " + kotlinFile + ":7: " + SUPPORTED + "; port the controller to Java, or migrate it by hand");
  }

  @Test
  void missingSourceRootsAreSkipped() throws Exception {
    Controllers controllers = ControllerReader.read(List.of(Path.of("target/no-such-root")), List.of(), Map.of());

    assertThat(controllers.controllers()).isEmpty();
    assertThat(controllers.problems()).isEmpty();
  }
}
