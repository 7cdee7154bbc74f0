package io.rest2grpc.shadow.primary;

import static io.rest2grpc.shadow.support.Ledgers.awaitAccounted;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.config.ProxyOptions;
import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.support.SampleApp;
import io.rest2grpc.shadow.support.TestCertificates;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.DisposableServer;

/**
 * What the REST service receives through the proxy, seen by a real HTTP server on 127.0.0.1 that records its
 * request's headers and answers with its own hop-by-hop header: end-to-end headers pass, hop-by-hop ones do not,
 * either way; the forwarded headers only when asked for.
 */
class PrimaryPathHeadersTest {
  private final AtomicReference<Map<String, List<String>>> received = new AtomicReference<>();
  private final CountDownLatch firstEventSeen = new CountDownLatch(1);
  private HttpServer upstream;

  @BeforeEach
  void startTheUpstream() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext("/", exchange -> {
      received.set(new TreeMap<>(String.CASE_INSENSITIVE_ORDER) {
        {
          putAll(exchange.getRequestHeaders());
        }
      });
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      if (exchange.getRequestURI().getPath().equals("/events")) { // an SSE stream whose second event waits for the test
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("data: one\n\n".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        await(firstEventSeen);
        exchange.getResponseBody().write("data: two\n\n".getBytes(StandardCharsets.UTF_8));
        exchange.close();
        return;
      }
      if (exchange.getRequestURI().getPath().equals("/chunked")) { // as Spring writes most JSON: no length, chunked
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(body);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Connection", "X-Upstream-Hop");
      exchange.getResponseHeaders().add("X-Upstream-Hop", "only for the proxy");
      exchange.getResponseHeaders().add("ETag", "\"v7\"");
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
  void endToEndHeadersPassAndHopByHopOnesStopAtTheProxyBothWays() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(false))) {
      // written by hand: an HTTP client library refuses to send most hop-by-hop headers itself
      String response = rawExchange(proxy, "GET /anything?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive, X-Client-Hop\r\n"
          + "X-Client-Hop: only for the proxy\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic eDp5\r\n"
          + "Authorization: Bearer t\r\nX-Request-Id: r-1\r\n\r\n");

      assertThat(received.get()).containsKeys("Authorization", "X-Request-Id").doesNotContainKeys("X-Client-Hop", "Keep-Alive", "TE",
          "Proxy-Authorization", "X-Forwarded-For", "Via");
      assertThat(response).startsWith("HTTP/1.1 200").contains("{\"ok\":true}").containsIgnoringCase("etag: \"v7\"")
          .doesNotContainIgnoringCase("X-Upstream-Hop");
    }
  }

  @Test
  void clientsConnectWithTlsAndGetHttp2ByAlpn(@TempDir Path folder) throws Exception {
    TestCertificates certificates = TestCertificates.create(folder, "proxy");
    try (ShadowProxy proxy = ShadowProxy.start(settings(false, "tls-cert: " + certificates.certificate() + "\ntls-key: "
        + certificates.privateKey() + "\n"))) {
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(certificates.certificate())).build();

      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + proxy.address().getPort()
          + "/anything")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"ok\":true}");
      assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }
  }

  @Test
  void anEventStreamReachesTheClientEventByEventAsRestSendsIt() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(false))) {
      HttpResponse<Stream<String>> events = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
          .send(HttpRequest.newBuilder(uri(proxy, "/events")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofLines());
      Iterator<String> lines = events.body().iterator();

      // ordering: the first event is here while REST still holds back the second, waiting for this very moment
      assertThat(lines.next()).isEqualTo("data: one");
      firstEventSeen.countDown();
      assertThat(lines.next()).isEmpty();
      assertThat(lines.next()).isEqualTo("data: two");
      assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    }
  }

  @Test
  void aChunkedAnswerKeepsTheClientsConnectionOpen() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(false)); Socket socket = new Socket("127.0.0.1", proxy.address().getPort())) {
      socket.setSoTimeout(10_000);
      String first = exchangeOn(socket, "GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      String second = exchangeOn(socket, "GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

      assertThat(first).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked")
          .doesNotContainIgnoringCase("connection: close");
      assertThat(second).as("the same connection answers again").startsWith("HTTP/1.1 200").contains("{\"ok\":true}");
    }
  }

  @Test
  void forwardedHeadersTellTheServiceWhoTheClientWasWhenAskedFor() throws Exception {
    try (ShadowProxy proxy = ShadowProxy.start(settings(true))) {
      send(proxy, HttpRequest.newBuilder(uri(proxy, "/anything")).header("X-Forwarded-For", "203.0.113.9"));

      assertThat(received.get().get("X-Forwarded-For")).containsExactly("203.0.113.9, 127.0.0.1");
      assertThat(received.get().get("X-Forwarded-Host")).containsExactly("127.0.0.1:" + proxy.address().getPort());
      assertThat(received.get().get("X-Forwarded-Proto")).containsExactly("http");
      assertThat(received.get().get("Via")).containsExactly(ForwardedHeaders.VIA);
    }
  }

  @Test
  void aRequestExpectingContinueGetsItAndRestsAnswerButIsNeverShadowed() throws Exception {
    // CreateOrder's writes mirrored to a gRPC side that is down: a shadowed request would count as a gRPC error
    try (ShadowProxy proxy = ShadowProxy.start(settings(false, "sample: 1\nroutes:\n  sample_legacy_orders.v1.OrdersService.CreateOrder:"
        + "\n    writes: unsafe\n")); Socket socket = new Socket("127.0.0.1", proxy.address().getPort())) {
      socket.setSoTimeout(10_000);
      String head = "POST /v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 13\r\n";
      socket.getOutputStream().write((head + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(readHead(socket.getInputStream())).as("the go-ahead, before any byte of the body").startsWith("HTTP/1.1 100");
      String answer = exchangeOn(socket, "{\"user_id\":1}");
      assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"ok\":true}");
      assertThat(proxy.ledger().verdicts()).as("not shadowed").isEmpty();

      exchangeOn(socket, head + "\r\n{\"user_id\":1}");
      awaitAccounted(proxy.ledger(), 1);
      assertThat(proxy.ledger().verdicts()).as("the same request without the expectation is").singleElement()
          .satisfies(method -> assertThat(method.counts().get(ParityLedger.Outcome.GRPC_ERROR)).isEqualTo(1));
    }
  }

  @Test
  void aWebSocketPassesThroughBothWays() throws Exception {
    AtomicReference<String> authorization = new AtomicReference<>();
    DisposableServer sockets = reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(0)
        .route(routes -> routes.ws("/v1/socket", (in, out) -> {
          authorization.set(in.headers().get("Authorization"));
          return out.sendString(in.receive().asString().map(text -> "echo: " + text));
        })).bindNow();
    try (ShadowProxy proxy = ShadowProxy.start(ProxyOptions.parse("rest-upstream: http://127.0.0.1:" + sockets.port() + "\n", "test")
        .over(options(false, "")).settings())) {
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer t")
          .buildAsync(URI.create("ws://127.0.0.1:" + proxy.address().getPort() + "/v1/socket"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              received.add(data.toString());
              webSocket.request(1);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
      socket.sendText("again", true).get(10, TimeUnit.SECONDS);

      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: hello");
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: again");
      assertThat(authorization.get()).isEqualTo("Bearer t");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    } finally {
      sockets.disposeNow();
    }
  }

  private ShadowSettings settings(boolean forwarded) {
    return settings(forwarded, "");
  }

  private ShadowSettings settings(boolean forwarded, String more) {
    return options(forwarded, more).settings();
  }

  private ProxyOptions options(boolean forwarded, String more) {
    // nothing is shadowed (sample rate 0) unless more says so: this is the primary path alone
    return ProxyOptions.parse("""
        rest-upstream: http://127.0.0.1:%d
        grpc-upstream: 127.0.0.1:1
        descriptor-set: %s
        listen: 127.0.0.1:0
        admin: 127.0.0.1:0
        sample: 0
        forwarded-headers: %s
        """.formatted(upstream.getAddress().getPort(), SampleApp.descriptorSet(), forwarded) + more, "test");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static SSLContext trusting(Path certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry("proxy", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static URI uri(ShadowProxy proxy, String target) {
    return URI.create("http://127.0.0.1:" + proxy.address().getPort() + target);
  }

  /** One request written as is on a new connection, and the response read until its body is complete. */
  private static String rawExchange(ShadowProxy proxy, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", proxy.address().getPort())) {
      socket.setSoTimeout(10_000);
      return exchangeOn(socket, request);
    }
  }

  /** Writes {@code request} and reads until the answer's body (a chunked one's last chunk too) has come. */
  private static String exchangeOn(Socket socket, String request) throws Exception {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    StringBuilder response = new StringBuilder();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    while (!response.toString().endsWith("{\"ok\":true}") && !response.toString().endsWith("\r\n0\r\n\r\n")) {
      int read = in.read(buffer);
      if (read < 0) {
        break;
      }
      response.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
    }
    return response.toString();
  }

  /** Reads one response head, up to its blank line, byte by byte so that nothing after it is taken. */
  private static String readHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.append((char) next);
    }
    return head.toString();
  }

  private static HttpResponse<String> send(ShadowProxy proxy, HttpRequest.Builder request) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
