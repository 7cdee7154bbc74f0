package io.rest2grpc.shadow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A REST service on 127.0.0.1 that passes every request on to the real one and answers what it answered, except that
 * a GET's JSON body goes through {@link Alteration} first: the proxy in front of it then finds REST's answer different
 * from the gRPC side's (which this does not touch) exactly where the test altered it.
 */
public final class AlteringRestSide implements AutoCloseable {
  // the JDK client sets these itself, or refuses them
  private static final Set<String> NOT_PASSED = Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive",
      "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-connection");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Changes, in place, the JSON body REST gave to the {@code nth} (from 1) GET of {@code target}. */
  @FunctionalInterface
  public interface Alteration {
    void alter(String target, int nth, JsonNode body);
  }

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private final Alteration alteration;
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

  private AlteringRestSide(URI upstream, Alteration alteration) throws IOException {
    this.upstream = upstream;
    this.alteration = alteration;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  public static AlteringRestSide of(int restPort, Alteration alteration) throws IOException {
    return new AlteringRestSide(URI.create("http://127.0.0.1:" + restPort), alteration);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestURI().toString();
      HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(target)).timeout(Duration.ofSeconds(20))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_PASSED.contains(name.toLowerCase())) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = answer.body();
      if (exchange.getRequestMethod().equals("GET") && answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
        JsonNode json = JSON.readTree(body);
        alteration.alter(target, asked.computeIfAbsent(target, any -> new AtomicInteger()).incrementAndGet(), json);
        body = JSON.writeValueAsBytes(json);
      }
      answer.headers().map().forEach((name, values) -> {
        if (!NOT_PASSED.contains(name.toLowerCase()) && !name.equals(":status")) {
          exchange.getResponseHeaders().put(name, List.copyOf(values));
        }
      });
      exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
