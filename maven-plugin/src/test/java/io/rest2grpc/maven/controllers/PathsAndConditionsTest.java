package io.rest2grpc.maven.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.maven.controllers.model.Argument.Kind;
import io.rest2grpc.maven.controllers.model.Argument;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.HttpMethod;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.controllers.model.RequestConditions;
import io.rest2grpc.maven.controllers.model.ServletPaths;
import io.rest2grpc.maven.source.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Path arrays, constants, placeholders and request conditions. */
class PathsAndConditionsTest {

  private static final Map<String, String> PROPERTIES = Map.of(
      "things.list", "/all",
      "tenant.default", "acme",
      "server.servlet.context-path", "${context:/shop}",
      "spring.mvc.servlet.path", "/mvc");

  private static Controllers controllers;

  @BeforeAll
  static void read() throws Exception {
    controllers = Fixtures.read("paths", PROPERTIES);
  }

  @Test
  void classAndMethodPathArraysAreCombined() {
    Handler list = Fixtures.handler(controllers, "listItems");

    assertThat(list.httpMethods()).containsExactly(HttpMethod.GET, HttpMethod.HEAD);
    assertThat(list.paths()).containsExactly("/v2/catalog/items", "/v2/catalog/products", "/legacy/catalog/items",
        "/legacy/catalog/products");
    assertThat(list.conditions().produces()).containsExactly("application/json");
    assertThat(list.arguments().get(0).defaultValue()).contains("50");
  }

  @Test
  void conditionsResolveConstantsAndMethodLevelMediaTypesWin() {
    Handler search = Fixtures.handler(controllers, "search");

    assertThat(search.paths()).containsExactly("/v2/catalog/items/search", "/legacy/catalog/items/search");
    assertThat(search.conditions()).isEqualTo(new RequestConditions(List.of("q", "!debug"), List.of("Accept-Language"),
        List.of(), List.of("application/json", "application/x-ndjson")));
  }

  @Test
  void aMethodWithoutPathTakesTheClassPaths() {
    Handler everything = Fixtures.handler(controllers, "everything");

    assertThat(everything.paths()).containsExactly("/v2/catalog", "/legacy/catalog");
    assertThat(everything.conditions().params()).containsExactly("mode=full");
  }

  @Test
  void placeholdersResolveFromPropertiesAndDefaults() {
    Handler things = Fixtures.handler(controllers, "listThings");

    assertThat(things.paths()).containsExactly("/api/things/all");
    assertThat(things.arguments()).containsExactly(new Argument("tenant", Kind.REQUEST_HEADER, "X-Tenant", false,
        Optional.of("acme"), "java.lang.String", false, Optional.empty()));
    assertThat(controllers.servletPaths()).isEqualTo(new ServletPaths("/shop", "/mvc"));
  }

  @Test
  void anUnresolvablePlaceholderStaysAndIsReported() {
    Path file = file("PlaceholderController.java");

    assertThat(Fixtures.handler(controllers, "unresolvable").paths()).containsExactly("/api/things/${missing.segment}/all");
    assertThat(controllers.problems()).contains(new Problem(new SourcePosition(file, 17),
        "Placeholder ${missing.segment} in \"/${missing.segment}/all\" at " + file + ":17: the application's properties"
            + " have no missing.segment and the placeholder has no default; define missing.segment in"
            + " application.properties or application.yml, or write a default: ${missing.segment:…}"));
  }

  @Test
  void aConstantFromAMissingJarSkipsOnlyItsHandler() {
    Path file = file("BrokenConstantController.java");

    assertThat(Fixtures.lines(controllers)).anyMatch(line -> line.contains("#fine"))
        .noneMatch(line -> line.contains("#broken"));
    assertThat(controllers.problems()).contains(new Problem(new SourcePosition(file, 16),
        "Annotation value `SharedRoutes.BROKEN` at " + file + ":16: `SharedRoutes.BROKEN` cannot be resolved from the"
            + " source roots or the compile classpath; write a string literal or a static final constant declared in"
            + " this module or a compile-classpath jar"));
    assertThat(controllers.problems()).hasSize(2);
  }

  @Test
  void aPlainControllerContributesItsBodyHandlersOnly() {
    assertThat(Fixtures.lines(controllers)).filteredOn(line -> line.contains("PageController#")).containsExactly(
        "GET /status -> PageController#status (PageController.java:19)",
        "GET /health -> PageController#health (PageController.java:24)");
  }

  private static Path file(String name) {
    return Fixtures.root("paths").resolve("fixture/paths").resolve(name);
  }
}
