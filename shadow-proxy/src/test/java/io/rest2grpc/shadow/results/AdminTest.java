package io.rest2grpc.shadow.results;

import static io.rest2grpc.shadow.support.Ledgers.accounted;
import static io.rest2grpc.shadow.support.Ledgers.awaitAccounted;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.config.ProxyOptions;
import io.rest2grpc.shadow.support.SampleApp;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin port and the proxy's life, with a real REST upstream on 127.0.0.1 and a gRPC side that is down: the
 * token, readiness (the REST upstream only), the passthrough switch, and the drain on close.
 */
class AdminTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final CountDownLatch slowArrived = new CountDownLatch(1);
  private HttpServer upstream;

  @BeforeEach
  void startTheUpstream() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool()); // the slow request must not hold the others
    upstream.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().equals("/v1/orders/1002")) {
        slowArrived.countDown();
        sleep(1_500);
      }
      byte[] body = "{\"id\": \"1001\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    upstream.start();
  }

  @AfterEach
  void stopTheUpstream() {
    upstream.stop(0);
  }

  @Test
  void withATokenEveryEndpointButReadinessAsksForIt() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings("admin-token: s3cret\n"))) {
      assertThat(admin(proxy, "GET", "/verdict", null).statusCode()).isEqualTo(401);
      assertThat(admin(proxy, "GET", "/", null).statusCode()).isEqualTo(401);
      assertThat(admin(proxy, "GET", "/verdict", "s3cret").statusCode()).isEqualTo(200);
      assertThat(admin(proxy, "GET", "/?token=s3cret", null).body()).contains("<title>shadow-proxy: parity report</title>");
      assertThat(admin(proxy, "GET", "/ready", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void readinessFollowsTheRestUpstreamAlone() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(""))) {
      assertThat(admin(proxy, "GET", "/ready", null).statusCode()).as("the gRPC side is down, which does not matter").isEqualTo(200);
      upstream.stop(0);

      HttpResponse<String> ready = admin(proxy, "GET", "/ready", null);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("the REST upstream 127.0.0.1:").contains("does not accept connections");
    }
  }

  @Test
  void passthroughStopsAllShadowWorkUntilSwitchedOff() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(""))) {
      get(proxy, "/v1/orders/1001");
      awaitAccounted(proxy.ledger(), 1); // a gRPC error: the gRPC side is down

      assertThat(admin(proxy, "POST", "/passthrough?on=maybe", null).statusCode()).isEqualTo(400);
      assertThat(admin(proxy, "POST", "/passthrough?on=true", null).body()).contains("\"passthrough\" : true");
      get(proxy, "/v1/orders/1001");
      get(proxy, "/v1/orders/1001");
      assertThat(accounted(proxy.ledger())).isEqualTo(1);
      assertThat(admin(proxy, "GET", "/verdict", null).body()).contains("\"passthrough\" : true");

      admin(proxy, "POST", "/passthrough?on=false", null);
      get(proxy, "/v1/orders/1001");
      awaitAccounted(proxy.ledger(), 2);
    }
  }

  @Test
  void closingLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
    ShadowProxy proxy = ShadowProxy.start(settings("sample: 0\n"));
    CompletableFuture<HttpResponse<String>> inFlight = CLIENT.sendAsync(request(proxy, "/v1/orders/1002"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(slowArrived.await(10, TimeUnit.SECONDS)).isTrue();

    proxy.close();

    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(inFlight.get().body()).contains("1001");
    assertThat(CLIENT.sendAsync(request(proxy, "/v1/orders/1001"), HttpResponse.BodyHandlers.ofString()))
        .failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(ConnectException.class);
  }

  private ShadowSettings settings(String more) {
    return ProxyOptions.parse("""
        rest-upstream: http://127.0.0.1:%d
        grpc-upstream: 127.0.0.1:1
        descriptor-set: %s
        listen: 127.0.0.1:0
        admin: 127.0.0.1:0
        shadow-deadline: 2s
        """.formatted(upstream.getAddress().getPort(), SampleApp.descriptorSet()) + more, "test").settings();
  }

  private static HttpRequest request(ShadowProxy proxy, String target) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.address().getPort() + target))
        .header("Authorization", "Bearer t").timeout(Duration.ofSeconds(20)).build();
  }

  private static void get(ShadowProxy proxy, String target) throws Exception {
    assertThat(CLIENT.send(request(proxy, target), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> admin(ShadowProxy proxy, String method, String target, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.adminAddress().getPort() + target))
        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
