package io.rest2grpc.maven.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rest2grpc.maven.controllers.model.Argument.Kind;
import io.rest2grpc.maven.controllers.model.Argument;
import io.rest2grpc.maven.controllers.model.Controller;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.HttpMethod;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mappings Spring finds beyond the controller's own methods: on interfaces, superclasses and composed annotations. */
class InheritedAndComposedMappingsTest {

  private static Controllers inherited;
  private static Controllers composed;

  @BeforeAll
  static void read() throws Exception {
    inherited = Fixtures.read("inherited", Map.of());
    composed = Fixtures.read("composed", Map.of());
  }

  @Test
  void interfaceAndSuperclassMappingsBelongToTheController() {
    assertThat(Fixtures.lines(inherited)).containsExactly(
        "GET /v1/widgets/count -> WidgetController#count (CountingController.java:9)",
        "GET /v1/widgets/{widgetId} -> WidgetController#getWidget (WidgetController.java:10)",
        "POST /v1/widgets -> WidgetController#create (WidgetController.java:15)",
        "DELETE /v1/widgets/{id} -> WidgetController#delete (WidgetController.java:20)");
    assertThat(inherited.controllers()).extracting(Controller::className).containsExactly("fixture.inherited.WidgetController");
    assertThat(inherited.problems()).isEmpty();
  }

  @Test
  void parameterAnnotationsAreInheritedFromTheInterface() {
    Handler get = Fixtures.handler(inherited, "getWidget");

    assertThat(get.arguments()).containsExactly(
        new Argument("id", Kind.PATH_VARIABLE, "widgetId", true, Optional.empty(), "long", false, Optional.empty()),
        new Argument("view", Kind.REQUEST_PARAM, "view", false, Optional.empty(), "java.lang.String", false, Optional.empty()));
    assertThat(get.returns().describe()).isEqualTo("RESPONSE_ENTITY<fixture.inherited.Widget>");
  }

  @Test
  void genericInterfaceMethodsMatchTheirImplementationsTypes() {
    Handler create = Fixtures.handler(inherited, "create");
    Handler delete = Fixtures.handler(inherited, "delete");

    assertThat(create.method().toString()).isEqualTo("fixture.inherited.Widget create(fixture.inherited.Widget)");
    assertThat(create.arguments()).extracting(Argument::kind, Argument::type)
        .containsExactly(tuple(Kind.REQUEST_BODY, "fixture.inherited.Widget"));
    assertThat(delete.arguments()).extracting(Argument::kind, Argument::type)
        .containsExactly(tuple(Kind.PATH_VARIABLE, "java.lang.Long"));
    assertThat(delete.returns().describe()).isEqualTo("VOID");
  }

  @Test
  void composedAnnotationsAreResolvedThroughTheirDeclarations() {
    assertThat(Fixtures.lines(composed)).containsExactly(
        "GET /api/reports -> ReportController#listReports (ReportController.java:10)",
        "POST /api/reports -> ReportController#createReport (ReportController.java:15)");
    Handler list = Fixtures.handler(composed, "listReports");
    Handler create = Fixtures.handler(composed, "createReport");

    assertThat(list.conditions().produces()).containsExactly("application/json");
    assertThat(create.httpMethods()).containsExactly(HttpMethod.POST);
    assertThat(create.conditions().consumes()).containsExactly("application/json");
    assertThat(composed.problems()).isEmpty();
  }

  @Test
  void aComposedPrincipalAnnotationIsRecognisedFromImportsWithoutItsJar() {
    assertThat(Fixtures.handler(composed, "listReports").arguments()).extracting(Argument::kind, Argument::type)
        .containsExactly(tuple(Kind.PRINCIPAL, "java.lang.Object"));
  }
}
