package io.rest2grpc.maven.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rest2grpc.maven.controllers.model.Advice;
import io.rest2grpc.maven.controllers.model.Argument.Kind;
import io.rest2grpc.maven.controllers.model.Argument;
import io.rest2grpc.maven.controllers.model.BridgeReason;
import io.rest2grpc.maven.controllers.model.Controller;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.ExceptionHandlerMethod;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.InitBinderMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where arguments come from, what handlers return, and what needs a bridge. */
class ArgumentsAndReturnsTest {

  private static final String BOOK = "fixture.shapes.Book";

  private static Controllers controllers;

  @BeforeAll
  static void read() throws Exception {
    controllers = Fixtures.read("shapes", Map.of());
  }

  @Test
  void readsWithoutProblems() {
    assertThat(controllers.problems()).isEmpty();
  }

  @Test
  void optionalReturnPrincipalAndLocale() {
    Handler find = Fixtures.handler(controllers, "findBook");

    assertThat(find.returns().describe()).isEqualTo("OPTIONAL<" + BOOK + ">");
    assertThat(find.arguments()).extracting(Argument::kind, Argument::type).containsExactly(
        tuple(Kind.PATH_VARIABLE, "java.lang.String"),
        tuple(Kind.PRINCIPAL, "java.security.Principal"),
        tuple(Kind.REQUEST_CONTEXT, "java.util.Locale"));
  }

  @Test
  void pageReturnModelAttributesPageableAndUnannotatedParameters() {
    Handler list = Fixtures.handler(controllers, "listBooks");

    assertThat(list.returns().describe()).isEqualTo("PAGE<" + BOOK + ">");
    assertThat(list.arguments()).extracting(Argument::name, Argument::kind, Argument::bindingName, Argument::required)
        .containsExactly(
            tuple("filter", Kind.MODEL_ATTRIBUTE, "filter", false),
            tuple("pageable", Kind.PAGEABLE, "pageable", false),
            tuple("genre", Kind.REQUEST_PARAM, "genre", false),
            tuple("q", Kind.REQUEST_PARAM, "q", false),
            tuple("unannotated", Kind.MODEL_ATTRIBUTE, "unannotated", false));
    assertThat(list.arguments().get(2).type()).isEqualTo("java.util.Optional<fixture.shapes.Genre>");
  }

  @Test
  void asyncListSortCookieAndServletRequest() {
    Handler sorted = Fixtures.handler(controllers, "sortedBooks");

    assertThat(sorted.returns().describe()).isEqualTo("ASYNC<LIST<" + BOOK + ">>");
    assertThat(sorted.arguments()).extracting(Argument::kind, Argument::bindingName, Argument::required).containsExactly(
        tuple(Kind.SORT, "sort", false),
        tuple(Kind.COOKIE_VALUE, "session", false),
        tuple(Kind.SERVLET, "request", false));
    assertThat(sorted.bridgeReasons()).isEmpty();
  }

  @Test
  void arrayReturnValidatedListBodyBindingResultAndThrows() {
    Handler create = Fixtures.handler(controllers, "createBooks");

    assertThat(create.returns().describe()).isEqualTo("LIST<" + BOOK + ">");
    assertThat(create.returns().type()).isEqualTo(BOOK + "[]");
    assertThat(create.arguments()).containsExactly(
        new Argument("books", Kind.REQUEST_BODY, "books", true, Optional.empty(), "java.util.List<" + BOOK + ">", true,
            Optional.empty()),
        new Argument("errors", Kind.BINDING_RESULT, "errors", false, Optional.empty(),
            "org.springframework.validation.BindingResult", false, Optional.empty()));
    assertThat(create.method().toString()).isEqualTo(BOOK + "[] createBooks(java.util.List<" + BOOK + ">, "
        + "org.springframework.validation.BindingResult) throws java.io.IOException");
  }

  @Test
  void voidReturnNamedPathVariableAndParameterMap() {
    Handler replace = Fixtures.handler(controllers, "replaceBook");

    assertThat(replace.returns().describe()).isEqualTo("VOID");
    assertThat(replace.arguments()).extracting(Argument::kind, Argument::bindingName, Argument::validated, Argument::type)
        .containsExactly(
            tuple(Kind.PATH_VARIABLE, "isbn", false, "java.lang.String"),
            tuple(Kind.REQUEST_BODY, "book", true, BOOK),
            tuple(Kind.REQUEST_PARAM, "options", false, "java.util.Map<java.lang.String, java.lang.String>"));
  }

  @Test
  void controllerLocalExceptionHandlersAndBinders() {
    Controller books = controllers.controllers().stream()
        .filter(controller -> controller.className().equals("fixture.shapes.BookController"))
        .findFirst().orElseThrow();

    assertThat(books.exceptionHandlers()).extracting(ExceptionHandlerMethod::methodName, ExceptionHandlerMethod::exceptionTypes)
        .containsExactly(tuple("notFound", List.of("java.util.NoSuchElementException")));
    assertThat(books.initBinders()).extracting(InitBinderMethod::methodName, InitBinderMethod::attributeNames)
        .containsExactly(tuple("allowEveryField", List.of()));
  }

  @Test
  void bodiesTheTypedPathCannotCarryAreBridged() {
    assertThat(Fixtures.handler(controllers, "download").returns().describe())
        .isEqualTo("RESPONSE_ENTITY<org.springframework.core.io.Resource [RAW_BODY]>");
    assertThat(Fixtures.handler(controllers, "download").arguments()).extracting(Argument::kind)
        .containsExactly(Kind.REQUEST_PARAM);
    assertThat(Fixtures.handler(controllers, "upload").arguments()).extracting(Argument::kind, Argument::type, Argument::bridge)
        .containsExactly(tuple(Kind.REQUEST_PARAM, "org.springframework.web.multipart.MultipartFile[]",
            Optional.of(BridgeReason.MULTIPART)));
    assertThat(Fixtures.handler(controllers, "storeBlob").bridgeReasons()).containsExactly(BridgeReason.RAW_BODY);
    assertThat(Fixtures.handler(controllers, "export").arguments()).extracting(Argument::kind, Argument::bridge)
        .containsExactly(tuple(Kind.SERVLET, Optional.of(BridgeReason.WRITES_RESPONSE)));
    assertThat(Fixtures.handler(controllers, "export").returns().describe()).isEqualTo("VOID");
    assertThat(Fixtures.handler(controllers, "stream").bridgeReasons()).containsExactly(BridgeReason.WRITES_RESPONSE);
    assertThat(Fixtures.handler(controllers, "emitter").bridgeReasons()).containsExactly(BridgeReason.SSE_EMITTER);
  }

  @Test
  void adviceRecordsHandledExceptionsFromAnnotationOrParameters() {
    assertThat(controllers.advices()).hasSize(1);
    Advice advice = controllers.advices().get(0);

    assertThat(advice.className()).isEqualTo("fixture.shapes.ErrorsAndBinders");
    assertThat(advice.superclass()).isEqualTo("java.lang.Object");
    assertThat(advice.exceptionHandlers()).extracting(ExceptionHandlerMethod::methodName, ExceptionHandlerMethod::exceptionTypes)
        .containsExactly(
            tuple("badInput", List.of("java.lang.IllegalArgumentException", "java.lang.IllegalStateException")),
            tuple("io", List.of("java.io.IOException")));
    assertThat(advice.initBinders()).extracting(InitBinderMethod::methodName, InitBinderMethod::attributeNames)
        .containsExactly(tuple("trimBooks", List.of("book")));
  }
}
