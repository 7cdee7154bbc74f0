package io.rest2grpc.benchmarks.stubs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code RestStub DESCRIPTOR_SET PORT DELAY_MS}: answers every request on 127.0.0.1:PORT with the canned order in REST
 * terms, after DELAY_MS. The slow candidate behind nginx {@code mirror}; nginx cannot delay a {@code return} itself.
 * The delay is a timer, not a sleeping thread per request, so any number of requests can wait at once.
 */
public final class RestStub {
  private RestStub() {}

  public static void main(String[] args) throws Exception {
    RestResponse answer = CannedOrder.of(Path.of(args[0])).rest();
    int port = Integer.parseInt(args[1]);
    long delayMillis = Long.parseLong(args[2]);
    byte[] body = answer.body().toByteArray();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      timer.schedule(() -> send(exchange, answer, body), delayMillis, TimeUnit.MILLISECONDS);
    });
    server.start();
    System.out.println("rest stub: 127.0.0.1:" + server.getAddress().getPort() + ", answering after " + delayMillis + " ms");
  }

  private static void send(HttpExchange exchange, RestResponse answer, byte[] body) {
    for (RestHeaders.Header header : answer.headers().list()) {
      exchange.getResponseHeaders().add(header.name(), header.value());
    }
    exchange.getResponseHeaders().set("Content-Type", answer.mediaType());
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(answer.status(), body.length);
      out.write(body);
    } catch (IOException clientGone) {
      // nothing to answer: nginx gave up on the mirror subrequest
    } finally {
      exchange.close();
    }
  }
}
