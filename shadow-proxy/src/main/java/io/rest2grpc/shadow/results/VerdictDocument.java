package io.rest2grpc.shadow.results;

import io.rest2grpc.shadow.compare.Mismatch;
import io.rest2grpc.shadow.compare.NoiseModel;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.RouteRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable parity verdict ({@code /verdict}), what the cutover step reads:
 * {@code {"passthrough": false, "methods": [{"rpc": …, "rule": {…}, "counts": {…}, "mismatch_kinds": {…},
 * "parity": 0.98, "full_parity_since": …, "rechecked_away": 0, "latency_ms": {…}, "noise": […], "samples": […]}]}}.
 */
public final class VerdictDocument {

  private VerdictDocument() {}

  public static Map<String, Object> of(ParityLedger ledger, RouteRules routes, NoiseModel noise, boolean passthrough) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("generated_at", ledger.clock().instant().toString());
    document.put("passthrough", passthrough);
    document.put("methods", ledger.verdicts().stream().map(verdict -> method(verdict, routes.rule(verdict.rpc()),
        noise.learned(verdict.rpc()))).toList());
    return document;
  }

  private static Map<String, Object> method(ParityLedger.Verdict verdict, RouteRule rule, List<NoiseModel.NoisyPath> noise) {
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("rpc", verdict.rpc());
    method.put("rule", Map.of("sample", rule.sampleRate(), "writes", lower(rule.writes()), "traffic_dependent",
        lower(rule.trafficDependence()), "ignored", rule.ignored().patterns().stream().map(Object::toString).toList()));
    Map<String, Long> counts = new LinkedHashMap<>();
    verdict.counts().forEach((outcome, count) -> counts.put(lower(outcome), count));
    method.put("counts", counts);
    Map<String, Long> kinds = new LinkedHashMap<>();
    verdict.mismatchKinds().forEach((kind, count) -> kinds.put(lower(kind), count));
    method.put("mismatch_kinds", kinds);
    method.put("parity", verdict.parity());
    method.put("full_parity_since", verdict.fullParitySince() == null ? null : verdict.fullParitySince().toString());
    method.put("rechecked_away", verdict.recheckedAway());
    Map<String, Object> latency = new LinkedHashMap<>();
    verdict.latency().forEach((side, value) -> latency.put(lower(side), Map.of("count", value.count(), "p50", value.p50Millis(),
        "p99", value.p99Millis(), "max", value.maxMillis())));
    method.put("latency_ms", latency);
    method.put("noise", noise.stream().map(path -> Map.of("path", path.path(), "noise_rate", path.noiseRate(), "mismatch_rate",
        path.mismatchRate())).toList());
    method.put("samples", verdict.samples().stream().map(diff -> Map.of("at", diff.at().toString(), "request", diff.request(),
        "mismatches", diff.mismatches().stream().map(Mismatch::describe).toList())).toList());
    return method;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
