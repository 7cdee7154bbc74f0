package io.rest2grpc.shadow.results;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.rest2grpc.shadow.compare.Mismatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What shadowing found, per RPC: requests compared (matched or mismatched, by kind), gRPC errors (no answer of the
 * service's), requests dropped (too much shadow work at once) or skipped (nothing to compare), mismatches that a
 * re-check found gone, and the latency of both sides. Counted as Prometheus meters too
 * ({@code shadow_requests_total{rpc,outcome}}, {@code shadow_mismatches_total{rpc,kind}},
 * {@code shadow_latency_seconds{rpc,side}}); the mismatches themselves go to the {@link DiffStore};
 * {@link #verdicts} is the machine-readable parity per method.
 */
public final class ParityLedger {
  private static final int VERDICT_SAMPLES = 5;

  public enum Outcome { MATCHED, MISMATCHED, GRPC_ERROR, DROPPED, SKIPPED }

  /** The side of a latency: REST's answer to the client, or the shadow call's. */
  public enum Side { REST, GRPC }

  /** A side's latency: how many were timed, and the percentiles over the last two minutes. */
  public record Latency(long count, double p50Millis, double p99Millis, double maxMillis) {}

  /**
   * The parity of one RPC.
   *
   * @param parity matched / compared, 1 when nothing was compared yet
   * @param fullParitySince when the last mismatch was seen or, without one, the first comparison; null before any
   * @param recheckedAway mismatches that were gone when both sides were asked again (counted as matched)
   * @param samples the newest mismatches
   */
  public record Verdict(String rpc, Map<Outcome, Long> counts, Map<Mismatch.Kind, Long> mismatchKinds, double parity,
      Instant fullParitySince, long recheckedAway, Map<Side, Latency> latency, List<Diff> samples) {}

  private final MeterRegistry registry;
  private final Clock clock;
  private final DiffStore diffs;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public ParityLedger(MeterRegistry registry, Clock clock, DiffStore diffs) {
    this.registry = registry;
    this.clock = clock;
    this.diffs = diffs;
  }

  public void record(String rpc, Outcome outcome) {
    entry(rpc).count(outcome);
  }

  /** Keeps {@code diff} first, so that a mismatch counted is one kept. */
  public void mismatched(Diff diff) {
    diffs.add(diff);
    entry(diff.rpc()).mismatched(diff);
  }

  public void recheckedAway(String rpc) {
    entry(rpc).recheckedAway.increment();
    record(rpc, Outcome.MATCHED);
  }

  /** Frames of a REST stream past the ones compared: counted, not compared. */
  public void uncomparedEvents(String rpc, long frames) {
    Counter.builder("shadow.stream.events.uncompared").tag("rpc", rpc).register(registry).increment(frames);
  }

  public void latency(String rpc, Side side, Duration took) {
    entry(rpc).timers.get(side).record(took);
  }

  public DiffStore diffs() {
    return diffs;
  }

  public Clock clock() {
    return clock;
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
    private final Map<Side, Timer> timers = new EnumMap<>(Side.class);
    private final LongAdder recheckedAway = new LongAdder();
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
      for (Side side : Side.values()) {
        timers.put(side, Timer.builder("shadow.latency").tag("rpc", rpc).tag("side", side.name().toLowerCase())
            .publishPercentileHistogram().publishPercentiles(0.5, 0.99).register(registry));
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

    void mismatched(Diff diff) {
      count(Outcome.MISMATCHED);
      diff.mismatches().stream().map(Mismatch::kind).distinct().forEach(kind -> {
        kinds.get(kind).increment();
        kindCounters.get(kind).increment();
      });
      synchronized (this) {
        lastMismatch = diff.at();
        if (firstCompared == null) {
          firstCompared = diff.at();
        }
      }
    }

    synchronized Verdict verdict(String rpc) {
      Map<Outcome, Long> byOutcome = new LinkedHashMap<>();
      counts.forEach((outcome, count) -> byOutcome.put(outcome, count.sum()));
      Map<Mismatch.Kind, Long> byKind = new LinkedHashMap<>();
      kinds.forEach((kind, count) -> byKind.put(kind, count.sum()));
      Map<Side, Latency> latency = new EnumMap<>(Side.class);
      timers.forEach((side, timer) -> latency.put(side, latency(timer)));
      long matched = byOutcome.get(Outcome.MATCHED);
      long compared = matched + byOutcome.get(Outcome.MISMATCHED);
      return new Verdict(rpc, byOutcome, byKind, compared == 0 ? 1 : (double) matched / compared,
          lastMismatch != null ? lastMismatch : firstCompared, recheckedAway.sum(), latency, diffs.latest(rpc, VERDICT_SAMPLES));
    }

    private Latency latency(Timer timer) {
      HistogramSnapshot snapshot = timer.takeSnapshot();
      double p50 = 0;
      double p99 = 0;
      for (ValueAtPercentile value : snapshot.percentileValues()) {
        if (value.percentile() == 0.5) {
          p50 = value.value(TimeUnit.MILLISECONDS);
        } else if (value.percentile() == 0.99) {
          p99 = value.value(TimeUnit.MILLISECONDS);
        }
      }
      return new Latency(snapshot.count(), p50, p99, snapshot.max(TimeUnit.MILLISECONDS));
    }
  }
}
