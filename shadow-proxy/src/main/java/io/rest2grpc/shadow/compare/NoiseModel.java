package io.rest2grpc.shadow.compare;

import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The noise of each route, learned rather than guessed (Diffy's idea): a sample of reads is sent to REST twice, and
 * a body path whose value differs between REST and REST again differs by nature. Per path two rates are kept: how
 * often REST and gRPC disagree there, and how often REST and REST do. A difference at a path is noise unless the
 * first rate is clearly above the second: above it by more than 20 % of their sum (Diffy's threshold). Array
 * positions are folded ({@code /items/*}{@code /id}), so what is learned on one element holds for all.
 */
public final class NoiseModel {
  private static final double CLEAR_GAP = 0.2;
  private static final int MAX_PATHS_PER_ROUTE = 1_000; // a map-valued field must not grow this without bound

  /** What was learned at one path of one route. */
  public record NoisyPath(String path, double noiseRate, double mismatchRate) {}

  private final Map<String, Route> routes = new ConcurrentHashMap<>();

  /** REST answered the same request twice; {@code differing} are the body paths whose values differed. */
  public void restTwice(String rpc, Collection<String> differing) {
    Route route = route(rpc);
    route.noiseSamples.increment();
    folded(differing).forEach(path -> count(route.noise, path));
  }

  /** REST and gRPC were compared; {@code differing} are the body paths where they differed. */
  public void compared(String rpc, Collection<String> differing) {
    Route route = route(rpc);
    route.comparisons.increment();
    folded(differing).forEach(path -> count(route.mismatches, path));
  }

  /** Whether a difference at {@code path} on this route is noise, by what was learned so far. */
  public boolean isNoise(String rpc, String path) {
    Route route = routes.get(rpc);
    if (route == null || route.noiseSamples.sum() == 0) {
      return false;
    }
    String folded = fold(path);
    double noise = rate(route.noise.get(folded), route.noiseSamples.sum());
    double mismatch = rate(route.mismatches.get(folded), route.comparisons.sum());
    return noise > 0 && !(mismatch > noise && mismatch - noise > CLEAR_GAP * (mismatch + noise));
  }

  /** The paths REST and REST again differed at, with both rates. */
  public List<NoisyPath> learned(String rpc) {
    Route route = routes.get(rpc);
    if (route == null) {
      return List.of();
    }
    List<NoisyPath> paths = new ArrayList<>();
    new TreeMap<>(route.noise).forEach((path, count) -> paths.add(new NoisyPath(path, rate(count, route.noiseSamples.sum()),
        rate(route.mismatches.get(path), route.comparisons.sum()))));
    return paths;
  }

  private static void count(Map<String, LongAdder> counts, String path) {
    LongAdder count = counts.get(path);
    if (count == null && counts.size() >= MAX_PATHS_PER_ROUTE) {
      return;
    }
    (count != null ? count : counts.computeIfAbsent(path, any -> new LongAdder())).increment();
  }

  private Route route(String rpc) {
    return routes.computeIfAbsent(rpc, any -> new Route());
  }

  private static Set<String> folded(Collection<String> paths) {
    Set<String> folded = new HashSet<>();
    paths.forEach(path -> folded.add(fold(path)));
    return folded;
  }

  private static String fold(String path) {
    return new JsonPointer(JsonPointer.parse(path).tokens().stream().map(token -> token.matches("\\d+") ? "*" : token).toList())
        .toString();
  }

  private static double rate(LongAdder count, long of) {
    return count == null || of == 0 ? 0 : (double) count.sum() / of;
  }

  private static final class Route {
    private final LongAdder noiseSamples = new LongAdder();
    private final LongAdder comparisons = new LongAdder();
    private final Map<String, LongAdder> noise = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> mismatches = new ConcurrentHashMap<>();
  }
}
