package io.rest2grpc.shadow;

import static io.rest2grpc.shadow.support.Ledgers.awaitAccounted;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.rest2grpc.shadow.compare.Mismatch;
import io.rest2grpc.shadow.config.ProxyOptions;
import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.results.ParityLedger.Outcome;
import io.rest2grpc.shadow.support.BreakingGrpcSide;
import io.rest2grpc.shadow.support.SampleApp;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Write parity on an isolated candidate: two instances of the sample app, each with its own database seeded alike.
 * Clients' writes go to the first one's REST side; the proxy mirrors them to the second one's gRPC side, driven one
 * at a time so that both databases go through the same writes in the same order, and compares the answers. Without
 * a route's opt-in, a write reaches the shared database once, as the row counts show. With both gRPC sides broken on
 * purpose, exactly what was broken is reported.
 */
class WriteMirroringTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Metadata.Key<byte[]> STATUS_DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final String ORDER = """
      {"user_id": 2, "items": [{"sku": "STICKER-COBOL", "quantity": 3}], "total": {"currency": "EUR", "amount_cents": 900}}""";
  private static SampleApp primary;
  private static SampleApp candidate;

  @BeforeAll
  static void startBothInstances() throws Exception {
    primary = SampleApp.start();
    candidate = SampleApp.start();
  }

  @AfterAll
  static void stopThem() throws InterruptedException {
    primary.close();
    candidate.close();
  }

  @Test
  void everyWriteMirroredToTheCandidateMatchesRestsAnswer() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(true))) {
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> created = send(proxy, "POST", "/v1/orders", "application/json", ORDER, "Idempotency-Key", "k-1");
      statuses.add(created.statusCode());
      awaitAccounted(proxy.ledger(), 1);
      String id = id(created.body());
      String etag = created.headers().firstValue("ETag").orElseThrow();
      HttpResponse<String> replaced = send(proxy, "PUT", "/v1/orders/" + id, "application/json", ORDER.replace("\"quantity\": 3",
          "\"quantity\": 4"), "If-Match", etag);
      statuses.add(replaced.statusCode());
      awaitAccounted(proxy.ledger(), 2);
      HttpResponse<String> patched = send(proxy, "PATCH", "/v1/orders/" + id, "application/merge-patch+json",
          "{\"note\": \"leave at the door\"}", "If-Match", replaced.headers().firstValue("ETag").orElseThrow());
      statuses.add(patched.statusCode());
      awaitAccounted(proxy.ledger(), 3);
      statuses.add(send(proxy, "POST", "/v1/orders/" + id + "/status", "application/json", "{\"status\": \"in-progress\"}").statusCode());
      awaitAccounted(proxy.ledger(), 4);
      statuses.add(send(proxy, "POST", "/v1/tracking-events", "application/x-ndjson", "{\"order_id\": " + id + ", \"status\": \"in-progress\"}\n"
          + "{\"order_id\": 42, \"status\": \"shipped\"}\n").statusCode()); // a client stream: each line a message
      awaitAccounted(proxy.ledger(), 5);
      String boundary = "proxy-test-boundary";
      statuses.add(send(proxy, "POST", "/v1/orders/" + id + "/attachments", "multipart/form-data; boundary=" + boundary,
          "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof.txt\"\r\nContent-Type: text/plain\r\n\r\n"
              + "delivered\r\n--" + boundary + "--\r\n").statusCode());
      awaitAccounted(proxy.ledger(), 6);
      statuses.add(send(proxy, "POST", "/v1/payments", "application/json", "{\"method\": \"card\", \"order_id\": " + id
          + ", \"amount\": {\"currency\": \"EUR\", \"amount_cents\": 900}, \"card_number\": \"4111111111111111\", \"expiry_month\": 12,"
          + " \"expiry_year\": 2099}").statusCode());
      awaitAccounted(proxy.ledger(), 7);
      statuses.add(send(proxy, "POST", "/v1/order-exports", "application/json", "{\"statuses\": [\"pending\"]}").statusCode());
      awaitAccounted(proxy.ledger(), 8);
      statuses.add(send(proxy, "POST", "/v1/orders", "application/json", "{\"user_id\": 2}").statusCode());
      awaitAccounted(proxy.ledger(), 9);
      statuses.add(send(proxy, "DELETE", "/v1/orders/" + id, null, null).statusCode());
      awaitAccounted(proxy.ledger(), 10);
      statuses.add(send(proxy, "DELETE", "/v1/orders/" + id, null, null).statusCode());
      awaitAccounted(proxy.ledger(), 11);

      assertThat(statuses).as("what REST answered").containsExactly(201, 200, 200, 200, 200, 201, 201, 202, 400, 204, 404);
      assertThat(proxy.ledger().verdicts()).hasSize(9).allSatisfy(method -> {
        assertThat(method.counts().get(Outcome.MISMATCHED)).as(method.rpc() + " " + method.samples()).isZero();
        assertThat(method.counts().get(Outcome.MATCHED)).as(method.rpc() + " " + method.counts()).isPositive();
      });
      assertThat(orders(primary)).as("the candidate went through the same writes").isEqualTo(orders(candidate));
    }
  }

  @Test
  void withoutTheOptInAWriteReachesTheSharedDatabaseOnce() throws Exception {
    long primaryBefore = orders(primary);
    long candidateBefore = orders(candidate);
    try (ShadowProxy proxy = ShadowProxy.start(settings(false))) {
      assertThat(send(proxy, "POST", "/v1/orders", "application/json", ORDER).statusCode()).isEqualTo(201);
      assertThat(send(proxy, "GET", "/v1/orders/1001", null, null).statusCode()).isEqualTo(200);
      awaitAccounted(proxy.ledger(), 1); // the read after it has been compared: any shadow of the write would have been too

      assertThat(orders(primary)).isEqualTo(primaryBefore + 1);
      assertThat(orders(candidate)).isEqualTo(candidateBefore);
      assertThat(proxy.ledger().verdicts()).extracting(ParityLedger.Verdict::rpc)
          .containsExactly("sample_legacy_orders.v1.OrdersService.GetOrder");
    }
  }

  @Test
  void aGrpcSideBrokenOnPurposeIsReportedExactlyWhereItIsWrong() throws Exception {
    Descriptor order = messageType("sample_legacy_orders.v1.Order");
    UnaryOperator<BreakingGrpcSide.Answer> breakage = answer -> {
      switch (answer.method().substring(answer.method().indexOf('/') + 1)) {
        case "GetOrder":
          if (answer.status().isOk()) { // a wrong field
            DynamicMessage.Builder wrong = parse(order, answer.message()).toBuilder();
            FieldDescriptor items = order.findFieldByName("items");
            DynamicMessage item = (DynamicMessage) wrong.getRepeatedField(items, 0);
            FieldDescriptor quantity = item.getDescriptorForType().findFieldByName("quantity");
            wrong.setRepeatedField(items, 0, item.toBuilder().setField(quantity, (Integer) item.getField(quantity) + 1).build());
            return new BreakingGrpcSide.Answer(answer.method(), answer.headers(), wrong.build().toByteArray(), answer.status(),
                answer.trailers());
          } // a different problem detail
          Metadata trailers = new Metadata();
          trailers.merge(answer.trailers());
          com.google.rpc.Status details = parseStatus(trailers.get(STATUS_DETAILS));
          trailers.removeAll(STATUS_DETAILS);
          trailers.put(STATUS_DETAILS, details.toBuilder().setMessage("no order of that id, says the gRPC side").build().toByteArray());
          return new BreakingGrpcSide.Answer(answer.method(), answer.headers(), null,
              answer.status().withDescription("no order of that id, says the gRPC side"), trailers);
        case "GetUser": // a wrong status
          return new BreakingGrpcSide.Answer(answer.method(), answer.headers(), null, Status.PERMISSION_DENIED, new Metadata());
        case "CreateOrder": // a missing Location
          Metadata headers = new Metadata();
          headers.merge(answer.headers());
          headers.removeAll(Metadata.Key.of("location", Metadata.ASCII_STRING_MARSHALLER));
          return new BreakingGrpcSide.Answer(answer.method(), headers, answer.message(), answer.status(), answer.trailers());
        default:
          return answer;
      }
    };
    try (BreakingGrpcSide grpc = BreakingGrpcSide.of(primary.grpcPort(), breakage);
        BreakingGrpcSide candidateGrpc = BreakingGrpcSide.of(candidate.grpcPort(), breakage);
        ShadowProxy proxy = ShadowProxy.start(ProxyOptions.parse("grpc-upstream: 127.0.0.1:" + grpc.port()
            + "\ncandidate-grpc-upstream: 127.0.0.1:" + candidateGrpc.port() + "\n", "test").over(options(true)).settings())) {
      send(proxy, "GET", "/v1/orders/1001", null, null);
      send(proxy, "GET", "/v1/orders/999999", null, null);
      send(proxy, "GET", "/v1/users/1", null, null);
      String location = send(proxy, "POST", "/v1/orders", "application/json", ORDER).headers().firstValue("Location").orElseThrow();
      send(proxy, "GET", "/v1/orders/1002/invoice", null, null);
      awaitAccounted(proxy.ledger(), 5);

      Map<String, List<String>> reported = new TreeMap<>();
      proxy.ledger().verdicts().forEach(method -> method.samples().forEach(diff -> reported.computeIfAbsent(
          diff.request(), any -> new ArrayList<>()).addAll(diff.mismatches().stream().map(Mismatch::describe).toList())));
      assertThat(reported).isEqualTo(Map.of(
          "GET /v1/orders/1001", List.of("body /items/0/quantity: REST 1, gRPC 2"),
          "GET /v1/orders/999999", List.of("body /detail: REST \"No order with id 999999\", gRPC \"no order of that id, says the gRPC side\""),
          "GET /v1/users/1", List.of("status: REST 200, gRPC 403", "header Content-Type: REST application/json, gRPC (absent)"),
          "POST /v1/orders", List.of("header Location: REST " + location + ", gRPC (absent)")));
    }
  }

  /** The checked-in sample configuration, with these instances' ports; with or without its routes' write opt-ins. */
  private static ShadowSettings settings(boolean writes) throws Exception {
    return options(writes).settings();
  }

  private static ProxyOptions options(boolean writes) throws Exception {
    String example = Files.readString(SampleApp.root().resolveSibling("shadow-proxy/examples/sample-legacy-app.yaml"));
    if (!writes) {
      example = example.replaceAll("(?m)^\\s+writes: candidate$", "");
    }
    return SampleApp.proxyOptions(primary.httpPort(), primary.grpcPort(), "candidate-grpc-upstream: 127.0.0.1:" + candidate.grpcPort()
        + "\n").over(ProxyOptions.parse(example, "sample-legacy-app.yaml"));
  }

  private static HttpResponse<String> send(ShadowProxy proxy, String method, String target, String contentType, String body,
      String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.address().getPort() + target))
        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer sample-writer-token")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Descriptor messageType(String name) throws Exception {
    try (InputStream in = Files.newInputStream(SampleApp.descriptorSet())) {
      return DescriptorSets.load(FileDescriptorSet.parseFrom(in, RestOptions.registry()), "sample").values().stream()
          .flatMap(file -> file.getMessageTypes().stream()).filter(type -> type.getFullName().equals(name)).findFirst().orElseThrow();
    }
  }

  private static com.google.rpc.Status parseStatus(byte[] details) {
    try {
      return com.google.rpc.Status.parseFrom(details);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DynamicMessage parse(Descriptor type, byte[] message) {
    try {
      return DynamicMessage.parseFrom(type, message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number of orders in an instance's database, as its REST side counts them. */
  private static long orders(SampleApp app) throws Exception {
    HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/v1/orders?limit=1"))
        .header("Authorization", "Bearer sample-reader-token").build(), HttpResponse.BodyHandlers.ofString());
    return Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow());
  }

  private static String id(String json) {
    Matcher id = ID.matcher(json);
    assertThat(id.find()).as(json).isTrue();
    return id.group(1);
  }
}
