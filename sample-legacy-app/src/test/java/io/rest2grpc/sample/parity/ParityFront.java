package io.rest2grpc.sample.parity;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.sample.support.ContractCoverage;
import io.rest2grpc.sample.support.ContractSpec;
import io.rest2grpc.sample.support.GrpcMethods;
import io.rest2grpc.sample.support.HttpExchanges;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Refusal;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.paging.RequestFilters;
import io.rest2grpc.transcoding.responses.GrpcResponse;
import io.rest2grpc.transcoding.streams.StreamItem;
import io.rest2grpc.transcoding.streams.StreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The parity test's HTTP handler, in front of two instances of the app on identical fixtures. Each
 * REST request goes to the REST instance, whose answer the client gets unchanged; a unary one also
 * goes, through the engine, as a gRPC call to the other instance's generated services. The gRPC
 * answer is then compared with the engine's conversion of the REST answer ({@link AnswerComparison}).
 * Uploads (client streams) are compared by their answer; a server stream by its error where REST
 * refuses it, else it passes through uncompared, as it comes.
 */
final class ParityFront implements HttpHandler {
  /** Headers the JDK's HTTP client sets itself. */
  private static final Set<String> CLIENT_SET = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "content-type");
  private static final TypeRegistry DETAILS = TypeRegistry.newBuilder().add(List.of(ErrorInfo.getDescriptor(),
      BadRequest.getDescriptor(), RetryInfo.getDescriptor(), RequestInfo.getDescriptor(), ResourceInfo.getDescriptor(),
      Help.getDescriptor(), LocalizedMessage.getDescriptor(), QuotaFailure.getDescriptor(), PreconditionFailure.getDescriptor(),
      DebugInfo.getDescriptor(), RestErrorOrigin.getDescriptor())).build();

  /** One request compared: its (operation, status) pair and what the comparison found. */
  record Compared(String pair, String method, String request, Descriptor descriptor, Answer expected, Answer actual,
      AnswerComparison.Result result) {}

  /** One request not compared: its pair, why, and the detail. */
  record Skipped(String pair, String request, Why why, String detail) {}

  /** Why a request was not compared. */
  enum Why {
    /** A server stream that started: live events, compared by the shadow proxy. */
    LIVE_STREAM,
    /** No RPC serves it: not an operation of the contract. */
    NOT_IN_CONTRACT,
    /** No gRPC request exists for it (malformed JSON, a bad parameter): the engine refused it with REST's status. */
    REFUSED_AS_REST_REFUSES,
    /** The engine refused it where REST answered otherwise: a defect. */
    REFUSED_UNLIKE_REST
  }

  private final HttpTranscoder engine;
  private final Channel grpc;
  private final String restBase;
  private final PageTokens tokens;
  private final AnswerComparison comparison;
  private final RestJson json = RestJson.create();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Compared> compared = Collections.synchronizedList(new ArrayList<>());
  private final List<Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
  /** The ids the gRPC instance generated, by the REST instance's id for the same thing ({@code id} rules). */
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  ParityFront(HttpTranscoder engine, Channel grpc, String restBase, PageTokens tokens, AnswerComparison comparison) {
    this.engine = engine;
    this.grpc = grpc;
    this.restBase = restBase;
    this.tokens = tokens;
    this.comparison = comparison;
  }

  List<Compared> compared() {
    synchronized (compared) {
      return List.copyOf(compared);
    }
  }

  List<Skipped> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RestRequest rest = HttpExchanges.request(exchange, ByteString.readFrom(exchange.getRequestBody()));
      Routed routed = engine.toGrpc(rest);
      if (routed instanceof Routed.Call call && call.call().responseStream().isPresent()) {
        HttpResponse<InputStream> streamed = http.send(forward(rest), HttpResponse.BodyHandlers.ofInputStream());
        if (streamed.statusCode() < 400) {
          skipped.add(new Skipped(pair(rest, streamed.statusCode()), describe(rest), Why.LIVE_STREAM, ""));
          pipe(exchange, streamed, rest.method());
          return;
        }
        // refused before its first event: an error like any other, which the gRPC call must close with
        RestResponse refusal = restResponse(streamed.statusCode(), streamed.headers(), streamed.body().readAllBytes());
        GrpcResponse converted = new GrpcResponse.Failure(ErrorTransform.of(call.call().method()).toStatus(refusal));
        compared.add(compare(pair(rest, refusal.status()), rest, call, converted));
        HttpExchanges.send(exchange, refusal, rest.method());
        return;
      }
      HttpResponse<byte[]> answered = http.send(forward(rest), HttpResponse.BodyHandlers.ofByteArray());
      RestResponse legacy = restResponse(answered.statusCode(), answered.headers(), answered.body());
      String pair = pair(rest, legacy.status());
      if (routed instanceof Routed.Refused refused && refused.refusal() == Refusal.NO_ROUTE
          && ContractSpec.get().match(rest.method(), rest.path()).isEmpty()) {
        skipped.add(new Skipped(pair, describe(rest), Why.NOT_IN_CONTRACT, ""));
      } else if (routed instanceof Routed.Refused refused) {
        // no gRPC request exists for it (a gRPC client cannot send malformed JSON): the engine answers in REST terms
        skipped.add(new Skipped(pair, describe(rest), refused.response().status() == legacy.status() ? Why.REFUSED_AS_REST_REFUSES
            : Why.REFUSED_UNLIKE_REST, refused.response().status() + ": " + refused.detail()));
      } else {
        Routed.Call call = (Routed.Call) routed;
        compared.add(compare(pair, rest, call, call.call().responses().orElseThrow().toGrpc(legacy, call.context())));
      }
      HttpExchanges.send(exchange, legacy, rest.method());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Compares the gRPC instance's answer with {@code converted}, the REST one's: the request, and then
   * the answer, carry the gRPC instance's own ids for what the REST instance named otherwise.
   */
  private Compared compare(String pair, RestRequest rest, Routed.Call call, GrpcResponse converted) {
    Answer expected = answer(converted, call);
    RestRequest forGrpc = translate(rest, ids);
    Routed translated = forGrpc.equals(rest) ? call : engine.toGrpc(forGrpc);
    Answer raw = translated instanceof Routed.Call grpcCall ? callGrpc(grpcCall)
        : new Answer("REFUSED", Map.of(), "{}"); // the REST request with the gRPC instance's ids does not route: a mismatch
    Descriptor type = call.call().method().getOutputType();
    AnswerComparison.Result learnt = comparison.compare(expected, raw, type, rest.method());
    learnt.allowed().stream().filter(allowed -> allowed.rule().id())
        .forEach(allowed -> ids.put(unquote(allowed.difference().expected()), unquote(allowed.difference().actual())));
    Answer actual = backTranslated(raw);
    AnswerComparison.Result result = comparison.compare(expected, actual, type, rest.method());
    List<AnswerComparison.Allowed> allowed = new ArrayList<>(result.allowed());
    learnt.allowed().stream().filter(one -> one.rule().id()).forEach(allowed::add);
    return new Compared(pair, rest.method(), describe(rest), type, expected, actual,
        new AnswerComparison.Result(result.mismatches(), allowed));
  }

  /** {@code rest} with every id the map knows replaced: by the gRPC instance's, for the request it is sent. */
  private static RestRequest translate(RestRequest rest, Map<String, String> ids) {
    String target = rest.target();
    String body = rest.body().toStringUtf8();
    for (Map.Entry<String, String> id : ids.entrySet()) {
      target = target.replace(id.getKey(), id.getValue());
      body = body.replace(id.getKey(), id.getValue());
    }
    int query = target.indexOf('?');
    return new RestRequest(rest.method(), query < 0 ? target : target.substring(0, query), query < 0 ? "" : target.substring(query + 1),
        rest.headers(), rest.contentType(), rest.body().isEmpty() || body.equals(rest.body().toStringUtf8()) ? rest.body()
            : ByteString.copyFromUtf8(body));
  }

  /** The gRPC answer with the gRPC instance's ids named as the REST instance named them. */
  private Answer backTranslated(Answer raw) {
    String json = raw.json();
    Map<String, List<String>> headers = new TreeMap<>(raw.headers());
    for (Map.Entry<String, String> id : ids.entrySet()) {
      json = json.replace(id.getValue(), id.getKey());
      headers.replaceAll((name, values) -> values.stream().map(value -> value.replace(id.getValue(), id.getKey())).toList());
    }
    return new Answer(raw.code(), headers, json);
  }

  /** The value of a difference: a JSON string's text, a header's one value ({@code [value]}). */
  private static String unquote(String value) {
    boolean quoted = value.startsWith("\"") && value.endsWith("\"") || value.startsWith("[") && value.endsWith("]");
    return quoted ? value.substring(1, value.length() - 1) : value;
  }

  /** The gRPC call on the other instance, with the metadata the engine made from the REST request. */
  private Answer callGrpc(Routed.Call call) {
    AtomicReference<Metadata> headers = new AtomicReference<>(new Metadata());
    AtomicReference<Metadata> trailers = new AtomicReference<>(new Metadata());
    Channel channel = ClientInterceptors.intercept(grpc, MetadataUtils.newAttachHeadersInterceptor(call.request().metadata()),
        MetadataUtils.newCaptureMetadataInterceptor(headers, trailers));
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS);
    try {
      if (call.call().method().isServerStreaming()) { // compared only where REST refused it: the call must fail as well
        ClientCalls.blockingServerStreamingCall(channel, GrpcMethods.of(call.call().method()), options.withDeadlineAfter(5, TimeUnit.SECONDS),
            (DynamicMessage) call.request().message()).hasNext();
        return new Answer("STREAMING", Map.of(), "{}");
      }
      DynamicMessage response = call.call().method().isClientStreaming()
          ? clientStream(channel.newCall(GrpcMethods.of(call.call().method()), options), call)
          : ClientCalls.blockingUnaryCall(channel, GrpcMethods.of(call.call().method()), options, (DynamicMessage) call.request().message());
      return answer(new GrpcResponse.Success(response, headers.get()), call);
    } catch (StatusRuntimeException e) {
      Metadata closed = e.getTrailers() == null ? new Metadata() : e.getTrailers();
      return answer(new GrpcResponse.Failure(StatusProto.fromStatusAndTrailers(e.getStatus(), closed)), call);
    }
  }

  /** An upload (NDJSON lines and the like): its frames as the stream's messages, as a client would send them. */
  private static DynamicMessage clientStream(ClientCall<DynamicMessage, DynamicMessage> grpcCall, Routed.Call call) {
    StreamReader reader = call.call().requestStream().orElseThrow().carryingUnreadableFrames().reader(call.request().message());
    List<StreamItem> items = new ArrayList<>(reader.push(call.rest().body()));
    items.addAll(reader.end());
    CompletableFuture<DynamicMessage> answered = new CompletableFuture<>();
    StreamObserver<DynamicMessage> requests = ClientCalls.asyncClientStreamingCall(grpcCall, new StreamObserver<>() {
      @Override
      public void onNext(DynamicMessage message) {
        answered.complete(message);
      }

      @Override
      public void onError(Throwable failure) {
        answered.completeExceptionally(failure);
      }

      @Override
      public void onCompleted() {
        answered.complete(null);
      }
    });
    items.forEach(item -> requests.onNext((DynamicMessage) ((StreamItem.Data) item).message()));
    requests.onCompleted();
    try {
      return answered.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StatusRuntimeException failure ? failure : new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("the upload did not answer in 30 s", e);
    }
  }

  private Answer answer(GrpcResponse response, Routed.Call call) {
    if (response instanceof GrpcResponse.Success success) {
      return new Answer("OK", ascii(success.headers()), json.print(withPositions(success.message(), call)));
    }
    com.google.rpc.Status status = withSortedViolations(((GrpcResponse.Failure) response).status());
    try {
      return new Answer(io.grpc.Status.fromCodeValue(status.getCode()).getCode().name(), Map.of(),
          JsonFormat.printer().usingTypeRegistry(DETAILS).print(status));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a detail of " + status + " is of a type the parity test does not know: add it to DETAILS", e);
    }
  }

  /**
   * The Status with its BadRequest's field violations in one order: Bean Validation reports a set,
   * whose order differs from one instance to the other; which violations there are is compared.
   */
  private static com.google.rpc.Status withSortedViolations(com.google.rpc.Status status) {
    com.google.rpc.Status.Builder sorted = status.toBuilder().clearDetails();
    for (Any detail : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          List<BadRequest.FieldViolation> violations = new ArrayList<>(detail.unpack(BadRequest.class).getFieldViolationsList());
          violations.sort(Comparator.comparing((BadRequest.FieldViolation violation) -> violation.getField())
              .thenComparing(violation -> violation.getDescription()));
          detail = Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build());
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException("a BadRequest detail does not parse", e);
        }
      }
      sorted.addDetails(detail);
    }
    return sorted.build();
  }

  /** next_page_token as the position it decodes to: each instance signs its own, a second apart or not. */
  private Message withPositions(Message response, Routed.Call call) {
    FieldDescriptor token = response.getDescriptorForType().findFieldByName("next_page_token");
    if (token == null || ((String) response.getField(token)).isEmpty()) {
      return response;
    }
    String position = tokens.decode((String) response.getField(token), RequestFilters.hash(call.request().message()))
        .map(Object::toString).orElse("");
    return response.toBuilder().setField(token, position).build();
  }

  private static Map<String, List<String>> ascii(Metadata metadata) {
    Map<String, List<String>> headers = new TreeMap<>();
    for (String key : metadata.keys()) {
      if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        List<String> values = new ArrayList<>();
        metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)).forEach(values::add);
        headers.put(key.toLowerCase(Locale.ROOT), values);
      }
    }
    return headers;
  }

  private HttpRequest forward(RestRequest rest) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(restBase + rest.target()))
        .method(rest.method(), rest.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(rest.body().toByteArray()));
    rest.headers().list().stream().filter(header -> !CLIENT_SET.contains(header.name().toLowerCase(Locale.ROOT)))
        .forEach(header -> request.header(header.name(), header.value()));
    if (!rest.contentType().isEmpty()) {
      request.header("Content-Type", rest.contentType());
    }
    return request.build();
  }

  private static RestResponse restResponse(int status, HttpHeaders received, byte[] body) {
    List<RestHeaders.Header> headers = new ArrayList<>();
    received.map().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("content-type")) {
        values.forEach(value -> headers.add(new RestHeaders.Header(name, value)));
      }
    });
    return new RestResponse(status, new RestHeaders(headers), received.firstValue("Content-Type").orElse(""), ByteString.copyFrom(body));
  }

  private static void pipe(HttpExchange exchange, HttpResponse<InputStream> streamed, String method) throws IOException {
    streamed.headers().map().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
        values.forEach(value -> exchange.getResponseHeaders().add(name, value));
      }
    });
    exchange.sendResponseHeaders(streamed.statusCode(), method.equals("HEAD") ? -1 : 0);
    try (InputStream in = streamed.body(); OutputStream out = exchange.getResponseBody()) {
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
    }
  }

  private static String pair(RestRequest rest, int status) {
    String operation = ContractSpec.get().match(rest.method(), rest.path()).map(Object::toString).orElse(rest.method() + " " + rest.path());
    return ContractCoverage.SHARED_STATUSES.contains(Integer.toString(status)) ? ContractCoverage.anyOperation(Integer.toString(status))
        : operation + " " + status;
  }

  private static String describe(RestRequest rest) {
    return rest.method() + " " + rest.target();
  }
}
