package io.rest2grpc.shadow.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rest2grpc.shadow.compare.Mismatch;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The admin port: {@code /metrics} (Prometheus text) and {@code /verdict} (the parity per method, JSON). */
public final class AdminServer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AdminServer() {}

  public static DisposableServer start(InetSocketAddress address, PrometheusMeterRegistry registry, ParityLedger ledger) {
    return HttpServer.create().bindAddress(() -> address)
        .route(routes -> routes
            .get("/metrics", (request, response) -> response.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .sendString(Mono.fromSupplier(registry::scrape)))
            .get("/verdict", (request, response) -> response.header("Content-Type", "application/json")
                .sendString(Mono.fromSupplier(() -> verdictJson(ledger)))))
        .bindNow();
  }

  /** {@code {"methods": [{"rpc": …, "counts": {…}, "mismatch_kinds": {…}, "parity": 0.98, …}]}}. */
  public static String verdictJson(ParityLedger ledger) {
    List<Map<String, Object>> methods = ledger.verdicts().stream().map(AdminServer::json).toList();
    try {
      return JSON.writeValueAsString(Map.of("methods", methods));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> json(ParityLedger.Verdict verdict) {
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("rpc", verdict.rpc());
    Map<String, Long> counts = new LinkedHashMap<>();
    verdict.counts().forEach((outcome, count) -> counts.put(outcome.name().toLowerCase(), count));
    method.put("counts", counts);
    Map<String, Long> kinds = new LinkedHashMap<>();
    verdict.mismatchKinds().forEach((kind, count) -> kinds.put(kind.name().toLowerCase(), count));
    method.put("mismatch_kinds", kinds);
    method.put("parity", verdict.parity());
    method.put("full_parity_since", verdict.fullParitySince() == null ? null : verdict.fullParitySince().toString());
    method.put("samples", verdict.samples().stream().map(sample -> Map.of("at", sample.at().toString(), "request", sample.request(),
        "mismatches", sample.mismatches().stream().map(Mismatch::describe).toList())).toList());
    return method;
  }
}
