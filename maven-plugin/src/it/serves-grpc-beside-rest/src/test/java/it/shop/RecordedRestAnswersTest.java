package it.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.rest2grpc.runtime.contract.GrpcContract;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.responses.GrpcResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * The REST answers of the unmodified app, recorded once ({@code -Dshop.restAnswers=record}); on every later build the
 * gRPC answers to the same requests must equal the engine's conversion of those recorded answers, whether the service
 * is generated, ejected, or ejected with the controllers' HTTP mappings gone. Runs first, on the data the app starts
 * with (junit-platform.properties): the same fixture each time.
 */
@ShopTest
@Order(1)
class RecordedRestAnswersTest {
  private static final Path RECORDED = Path.of("recorded-rest-answers.json");
  /** The fixture: REST requests, in order; {@code published_at} of a book created now differs from run to run. */
  private static final List<Request> FIXTURE = List.of(
      new Request("GET", "/v1/books/1", ""),
      new Request("GET", "/v1/books/404", ""),
      new Request("GET", "/v1/books/1/blurb", ""),
      new Request("GET", "/v1/books/404/blurb", ""),
      new Request("POST", "/v1/books", "{\"title\": \"The Left Hand of Darkness\", \"genre\": \"science-fiction\", \"isbn\": \"978-0-441-47812-5\"}"),
      new Request("POST", "/v1/books", "{\"title\": \"Odes\", \"genre\": \"poetry\", \"isbn\": \"978-0-14-044914-6\"}"),
      new Request("POST", "/v1/books", "{\"title\": \"Again\", \"genre\": \"history\", \"isbn\": \"978-0-06-051275-0\"}"),
      new Request("POST", "/v1/books", "{\"title\": \"\", \"genre\": \"history\", \"isbn\": \"978-0-14-044914-5\"}"));

  record Request(String method, String target, String body) {

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("method", method);
      json.put("target", target);
      json.put("body", body);
      return json;
    }

    static Request of(Map<?, ?> json) {
      return new Request((String) json.get("method"), (String) json.get("target"), (String) json.get("body"));
    }
  }

  /** Kept as JSON by Spring Boot's own reader and writer, the same on Boot 3 (Jackson 2) and Boot 4 (Jackson 3). */
  record Answer(Request request, int status, String contentType, List<List<String>> headers, String body) {

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("request", request.json());
      json.put("status", status);
      json.put("contentType", contentType);
      json.put("headers", headers);
      json.put("body", body);
      return json;
    }

    @SuppressWarnings("unchecked")
    static Answer of(Map<?, ?> json) {
      return new Answer(Request.of((Map<?, ?>) json.get("request")), ((Number) json.get("status")).intValue(),
          (String) json.get("contentType"), (List<List<String>>) json.get("headers"), (String) json.get("body"));
    }
  }

  @Autowired
  GrpcServerLifecycle grpcServer;

  @Autowired
  GrpcContract contract;

  @LocalServerPort
  int restPort;

  @Test
  void grpcAnswersWhatRestAnsweredOnTheSameFixture() throws Exception {
    if ("record".equals(System.getProperty("shop.restAnswers"))) {
      List<Answer> answers = new ArrayList<>();
      for (Request request : FIXTURE) {
        answers.add(rest(request));
      }
      Files.writeString(RECORDED, JsonWriter.standard().writeToString(answers.stream().map(Answer::json).toList()));
      return;
    }
    assertThat(RECORDED).as("recorded by a build with -Dshop.restAnswers=record").isRegularFile();
    List<Answer> recorded = JsonParserFactory.getJsonParser().parseList(Files.readString(RECORDED)).stream()
        .map(answer -> Answer.of((Map<?, ?>) answer)).toList();
    assertThat(recorded).extracting(Answer::request).isEqualTo(FIXTURE);
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
    try {
      for (Answer answer : recorded) {
        assertGrpcAnswers(channel, answer);
      }
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private Answer rest(Request request) throws Exception {
    HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + request.target()));
    if (request.body().isEmpty()) {
      http.GET();
    } else {
      http.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.body()));
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(http.build(), HttpResponse.BodyHandlers.ofString());
    List<List<String>> headers = new ArrayList<>();
    response.headers().map().forEach((name, values) -> values.forEach(value -> headers.add(List.of(name, value))));
    return new Answer(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), headers, response.body());
  }

  /** The request's gRPC form (the engine's), called on this instance, against the engine's conversion of the recorded REST answer. */
  private void assertGrpcAnswers(Channel channel, Answer answer) {
    Request request = answer.request();
    RestRequest restRequest = RestRequest.of(request.method(), request.target(), RestHeaders.NONE,
        request.body().isEmpty() ? "" : "application/json", ByteString.copyFromUtf8(request.body()));
    Routed.Call call = (Routed.Call) contract.engine().toGrpc(restRequest);
    List<String> headerPairs = answer.headers().stream().flatMap(List::stream).toList();
    RestResponse rest = new RestResponse(answer.status(), RestHeaders.of(headerPairs.toArray(String[]::new)), answer.contentType(),
        ByteString.copyFromUtf8(answer.body()));
    GrpcResponse expected = call.call().responses().orElseThrow().toGrpc(rest, call.context());

    var rpc = call.call().method();
    MethodDescriptor<Message, DynamicMessage> method = MethodDescriptor.<Message, DynamicMessage>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(rpc.getService().getFullName(), rpc.getName()))
        .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(rpc.getInputType())))
        .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(rpc.getOutputType())))
        .build();
    AtomicReference<Metadata> headers = new AtomicReference<>();
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    Channel capturing = ClientInterceptors.intercept(channel, MetadataUtils.newCaptureMetadataInterceptor(headers, trailers));
    String what = request.method() + " " + request.target() + " as " + rpc.getFullName();
    try {
      DynamicMessage actual = ClientCalls.blockingUnaryCall(capturing, method, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
          call.request().message());
      assertThat(expected).as("%s: REST answered %s, gRPC answered OK", what, answer.status()).isInstanceOf(GrpcResponse.Success.class);
      GrpcResponse.Success success = (GrpcResponse.Success) expected;
      boolean created = request.method().equals("POST");
      assertThat(comparable(actual, created)).as(what).isEqualTo(comparable(success.message(), created));
      for (String key : success.headers().keys()) {
        Metadata.Key<String> header = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
        assertThat(headers.get().get(header)).as("%s: response header %s", what, key).isEqualTo(success.headers().get(header));
      }
    } catch (StatusRuntimeException error) {
      assertThat(expected).as("%s: REST answered %s, gRPC answered %s", what, answer.status(), error.getStatus())
          .isInstanceOf(GrpcResponse.Failure.class);
      assertThat(StatusProto.fromThrowable(error)).as(what).isEqualTo(((GrpcResponse.Failure) expected).status());
    }
  }

  /** A created book's {@code published_at} is when it was created: on the recording build's clock for REST, on this build's for gRPC. */
  private static Message comparable(Message message, boolean created) {
    DynamicMessage.Builder copy = DynamicMessage.newBuilder(message);
    FieldDescriptor publishedAt = message.getDescriptorForType().findFieldByName("published_at");
    if (created && publishedAt != null) {
      copy.clearField(publishedAt);
    }
    return copy.build();
  }
}
