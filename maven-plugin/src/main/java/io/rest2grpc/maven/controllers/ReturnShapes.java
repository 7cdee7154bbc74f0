package io.rest2grpc.maven.controllers;

import io.rest2grpc.maven.controllers.model.BridgeReason;
import io.rest2grpc.maven.controllers.model.ReturnShape;
import io.rest2grpc.maven.controllers.model.ReturnShape.Kind;
import java.util.Optional;

/** The {@link ReturnShape} of a handler's return type, unwrapped level by level as Spring MVC unwraps it. */
final class ReturnShapes {

  private static final String[] ASYNC = {"java.util.concurrent.CompletionStage", "java.util.concurrent.Future",
      "java.util.concurrent.Callable", SpringNames.DEFERRED_RESULT, SpringNames.WEB_ASYNC_TASK,
      SpringNames.LISTENABLE_FUTURE};

  private ReturnShapes() {}

  static ReturnShape of(JavaType type) {
    if (type.erasure().equals("void") || type.is("java.lang.Void")) {
      return ReturnShape.leaf(Kind.VOID, type.name(), Optional.empty());
    }
    if (type.is(SpringNames.RESPONSE_BODY_EMITTER)) {
      return ReturnShape.leaf(Kind.VALUE, type.name(), Optional.of(BridgeReason.SSE_EMITTER));
    }
    if (type.is(SpringNames.STREAMING_RESPONSE_BODY)) {
      return ReturnShape.leaf(Kind.VALUE, type.name(), Optional.of(BridgeReason.WRITES_RESPONSE));
    }
    Optional<BridgeReason> bridge = BridgeTypes.ofBody(type);
    if (bridge.isPresent()) {
      return ReturnShape.leaf(Kind.VALUE, type.name(), bridge);
    }
    Optional<Kind> wrapper = wrapper(type);
    return wrapper.isPresent()
        ? ReturnShape.wrapper(wrapper.get(), type.name(), of(type.argument(0)))
        : ReturnShape.leaf(Kind.VALUE, type.name(), Optional.empty());
  }

  private static Optional<Kind> wrapper(JavaType type) {
    if (type.is(SpringNames.HTTP_ENTITY)) {
      return Optional.of(Kind.RESPONSE_ENTITY);
    }
    if (type.is("java.util.Optional")) {
      return Optional.of(Kind.OPTIONAL);
    }
    if (type.isAnyOf(SpringNames.PAGE, SpringNames.SLICE)) {
      return Optional.of(Kind.PAGE);
    }
    if (type.isAnyOf(ASYNC)) {
      return Optional.of(Kind.ASYNC);
    }
    if (type.isArray() || type.is("java.lang.Iterable") && !type.arguments().isEmpty()) {
      return Optional.of(Kind.LIST);
    }
    return Optional.empty();
  }
}
