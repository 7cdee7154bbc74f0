package io.rest2grpc.maven.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rest2grpc.maven.controllers.model.Advice;
import io.rest2grpc.maven.controllers.model.Argument.Kind;
import io.rest2grpc.maven.controllers.model.Argument;
import io.rest2grpc.maven.controllers.model.BridgeReason;
import io.rest2grpc.maven.controllers.model.Bypassed;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.ExceptionHandlerMethod;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.HttpMethod;
import io.rest2grpc.maven.controllers.model.ServletPaths;
import io.rest2grpc.maven.source.SourcePosition;
import io.rest2grpc.maven.testing.Golden;
import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's sample-legacy-app, read from its sources with its compile classpath. */
class SampleAppControllersTest {

  private static final Path GOLDEN = Path.of("src/test/resources/controllers/sample-legacy-app.handlers.txt");
  private static final String ORDER = "io.rest2grpc.sample.order.";

  private static Controllers controllers;

  @BeforeAll
  static void read() throws Exception {
    controllers = ControllerReader.read(List.of(SampleApp.sourceRoot()), SampleApp.classpath(), Map.of());
  }

  @Test
  void everyHandlerMatchesTheGoldenList() throws Exception {
    String lines = String.join("\n", Fixtures.lines(controllers)) + "\n";

    Golden.assertMatches(GOLDEN, lines);
    assertThat(controllers.handlers()).hasSize(23);
  }

  @Test
  void readsWithoutProblems() {
    assertThat(controllers.problems()).isEmpty();
    assertThat(controllers.servletPaths()).isEqualTo(ServletPaths.DEFAULT);
  }

  @Test
  void findsTheServletFiltersTypedCallsBypass() {
    assertThat(controllers.bypassed()).extracting(Bypassed::describe).containsExactly(
        "servlet filter BearerTokenFilter (BearerTokenFilter.java:32): the app's TypedCallHook stands in for it (checked at "
            + "start-up: while it is not covered, every RPC is bridged)",
        "servlet filter RequestIdFilter (RequestIdFilter.java:22): the app's TypedCallHook stands in for it (checked at "
            + "start-up: while it is not covered, every RPC is bridged)");
  }

  @Test
  void readingTwiceGivesTheSameModel() throws Exception {
    Controllers again = ControllerReader.read(List.of(SampleApp.sourceRoot()), SampleApp.classpath(), Map.of());

    assertThat(again).isEqualTo(controllers);
  }

  @Test
  void mergePatchConsumesResolvedConstantsAndBridgesTheJsonTree() {
    Handler update = Fixtures.handler(controllers, "updateOrder");

    assertThat(update.httpMethods()).containsExactly(HttpMethod.PATCH);
    assertThat(update.paths()).containsExactly("/v1/orders/{id}");
    assertThat(update.conditions().consumes()).containsExactly("application/merge-patch+json", "application/json");
    assertThat(update.position()).isEqualTo(new SourcePosition(sampleFile("order/OrderController.java"), 98));
    assertThat(update.arguments()).containsExactly(
        new Argument("id", Kind.PATH_VARIABLE, "id", true, Optional.empty(), "long", false, Optional.empty()),
        new Argument("mergePatch", Kind.REQUEST_BODY, "mergePatch", true, Optional.empty(),
            "com.fasterxml.jackson.databind.JsonNode", false, Optional.of(BridgeReason.JSON_NODE_BODY)),
        new Argument("ifMatch", Kind.REQUEST_HEADER, "If-Match", false, Optional.empty(), "java.lang.String", false,
            Optional.empty()));
    assertThat(update.returns().describe()).isEqualTo("RESPONSE_ENTITY<" + ORDER + "OrderDto>");
    assertThat(update.bridgeReasons()).containsExactly(BridgeReason.JSON_NODE_BODY);
  }

  @Test
  void explicitHeadMappingJoinsTheClassPath() {
    Handler head = Fixtures.handler(controllers, "headOrder");

    assertThat(head.httpMethods()).containsExactly(HttpMethod.HEAD);
    assertThat(head.paths()).containsExactly("/v1/orders/{id}");
    assertThat(head.returns().describe()).isEqualTo("RESPONSE_ENTITY<VOID>");
  }

  @Test
  void listOrdersHasResolvedGenericTypesAndRequestParameters() {
    Handler list = Fixtures.handler(controllers, "listOrders");

    assertThat(list.paths()).containsExactly("/v1/orders");
    assertThat(list.method().returnType()).isEqualTo("org.springframework.http.ResponseEntity<java.util.List<" + ORDER + "OrderDto>>");
    assertThat(list.method().parameterTypes()).containsExactly("int", "int", "java.util.List<" + ORDER + "OrderStatus>",
        "java.lang.Long", "java.time.OffsetDateTime", "java.time.OffsetDateTime", "java.lang.String");
    assertThat(list.returns().describe()).isEqualTo("RESPONSE_ENTITY<LIST<" + ORDER + "OrderDto>>");
    assertThat(list.returns().body().type()).isEqualTo(ORDER + "OrderDto");
    assertThat(list.arguments())
        .extracting(Argument::kind, Argument::bindingName, Argument::required, Argument::defaultValue)
        .containsExactly(
            tuple(Kind.REQUEST_PARAM, "offset", false, Optional.of("0")),
            tuple(Kind.REQUEST_PARAM, "limit", false, Optional.of("20")),
            tuple(Kind.REQUEST_PARAM, "status", false, Optional.empty()),
            tuple(Kind.REQUEST_PARAM, "user_id", false, Optional.empty()),
            tuple(Kind.REQUEST_PARAM, "created_from", false, Optional.empty()),
            tuple(Kind.REQUEST_PARAM, "created_to", false, Optional.empty()),
            tuple(Kind.REQUEST_PARAM, "sort", false, Optional.of("-created_at")));
  }

  @Test
  void createOrderValidatesItsBody() {
    Handler create = Fixtures.handler(controllers, "createOrder");

    assertThat(create.httpMethods()).containsExactly(HttpMethod.POST);
    assertThat(create.arguments().get(0))
        .isEqualTo(new Argument("request", Kind.REQUEST_BODY, "request", true, Optional.empty(), ORDER + "OrderRequest",
            true, Optional.empty()));
    assertThat(create.arguments().get(1).bindingName()).isEqualTo("Idempotency-Key");
  }

  @Test
  void multipartUploadAndBinaryDownloadAreBridged() {
    Handler upload = Fixtures.handler(controllers, "uploadAttachment");
    Handler download = Fixtures.handler(controllers, "downloadAttachment");

    assertThat(upload.paths()).containsExactly("/v1/orders/{orderId}/attachments");
    assertThat(upload.conditions().consumes()).containsExactly("multipart/form-data");
    assertThat(upload.arguments()).extracting(Argument::kind, Argument::bindingName, Argument::required, Argument::bridge)
        .containsExactly(
            tuple(Kind.PATH_VARIABLE, "orderId", true, Optional.empty()),
            tuple(Kind.REQUEST_PART, "file", true, Optional.of(BridgeReason.MULTIPART)),
            tuple(Kind.REQUEST_PART, "description", false, Optional.of(BridgeReason.MULTIPART)));
    assertThat(upload.bridgeReasons()).containsExactly(BridgeReason.MULTIPART);
    assertThat(upload.method().thrownTypes()).containsExactly("java.io.IOException");
    assertThat(download.paths()).containsExactly("/v1/orders/{orderId}/attachments/{attachmentId}");
    assertThat(download.returns().describe()).isEqualTo("RESPONSE_ENTITY<byte[] [RAW_BODY]>");
    assertThat(download.bridgeReasons()).containsExactly(BridgeReason.RAW_BODY);
  }

  @Test
  void serverSentEventsAreBridged() {
    Handler events = Fixtures.handler(controllers, "streamOrderEvents");

    assertThat(events.paths()).containsExactly("/v1/order-events");
    assertThat(events.conditions().produces()).containsExactly("text/event-stream");
    assertThat(events.bridgeReasons()).containsExactly(BridgeReason.SSE_EMITTER);
    assertThat(events.arguments()).extracting(Argument::kind, Argument::bindingName, Argument::type)
        .containsExactly(
            tuple(Kind.REQUEST_HEADER, "Last-Event-ID", "java.lang.Long"),
            tuple(Kind.REQUEST_PARAM, "limit", "java.lang.Integer"));
  }

  @Test
  void ndjsonUploadReadsTheRawBodyStream() {
    Handler upload = Fixtures.handler(controllers, "uploadTrackingEvents");

    assertThat(upload.conditions().consumes()).containsExactly("application/x-ndjson");
    assertThat(upload.arguments()).containsExactly(new Argument("body", Kind.REQUEST_BODY, "body", false,
        Optional.empty(), "java.io.InputStream", false, Optional.of(BridgeReason.RAW_BODY)));
    assertThat(upload.returns().describe()).isEqualTo("io.rest2grpc.sample.stream.TrackingUploadSummary");
    assertThat(upload.position().line()).isEqualTo(36);
  }

  @Test
  void userListingBindsAModelAttributeAndPagingParameters() {
    assertThat(Fixtures.handler(controllers, "listUsers").arguments())
        .extracting(Argument::kind, Argument::validated)
        .containsExactly(tuple(Kind.MODEL_ATTRIBUTE, true));
    assertThat(Fixtures.handler(controllers, "listUserOrders").arguments())
        .extracting(Argument::kind, Argument::type)
        .containsExactly(tuple(Kind.PATH_VARIABLE, "long"), tuple(Kind.PAGEABLE, "org.springframework.data.domain.Pageable"));
  }

  @Test
  void exceptionAdviceIsRecordedNotReadAsAController() {
    assertThat(controllers.controllers()).extracting(controller -> controller.className())
        .doesNotContain("io.rest2grpc.sample.error.ApiExceptionHandler");
    assertThat(controllers.advices()).hasSize(1);
    Advice advice = controllers.advices().get(0);

    assertThat(advice.className()).isEqualTo("io.rest2grpc.sample.error.ApiExceptionHandler");
    assertThat(advice.superclass())
        .isEqualTo("org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler");
    assertThat(advice.position()).isEqualTo(new SourcePosition(sampleFile("error/ApiExceptionHandler.java"), 34));
    assertThat(advice.exceptionHandlers()).extracting(ExceptionHandlerMethod::methodName,
            ExceptionHandlerMethod::exceptionTypes, handler -> handler.position().line())
        .containsExactly(
            tuple("handleApiException", List.of("io.rest2grpc.sample.error.ApiException"), 39),
            tuple("handleUnknownSortProperty", List.of("org.springframework.data.mapping.PropertyReferenceException"), 46),
            tuple("handleDataIntegrity", List.of("org.springframework.dao.DataIntegrityViolationException"), 52),
            tuple("handleUnexpected", List.of("java.lang.Exception"), 59));
    assertThat(advice.initBinders()).isEmpty();
  }

  private static Path sampleFile(String relative) {
    return SampleApp.sourceRoot().resolve("io/rest2grpc/sample").resolve(relative).toAbsolutePath().normalize();
  }
}
