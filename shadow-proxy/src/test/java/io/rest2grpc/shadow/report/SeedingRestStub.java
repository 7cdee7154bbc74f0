package io.rest2grpc.shadow.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A REST service on 127.0.0.1 that passes every request on to the real one and answers what it answered, but for
 * one target, where it changes one field of the JSON body: the proxy in front of it then finds exactly that field
 * different from what the gRPC side (which the stub does not touch) answers.
 */
final class SeedingRestStub implements AutoCloseable {
  // hop-by-hop, or set by the JDK's client and server themselves
  private static final Set<String> NOT_PASSED = Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive",
      "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-connection");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI upstream;
  private final String seededTarget;
  private final String seededPointer;
  private final JsonNode seededValue;

  private SeedingRestStub(URI upstream, String seededTarget, String seededPointer, JsonNode seededValue) throws IOException {
    this.upstream = upstream;
    this.seededTarget = seededTarget;
    this.seededPointer = seededPointer;
    this.seededValue = seededValue;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  /** Answers as {@code upstream} does, but the JSON body of {@code GET target} has {@code value} at {@code pointer}. */
  static SeedingRestStub seeding(URI upstream, String target, String pointer, JsonNode value) throws IOException {
    return new SeedingRestStub(upstream, target, pointer, value);
  }

  int port() {
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
        if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = answer.body();
      if (exchange.getRequestMethod().equals("GET") && target.equals(seededTarget)) {
        Optional<byte[]> seeded = seeded(body);
        if (seeded.isEmpty()) { // the test's own mistake: told to the client, which the test asserts on
          byte[] why = ("the answer to " + target + " has no field at " + seededPointer + ": " + new String(body, UTF_8)).getBytes(UTF_8);
          exchange.sendResponseHeaders(500, why.length);
          exchange.getResponseBody().write(why);
          return;
        }
        body = seeded.get();
      }
      answer.headers().map().forEach((name, values) -> {
        if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
          exchange.getResponseHeaders().put(name, List.copyOf(values));
        }
      });
      exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<byte[]> seeded(byte[] body) throws IOException {
    JsonNode json = JSON.readTree(body);
    JsonPointer pointer = JsonPointer.compile(seededPointer);
    String field = pointer.last().getMatchingProperty();
    if (!(json.at(pointer.head()) instanceof ObjectNode parent) || !parent.has(field)) {
      return Optional.empty();
    }
    parent.set(field, seededValue);
    return Optional.of(JSON.writeValueAsBytes(json));
  }
}
