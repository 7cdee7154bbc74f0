package io.rest2grpc.shadow;

import static io.rest2grpc.shadow.support.Ledgers.accounted;
import static io.rest2grpc.shadow.support.Ledgers.awaitAccounted;
import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.results.ParityLedger.Outcome;
import io.rest2grpc.shadow.support.AlteringRestSide;
import io.rest2grpc.shadow.support.BreakingGrpcSide;
import io.rest2grpc.shadow.support.BrokenGrpcSide;
import io.rest2grpc.shadow.support.SampleApp;
import io.rest2grpc.shadow.support.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy in front of the real sample app: clients get REST's answers, and the sampled GETs and HEADs, answered
 * again by the app's gRPC side (the services rest2grpc-maven-plugin generated), compare equal.
 */
class ShadowProxyTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static SampleApp app;

  @BeforeAll
  static void startTheApp() throws Exception {
    // gzip for clients that accept it (a test profile of the app's own): the proxy passes it, and compares it decoded
    app = SampleApp.start("--server.compression.enabled=true", "--server.compression.min-response-size=1",
        "--server.compression.mime-types=application/json,application/problem+json");
  }

  @AfterAll
  static void stopTheApp() throws Exception {
    app.close();
  }

  @Test
  void readsAnsweredByRestCompareEqualOverGrpcMethodByMethod() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(app.grpcPort()))) {
      List<String> targets = List.of("/v1/orders/1001", "/v1/orders?limit=2", "/v1/orders/999999", "/v1/users?limit=2",
          "/v1/users/1", "/v1/users/1/orders?page=0&size=1", "/v1/orders/1001/invoice");
      for (String target : targets) {
        HttpResponse<String> viaProxy = get(proxy, target, "sample-reader-token");
        HttpResponse<String> direct = CLIENT.send(request("http://127.0.0.1:" + app.httpPort() + target, "sample-reader-token"),
            HttpResponse.BodyHandlers.ofString());
        assertThat(viaProxy.statusCode()).as(target).isEqualTo(direct.statusCode());
      }
      get(proxy, "/v1/orders/1001", null); // 401 over both

      awaitAccounted(proxy.ledger(), targets.size() + 1);
      assertThat(proxy.ledger().verdicts()).allSatisfy(method -> {
        assertThat(method.counts().get(Outcome.MISMATCHED)).as(method.rpc() + " " + method.samples()).isZero();
        assertThat(method.counts().get(Outcome.GRPC_ERROR)).as(method.rpc()).isZero();
      });
      assertThat(proxy.ledger().verdicts()).extracting(ParityLedger.Verdict::rpc)
          .contains("sample_legacy_orders.v1.OrdersService.GetOrder", "sample_legacy_orders.v1.UsersService.ListUsers");
      assertThat(metrics(proxy)).contains("shadow_requests_total{outcome=\"matched\",rpc=\"sample_legacy_orders.v1.OrdersService.GetOrder\"} 3.0");
      String verdictOverHttp = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.adminAddress().getPort()
          + "/verdict")).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(verdictOverHttp).contains("\"rpc\" : \"sample_legacy_orders.v1.UsersService.ListUsers\"", "\"parity\" : 1.0");
    }
  }

  @Test
  void withTheGrpcSideDownClientsSeeNoDifferenceAndTheCallsAreCountedAsGrpcErrors() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(1))) { // nothing listens on port 1
      HttpResponse<String> viaProxy = get(proxy, "/v1/orders/1001", "sample-reader-token");
      HttpResponse<String> direct = CLIENT.send(request("http://127.0.0.1:" + app.httpPort() + "/v1/orders/1001", "sample-reader-token"),
          HttpResponse.BodyHandlers.ofString());

      assertThat(viaProxy.statusCode()).isEqualTo(200);
      assertThat(viaProxy.body()).isEqualTo(direct.body());
      awaitAccounted(proxy.ledger(), 1);
      assertThat(proxy.ledger().verdicts()).singleElement()
          .satisfies(method -> assertThat(method.counts().get(Outcome.GRPC_ERROR)).isEqualTo(1));
    }
  }

  @Test
  void aHungGrpcSideNeverHoldsTheClientsAnswerAndEndsAsAGrpcErrorAtTheDeadline() throws Exception {
    try (BrokenGrpcSide hung = BrokenGrpcSide.hung();
        ShadowProxy proxy = ShadowProxy.start(settings(hung.port(), Duration.ofSeconds(3)))) {
      HttpResponse<String> viaProxy = get(proxy, "/v1/orders/1001", "sample-reader-token");

      // ordering, not timing: the client has REST's whole answer while the shadow call is still pending
      assertThat(viaProxy.statusCode()).isEqualTo(200);
      assertThat(hung.called(5)).as("the shadow call reached the gRPC side").isTrue();
      assertThat(accounted(proxy.ledger())).as("nothing decided while the call hangs").isZero();
      awaitAccounted(proxy.ledger(), 1);
      assertThat(proxy.ledger().verdicts()).singleElement()
          .satisfies(method -> assertThat(method.counts().get(Outcome.GRPC_ERROR)).isEqualTo(1));
    }
  }

  @Test
  void aGrpcSideAnsweringGarbageChangesNothingForTheClientAndIsAGrpcError() throws Exception {
    try (BrokenGrpcSide garbage = BrokenGrpcSide.garbage(); ShadowProxy proxy = ShadowProxy.start(settings(garbage.port()))) {
      HttpResponse<String> viaProxy = get(proxy, "/v1/orders/1001", "sample-reader-token");
      HttpResponse<String> direct = CLIENT.send(request("http://127.0.0.1:" + app.httpPort() + "/v1/orders/1001", "sample-reader-token"),
          HttpResponse.BodyHandlers.ofString());

      assertThat(viaProxy.body()).isEqualTo(direct.body());
      awaitAccounted(proxy.ledger(), 1);
      assertThat(proxy.ledger().verdicts()).singleElement()
          .satisfies(method -> assertThat(method.counts().get(Outcome.GRPC_ERROR)).isEqualTo(1));
    }
  }

  @Test
  void aLimitedTokenRunsOutThroughTheProxyExactlyWhenItWouldWithoutIt() throws Exception {
    // sample-limited-token has 3 requests a minute; every one is shadowed, and the gRPC side's rate limiter skips
    // calls carrying the proxy's signed marker, so the client's 4th request is the first 429, as without the proxy
    try (ShadowProxy proxy = ShadowProxy.start(settings(app.grpcPort()))) {
      List<Integer> statuses = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(get(proxy, "/v1/users/1", "sample-limited-token").statusCode());
        awaitAccounted(proxy.ledger(), i + 1); // the shadow call has been answered before the next request
      }

      assertThat(statuses).containsExactly(200, 200, 200, 429);
      assertThat(proxy.ledger().verdicts()).singleElement().satisfies(method -> {
        assertThat(method.counts().get(Outcome.MATCHED)).isEqualTo(3);
        assertThat(method.counts().get(Outcome.SKIPPED)).as("REST's 429: the shadow is exempt, nothing to compare").isEqualTo(1);
      });
    }
  }

  @Test
  void aSlowRestSideIsWaitedForOffThePrimaryPathAndStillCompared() throws Exception {
    try (AlteringRestSide slow = AlteringRestSide.of(app.httpPort(), (target, nth, body) -> pause(Duration.ofMillis(1_500)));
        ShadowProxy proxy = ShadowProxy.start(SampleApp.proxyOptions(slow.port(), app.grpcPort(), "").settings())) {
      HttpResponse<String> viaProxy = get(proxy, "/v1/orders/1004", "sample-reader-token");
      HttpResponse<String> direct = CLIENT.send(request("http://127.0.0.1:" + app.httpPort() + "/v1/orders/1004", "sample-reader-token"),
          HttpResponse.BodyHandlers.ofString());

      assertThat(viaProxy.body()).isEqualTo(direct.body());
      awaitAccounted(proxy.ledger(), 1);
      assertThat(proxy.ledger().verdicts()).singleElement().satisfies(method -> {
        assertThat(method.counts().get(Outcome.MATCHED)).as(method.toString()).isEqualTo(1);
        // the gRPC answer came first and waited for REST's
        assertThat(method.latency().get(ParityLedger.Side.GRPC).maxMillis()).isLessThan(method.latency().get(ParityLedger.Side.REST)
            .maxMillis());
      });
    }
  }

  @Test
  void aGzipAnswerPassesByteForByteAndComparesDecoded() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(app.grpcPort()))) {
      HttpResponse<byte[]> viaProxy = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.address().getPort()
          + "/v1/orders?limit=3")).header("Authorization", "Bearer sample-reader-token").header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> direct = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort()
          + "/v1/orders?limit=3")).header("Authorization", "Bearer sample-reader-token").header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());

      assertThat(viaProxy.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(viaProxy.body()).isEqualTo(direct.body());
      awaitAccounted(proxy.ledger(), 1);
      assertThat(proxy.ledger().verdicts()).singleElement().satisfies(method ->
          assertThat(method.counts().get(Outcome.MATCHED)).as(method.samples().toString()).isEqualTo(1));
    }
  }

  @Test
  void shadowCallsReachAGrpcSideThatAsksForTheProxysCertificate(@TempDir Path folder) throws Exception {
    TestCertificates server = TestCertificates.create(folder, "grpc-side");
    TestCertificates client = TestCertificates.create(folder, "proxy");
    String trust = "grpc-ca: " + server.certificate() + "\n";
    try (BreakingGrpcSide tls = BreakingGrpcSide.mutualTls(app.grpcPort(), server, client)) {
      try (ShadowProxy proxy = ShadowProxy.start(settings(tls.port(), Duration.ofSeconds(5), trust + "grpc-cert: " + client.certificate()
          + "\ngrpc-key: " + client.privateKey() + "\n"))) {
        assertThat(get(proxy, "/v1/orders/1001", "sample-reader-token").statusCode()).isEqualTo(200);
        awaitAccounted(proxy.ledger(), 1);
        assertThat(proxy.ledger().verdicts()).singleElement().satisfies(method ->
            assertThat(method.counts().get(Outcome.MATCHED)).as(method.toString()).isEqualTo(1));
      }
      try (ShadowProxy withoutItsCertificate = ShadowProxy.start(settings(tls.port(), Duration.ofSeconds(5), trust))) {
        assertThat(get(withoutItsCertificate, "/v1/orders/1001", "sample-reader-token").statusCode()).isEqualTo(200);
        awaitAccounted(withoutItsCertificate.ledger(), 1);
        assertThat(withoutItsCertificate.ledger().verdicts()).singleElement().satisfies(method ->
            assertThat(method.counts().get(Outcome.GRPC_ERROR)).as("the handshake fails").isEqualTo(1));
      }
    }
  }

  @Test
  void aServerStreamIsComparedFrameByFrameWhetherItEndsOrGoesOn() throws Exception {
    // history to replay: an order created and changed, on REST directly
    String rest = "http://127.0.0.1:" + app.httpPort();
    HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(URI.create(rest + "/v1/orders"))
        .header("Authorization", "Bearer sample-writer-token").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": 2, \"items\": [{\"sku\": \"BOOK-1\", \"quantity\": 1}],"
            + " \"total\": {\"currency\": \"EUR\", \"amount_cents\": 100}}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String order = created.headers().firstValue("Location").orElseThrow();
    assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(rest + order + "/status")).header("Authorization", "Bearer sample-writer-token")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"in-progress\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    try (ShadowProxy proxy = ShadowProxy.start(settings(app.grpcPort(), Duration.ofSeconds(5), "stream-events: 2\n"))) {
      String proxied = "http://127.0.0.1:" + proxy.address().getPort() + "/v1/order-events";
      // a replay that ends: REST's whole stream against the gRPC side's
      HttpResponse<String> ended = CLIENT.send(HttpRequest.newBuilder(URI.create(proxied + "?limit=2"))
          .header("Authorization", "Bearer sample-reader-token").header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ended.body()).startsWith("retry:3000\n\n").contains("event:order.");
      awaitAccounted(proxy.ledger(), 1);
      // a replay that goes on live: its first two frames compared while the client waits for a third, which is counted
      CompletableFuture<HttpResponse<String>> live = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(proxied + "?limit=3"))
          .header("Authorization", "Bearer sample-reader-token").header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofString());
      awaitAccounted(proxy.ledger(), 2);
      assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(rest + order + "/status")).header("Authorization", "Bearer sample-writer-token")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"shipped\"}")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(live.get(20, TimeUnit.SECONDS).body()).contains("\"status\":\"shipped\"");
      assertThat(metrics(proxy)).contains("shadow_stream_events_uncompared_total{rpc=\"sample_legacy_orders.v1.StreamingService.StreamOrderEvents\"} 1.0");

      assertThat(proxy.ledger().verdicts()).singleElement().satisfies(method -> {
        assertThat(method.rpc()).isEqualTo("sample_legacy_orders.v1.StreamingService.StreamOrderEvents");
        assertThat(method.counts().get(Outcome.MATCHED)).as(method.samples().toString()).isEqualTo(2);
      });
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ShadowSettings settings(int grpcPort) {
    return settings(grpcPort, Duration.ofSeconds(5));
  }

  private static ShadowSettings settings(int grpcPort, Duration deadline) {
    return settings(grpcPort, deadline, "");
  }

  private static ShadowSettings settings(int grpcPort, Duration deadline, String more) {
    return SampleApp.proxyOptions(app.httpPort(), grpcPort, "max-concurrent-shadows: 16\nshadow-deadline: " + deadline.toMillis()
        + "ms\n" + more).settings();
  }


  private static String metrics(ShadowProxy proxy) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.adminAddress().getPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static HttpResponse<String> get(ShadowProxy proxy, String target, String token) throws Exception {
    return CLIENT.send(request("http://127.0.0.1:" + proxy.address().getPort() + target, token), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }
}
