package io.rest2grpc.shadow.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.rest2grpc.shadow.ShadowProxy.ProxyState;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.shadowing.Comparisons;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The admin port: the report page ({@code /}), the parity per method ({@code /verdict}, JSON), the mismatches kept
 * ({@code /diffs}), Prometheus metrics ({@code /metrics}), readiness ({@code /ready}: the REST upstream answers
 * connections and the proxy is not draining) and the runtime switch that stops all shadow work
 * ({@code POST /passthrough?on=true}). With an admin token every endpoint but {@code /ready} asks for it, as
 * {@code Authorization: Bearer …} or, for the page in a browser, {@code ?token=…}.
 */
public final class AdminServer {
  private static final byte[] REPORT_PAGE = reportPage();

  private final ShadowSettings settings;
  private final PrometheusMeterRegistry registry;
  private final Comparisons comparisons;
  private final ProxyState state;

  private AdminServer(ShadowSettings settings, PrometheusMeterRegistry registry, Comparisons comparisons, ProxyState state) {
    this.settings = settings;
    this.registry = registry;
    this.comparisons = comparisons;
    this.state = state;
  }

  public static DisposableServer start(ShadowSettings settings, PrometheusMeterRegistry registry, Comparisons comparisons,
      ProxyState state) {
    AdminServer admin = new AdminServer(settings, registry, comparisons, state);
    return HttpServer.create().bindAddress(settings::admin).route(admin::routes).bindNow();
  }

  private void routes(HttpServerRoutes routes) {
    routes
        .get("/", guarded((request, response) -> response.header("Content-Type", "text/html; charset=utf-8")
            .sendByteArray(Mono.just(REPORT_PAGE))))
        .get("/verdict", guarded((request, response) -> json(response, VerdictDocument.of(comparisons.ledger(), settings.routes(),
            comparisons.noise(), state.passthrough()))))
        .get("/diffs", guarded((request, response) -> {
          Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
          int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit").get(0)) : 20;
          DiffStore diffs = comparisons.ledger().diffs();
          return json(response, Map.of("diffs", query.containsKey("rpc") ? diffs.latest(query.get("rpc").get(0), limit)
              : diffs.latest(limit)));
        }))
        .get("/metrics", guarded((request, response) -> response.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .sendString(Mono.fromSupplier(registry::scrape))))
        .get("/passthrough", guarded((request, response) -> json(response, Map.of("passthrough", state.passthrough()))))
        .post("/passthrough", guarded((request, response) -> {
          List<String> on = new QueryStringDecoder(request.uri()).parameters().getOrDefault("on", List.of());
          if (on.size() != 1 || !(on.get(0).equals("true") || on.get(0).equals("false"))) {
            return response.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just("give ?on=true or ?on=false\n"));
          }
          state.passthrough(Boolean.parseBoolean(on.get(0)));
          return json(response, Map.of("passthrough", state.passthrough()));
        }))
        .get("/ready", (request, response) -> Mono.fromCallable(this::ready).subscribeOn(Schedulers.boundedElastic())
            .flatMap(why -> why.map(reason -> response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).sendString(Mono.just(reason + "\n")))
                .orElseGet(() -> response.sendString(Mono.just("ready\n"))).then()));
  }

  /** Empty when ready; otherwise why not. */
  private Optional<String> ready() {
    if (state.draining()) {
      return Optional.of("draining: the proxy is shutting down");
    }
    String host = settings.restUpstream().getHost();
    int port = settings.restUpstream().getPort() > 0 ? settings.restUpstream().getPort()
        : settings.restUpstream().getScheme().equals("https") ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return Optional.empty();
    } catch (IOException unreachable) {
      return Optional.of("the REST upstream " + host + ":" + port + " does not accept connections: " + unreachable.getMessage());
    }
  }

  private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> guarded(
      BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
    return (request, response) -> {
      if (settings.adminToken().isPresent() && !authorized(request, settings.adminToken().get())) {
        return response.status(HttpResponseStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
            .sendString(Mono.just("the admin port asks for its token: Authorization: Bearer <admin-token>, or ?token=<admin-token>\n"));
      }
      return handler.apply(request, response);
    };
  }

  private static boolean authorized(HttpServerRequest request, String token) {
    String header = request.requestHeaders().get("Authorization", "");
    List<String> query = new QueryStringDecoder(request.uri()).parameters().getOrDefault("token", List.of());
    String given = header.startsWith("Bearer ") ? header.substring(7) : query.isEmpty() ? "" : query.get(0);
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private static Publisher<Void> json(HttpServerResponse response, Object document) {
    try {
      return response.header("Content-Type", "application/json").header("Cache-Control", "no-store")
          .sendString(Mono.just(DiffStore.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] reportPage() {
    try (InputStream page = AdminServer.class.getResourceAsStream("report.html")) {
      if (page == null) {
        throw new IllegalStateException("report.html is missing from the proxy's jar");
      }
      return page.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
