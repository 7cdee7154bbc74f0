package io.rest2grpc.runtime.typed;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.rest2grpc.runtime.bridge.MvcBridge;
import io.rest2grpc.runtime.call.CallMetadata;
import io.rest2grpc.runtime.call.LateCalls;
import io.rest2grpc.runtime.call.PassThroughHeaders;
import io.rest2grpc.runtime.contract.GrpcContract;
import io.rest2grpc.runtime.shadow.ShadowCalls;
import io.rest2grpc.runtime.typed.servlet.RequestView;
import io.rest2grpc.runtime.typed.servlet.ResponseView;
import io.rest2grpc.transcoding.engine.MethodCall;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.responses.GrpcResponse;
import io.rest2grpc.transcoding.responses.ResponseContext;
import io.rest2grpc.transcoding.responses.ResponseTranscoder;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Typed calls: a gRPC call answered by calling the app's handler method in process. The generated
 * service maps the request message to the handler's body DTO and the returned DTO to the response
 * message (generated field-by-field code, no JSON); everything between is the app's own Spring MVC,
 * as for its REST calls: the handler Spring MVC maps the call's REST form to, its
 * {@code HandlerInterceptor}s, argument binding with the app's conversion service and
 * {@code @InitBinder}s, {@code @Valid} and method validation, and its exception handlers, whose REST
 * error becomes the gRPC status through the contract's error transform. The app's servlet filters do
 * not run: {@link TypedCallHook} stands in for them, and while any filter of the app is not covered by
 * it every call goes through the bridge, which runs the real filter chain.
 */
public final class TypedCalls {
  private static final Logger LOG = LoggerFactory.getLogger(TypedCalls.class);

  private final GrpcContract contract;
  private final MvcBridge bridge;
  private final ApplicationContext context;
  private final Optional<TypedCallHook> hook;
  private final List<String> uncoveredFilters;
  private final Map<String, EjectedHandler> ejectedHandlers = new ConcurrentHashMap<>();
  private volatile AppMvc mvc;

  /**
   * @param uncoveredFilters the app's servlet filters the hook does not stand in for; while there are
   *     any, every call goes through the bridge
   */
  public TypedCalls(GrpcContract contract, MvcBridge bridge, ApplicationContext context, Optional<TypedCallHook> hook,
      List<String> uncoveredFilters) {
    this.contract = contract;
    this.bridge = bridge;
    this.context = context;
    this.hook = hook;
    this.uncoveredFilters = List.copyOf(uncoveredFilters);
    if (!uncoveredFilters.isEmpty()) {
      LOG.error("rest2grpc answers every gRPC call through the bridge: typed calls would skip the servlet filters {}, which no "
          + "TypedCallHook bean covers. Declare one (TypedCallHook.ofFilters(...) for filters that work on any request; "
          + "rest2grpc-runtime README, \"Typed calls\")", uncoveredFilters);
    }
  }

  /** Whether calls are typed, or all go through the bridge because a filter of the app is not covered. */
  public boolean typedCallsOn() {
    return uncoveredFilters.isEmpty();
  }

  /**
   * A unary call.
   *
   * @param body the handler's {@code @RequestBody} DTO mapped from the request; null for a handler without one
   * @param response the response message mapped from the handler's body (unwrapped from its
   *     {@code ResponseEntity} or {@code Optional}; null when it has none); for a list, every item
   *     the handler returned, whose page the paging transform completes (next_page_token, total_size);
   *     null for a response the engine carries as Spring MVC writes it ({@code google.api.HttpBody})
   */
  public <ReqT extends Message, RespT extends Message> void unary(MethodDescriptor<ReqT, RespT> method, ReqT request,
      StreamObserver<RespT> responses, Function<ReqT, ?> body, Function<Object, RespT> response) {
    unary(method, request, responses, body, AppMvc::handler, response);
  }

  /**
   * A unary call of an ejected service, answered by its own handler method ({@link #handler}) instead of
   * the controller Spring MVC maps the call's REST form to: the same hook, interceptors (those mapped to
   * the REST path), argument binding and validation, exception handlers and answer as {@link #unary}.
   */
  public <ReqT extends Message, RespT extends Message> void unary(MethodDescriptor<ReqT, RespT> method, ReqT request,
      StreamObserver<RespT> responses, Function<ReqT, ?> body, EjectedHandler handler, Function<Object, RespT> response) {
    unary(method, request, responses, body, (app, httpRequest) -> app.chain(handler, httpRequest), response);
  }

  /**
   * The handler method {@code methodName} of {@code bean}, an ejected service, whose {@code @PathVariable}s
   * are named in {@code pathPattern} ({@code /v1/orders/{id}}); looked up once. Throws
   * {@link IllegalArgumentException} unless the bean has exactly one public method of that name.
   */
  public EjectedHandler handler(Object bean, String methodName, String pathPattern) {
    Class<?> type = ClassUtils.getUserClass(bean);
    return ejectedHandlers.computeIfAbsent(type.getName() + "#" + methodName + " " + pathPattern, key -> {
      List<Method> named = Arrays.stream(type.getMethods()).filter(candidate -> candidate.getName().equals(methodName)).toList();
      if (named.size() != 1) {
        throw new IllegalArgumentException(type.getName() + " has " + named.size() + " public methods named " + methodName
            + "; an ejected service's handler method is found by its name: give it exactly one");
      }
      HandlerMethod handler = new HandlerMethod(bean, named.get(0)).createWithValidateFlags();
      return new EjectedHandler(handler, PathPatternParser.defaultInstance.parse(pathPattern));
    });
  }

  private <ReqT extends Message, RespT extends Message> void unary(MethodDescriptor<ReqT, RespT> method, ReqT request,
      StreamObserver<RespT> responses, Function<ReqT, ?> body, Chains chains, Function<Object, RespT> response) {
    if (!typedCallsOn()) {
      bridge.unary(method, request, responses);
      return;
    }
    if (LateCalls.refuse(responses)) {
      return;
    }
    MethodCall call = contract.method(method.getFullMethodName());
    Message grpcRequest;
    try {
      grpcRequest = DynamicMessage.parseFrom(call.method().getInputType(), request.toByteString());
    } catch (InvalidProtocolBufferException e) {
      responses.onError(Status.INTERNAL.withDescription("the generated service and the descriptor set disagree on "
          + method.getFullMethodName() + ": rebuild the app").asRuntimeException());
      return;
    }
    RestRequest rest = contract.engine().toRest(call.method(), RestForm.withoutBody(call.primary().route(), grpcRequest),
        CallMetadata.requestHeaders());
    ResponseTranscoder transcoder = call.responses().orElseThrow();
    ResponseContext responseContext = new ResponseContext(rest.method(), rest.path(), rest.query(), grpcRequest);
    RequestView httpRequest = RequestView.of(new RestRequest(rest.method(), rest.path(), rest.query(), rest.headers(),
        rest.contentType(), ByteString.EMPTY), servletContext(), CallMetadata.remoteAddress());
    if (ShadowCalls.isShadow()) {
      httpRequest.setAttribute(ShadowCalls.ATTRIBUTE, Boolean.TRUE);
    }
    ResponseView httpResponse = new ResponseView();
    RequestAttributes previous = RequestContextHolder.getRequestAttributes();
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(httpRequest, httpResponse));
    try {
      Outcome outcome = handle(method, httpRequest, httpResponse, chains, () -> body == null ? null : body.apply(request),
          response == null);
      respond(method, outcome, httpResponse, transcoder, responseContext, response, responses);
    } finally {
      RequestContextHolder.setRequestAttributes(previous);
    }
  }

  /** The hook, the interceptors and the handler, as the DispatcherServlet runs them; the answer left in the response view. */
  private Outcome handle(MethodDescriptor<?, ?> method, RequestView request, ResponseView response, Chains chains, Supplier<?> body,
      boolean written) {
    AppMvc app = mvc();
    HandlerExecutionChain chain;
    try {
      chain = chains.find(app, request);
    } catch (Exception e) {
      return unhandled(method, e);
    }
    if (chain == null) {
      return new Outcome.Failed(Status.UNIMPLEMENTED.withDescription("no handler of the app answers " + request.getMethod() + " "
          + request.getRequestURI() + ", the REST form of " + method.getFullMethodName()).asRuntimeException());
    }
    HandlerMethod handler = (HandlerMethod) chain.getHandler();
    List<HandlerInterceptor> interceptors = chain.getInterceptorList();
    List<HandlerInterceptor> passed = new ArrayList<>();
    Exception unresolved = null;
    Outcome outcome;
    try {
      if (hook.isPresent() && !hook.get().beforeHandler(request, response)) {
        return new Outcome.Answered();
      }
      for (HandlerInterceptor interceptor : interceptors) {
        if (!interceptor.preHandle(request, response, handler)) {
          complete(passed, request, response, handler, null);
          return new Outcome.Answered();
        }
        passed.add(interceptor);
      }
      request.setAttribute(MappedRequestBody.ATTRIBUTE, mapped(body, request));
      ServletWebRequest webRequest = new ServletWebRequest(request, response);
      outcome = returned(app.invoke(handler, webRequest), handler, webRequest, app, written);
      for (int i = passed.size() - 1; i >= 0; i--) {
        passed.get(i).postHandle(request, response, handler, null);
      }
    } catch (Exception e) {
      if (app.resolve(e, handler, request, response)) {
        outcome = new Outcome.Answered();
      } else {
        unresolved = e;
        outcome = unhandled(method, e);
      }
    }
    complete(passed, request, response, handler, unresolved);
    return outcome;
  }

  /** The request body as the generated mapper made it; a message it cannot map is a body Spring could not read. */
  private static Object mapped(Supplier<?> body, RequestView request) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      throw new HttpMessageNotReadableException("the request message does not map to the handler's body: " + e.getMessage(), e,
          new ServletServerHttpRequest(request));
    }
  }

  /**
   * A success for the generated code to map; or, written as Spring MVC writes it, an error status the
   * handler returned and any answer the engine carries as written ({@code written}).
   */
  private static Outcome returned(AppMvc.Returned invoked, HandlerMethod handler, ServletWebRequest request, AppMvc app,
      boolean written) throws Exception {
    ResponseView response = (ResponseView) request.getResponse();
    Object returned = invoked.value();
    int status = invoked.status();
    if (written) {
      response.setStatus(status); // as MVC applies @ResponseStatus before the return value handlers
      app.write(returned, handler, request);
      return new Outcome.Answered();
    }
    Object body = returned;
    RestHeaders headers = RestHeaders.NONE;
    if (returned instanceof HttpEntity<?> entity) {
      if (entity instanceof ResponseEntity<?> withStatus) {
        status = withStatus.getStatusCode().value();
      }
      if (status >= 400) {
        app.write(entity, handler, request);
        return new Outcome.Answered();
      }
      List<RestHeaders.Header> list = new ArrayList<>();
      entity.getHeaders().forEach((name, values) -> values.forEach(value -> list.add(new RestHeaders.Header(name, value))));
      headers = new RestHeaders(list);
      body = entity.getBody();
    }
    if (body instanceof Optional<?> optional) {
      body = optional.orElse(null);
    }
    response.setStatus(status);
    return new Outcome.Returned(status, headers, body);
  }

  private static void complete(List<HandlerInterceptor> passed, RequestView request, ResponseView response, HandlerMethod handler,
      Exception unresolved) {
    for (int i = passed.size() - 1; i >= 0; i--) {
      try {
        passed.get(i).afterCompletion(request, response, handler, unresolved);
      } catch (Exception e) {
        LOG.error("HandlerInterceptor.afterCompletion threw", e); // as the DispatcherServlet does: logged, the answer stands
      }
    }
  }

  private static Outcome unhandled(MethodDescriptor<?, ?> method, Exception e) {
    LOG.error("{} failed and none of the app's exception handlers answered", method.getFullMethodName(), e);
    return new Outcome.Failed(Status.INTERNAL.withDescription("the handler failed; the server's log has the details")
        .asRuntimeException());
  }

  private <RespT extends Message> void respond(MethodDescriptor<?, RespT> method, Outcome outcome, ResponseView httpResponse,
      ResponseTranscoder transcoder, ResponseContext context, Function<Object, RespT> mapper, StreamObserver<RespT> responses) {
    if (outcome instanceof Outcome.Failed failed) {
      responses.onError(failed.status());
      return;
    }
    RestResponse written = httpResponse.toRest();
    if (outcome instanceof Outcome.Returned returned) {
      List<RestHeaders.Header> headers = new ArrayList<>(written.headers().list());
      headers.addAll(returned.headers().list());
      RestHeaders all = new RestHeaders(headers);
      RespT message;
      try {
        message = returned.body() == null || isBodyless(returned.status()) ? defaultMessage(method) : mapper.apply(returned.body());
      } catch (RuntimeException e) {
        LOG.error("the generated mapper of {} failed on the handler's answer", method.getFullMethodName(), e);
        responses.onError(Status.INTERNAL.withDescription("the handler's answer does not map to " + method.getFullMethodName()
            + "'s response; the server's log has the details").asRuntimeException());
        return;
      }
      try {
        message = transcoder.completePage(message, all, context);
      } catch (StatusRuntimeException e) { // a page token that does not decode for this request
        responses.onError(e);
        return;
      }
      CallMetadata.addResponseHeaders(PassThroughHeaders.fromApp(all, transcoder.successMetadata(returned.status(), all)));
      responses.onNext(message);
      responses.onCompleted();
      return;
    }
    GrpcResponse grpc = transcoder.toGrpc(written, context);
    if (grpc instanceof GrpcResponse.Success success) {
      CallMetadata.addResponseHeaders(PassThroughHeaders.fromApp(written.headers(), success.headers()));
      responses.onNext(method.parseResponse(success.message().toByteString().newInput()));
      responses.onCompleted();
    } else {
      StatusRuntimeException failure = StatusProto.toStatusRuntimeException(((GrpcResponse.Failure) grpc).status());
      Metadata trailers = failure.getTrailers() == null ? new Metadata() : failure.getTrailers();
      responses.onError(new StatusRuntimeException(failure.getStatus(), PassThroughHeaders.fromApp(written.headers(), trailers)));
    }
  }

  private static boolean isBodyless(int status) {
    return status == 204 || status == 205 || status == 304;
  }

  private static <RespT> RespT defaultMessage(MethodDescriptor<?, RespT> method) {
    return method.parseResponse(ByteString.EMPTY.newInput());
  }

  private AppMvc mvc() {
    AppMvc app = mvc;
    if (app == null) {
      synchronized (this) {
        if (mvc == null) {
          mvc = new AppMvc(context);
        }
        app = mvc;
      }
    }
    return app;
  }

  private ServletContext servletContext() {
    return context instanceof WebApplicationContext web ? web.getServletContext() : null;
  }

  /** Which handler answers a call, with its interceptors: the one Spring MVC maps, or an ejected service's own. */
  @FunctionalInterface
  private interface Chains {
    HandlerExecutionChain find(AppMvc app, RequestView request) throws Exception;
  }

  /** How the handler answered. */
  private sealed interface Outcome {
    /** It returned: the status and headers of its entity, and its body for the generated mapper. */
    record Returned(int status, RestHeaders headers, Object body) implements Outcome {}

    /** The hook, an interceptor, an exception handler or an error entity wrote the answer into the response view. */
    record Answered() implements Outcome {}

    /** Nothing of the app answered: a gRPC status of rest2grpc's. */
    record Failed(StatusRuntimeException status) implements Outcome {}
  }
}
