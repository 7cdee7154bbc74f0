package io.rest2grpc.shadow.results;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rest2grpc.shadow.compare.Mismatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What shadowing found, per RPC: requests compared (matched or mismatched, by kind), gRPC errors (no answer of the
 * service's), requests dropped (too many shadow calls in flight) or skipped (a body above the limit), and the last
 * few mismatches. Counted as Prometheus counters too ({@code shadow_requests_total{rpc,outcome}},
 * {@code shadow_mismatches_total{rpc,kind}}); {@link #verdicts} is the machine-readable parity per method.
 */
public final class ParityLedger {
  private static final int KEPT_SAMPLES = 5;

  public enum Outcome { MATCHED, MISMATCHED, GRPC_ERROR, DROPPED, SKIPPED }

  /** One recorded mismatching answer: which request, and how it differed. */
  public record Sample(Instant at, String request, List<Mismatch> mismatches) {}

  /**
   * The parity of one RPC.
   *
   * @param parity matched / compared, 1 when nothing was compared yet
   * @param fullParitySince when the last mismatch was seen or, without one, the first comparison; null before any
   */
  public record Verdict(String rpc, Map<Outcome, Long> counts, Map<Mismatch.Kind, Long> mismatchKinds, double parity,
      Instant fullParitySince, List<Sample> samples) {}

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public ParityLedger(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  public void record(String rpc, Outcome outcome) {
    entry(rpc).count(outcome);
  }

  public void mismatched(String rpc, String request, List<Mismatch> mismatches) {
    entry(rpc).mismatched(new Sample(clock.instant(), request, List.copyOf(mismatches)));
  }

  /** Every RPC seen, by name. */
  public List<Verdict> verdicts() {
    List<Verdict> verdicts = new ArrayList<>();
    new TreeMap<>(entries).forEach((rpc, entry) -> verdicts.add(entry.verdict(rpc)));
    return verdicts;
  }

  private Entry entry(String rpc) {
    return entries.computeIfAbsent(rpc, Entry::new);
  }

  private final class Entry {
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Map<Mismatch.Kind, LongAdder> kinds = new EnumMap<>(Mismatch.Kind.class);
    private final Map<Mismatch.Kind, Counter> kindCounters = new EnumMap<>(Mismatch.Kind.class);
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Instant firstCompared;
    private Instant lastMismatch;

    Entry(String rpc) {
      for (Outcome outcome : Outcome.values()) {
        counts.put(outcome, new LongAdder());
        counters.put(outcome, Counter.builder("shadow.requests").tag("rpc", rpc).tag("outcome", outcome.name().toLowerCase())
            .register(registry));
      }
      for (Mismatch.Kind kind : Mismatch.Kind.values()) {
        kinds.put(kind, new LongAdder());
        kindCounters.put(kind, Counter.builder("shadow.mismatches").tag("rpc", rpc).tag("kind", kind.name().toLowerCase())
            .register(registry));
      }
    }

    void count(Outcome outcome) {
      counts.get(outcome).increment();
      counters.get(outcome).increment();
      if (outcome == Outcome.MATCHED) {
        synchronized (this) {
          if (firstCompared == null) {
            firstCompared = clock.instant();
          }
        }
      }
    }

    void mismatched(Sample sample) {
      count(Outcome.MISMATCHED);
      sample.mismatches().stream().map(Mismatch::kind).distinct().forEach(kind -> {
        kinds.get(kind).increment();
        kindCounters.get(kind).increment();
      });
      synchronized (this) {
        lastMismatch = sample.at();
        if (firstCompared == null) {
          firstCompared = sample.at();
        }
        samples.addFirst(sample);
        while (samples.size() > KEPT_SAMPLES) {
          samples.removeLast();
        }
      }
    }

    synchronized Verdict verdict(String rpc) {
      Map<Outcome, Long> byOutcome = new LinkedHashMap<>();
      counts.forEach((outcome, count) -> byOutcome.put(outcome, count.sum()));
      Map<Mismatch.Kind, Long> byKind = new LinkedHashMap<>();
      kinds.forEach((kind, count) -> byKind.put(kind, count.sum()));
      long matched = byOutcome.get(Outcome.MATCHED);
      long compared = matched + byOutcome.get(Outcome.MISMATCHED);
      return new Verdict(rpc, byOutcome, byKind, compared == 0 ? 1 : (double) matched / compared,
          lastMismatch != null ? lastMismatch : firstCompared, List.copyOf(samples));
    }
  }
}
