package io.rest2grpc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.transcoding.routing.RouteMatch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * Each benchmark's set-up and one call of its benchmark methods, without a measurement, on the
 * sample app's spec: a benchmark that stopped working (a request the engine now refuses, an answer
 * that differs from Armeria's, which the side-by-side set-up checks) fails the build instead of
 * going unseen until the next run by hand. The corpus specs the benchmarks default to are left to
 * the one corpus pass of openapi-to-proto's tests.
 */
class BenchmarkSetUpTest {
  /** The side-by-side benchmark's own spec, as its @Param names it (relative to the repository root). */
  private static final String SAMPLE_SPEC = Path.of("../..").resolve(param(ArmeriaTranscodingBenchmark.class)).toString();

  @Test
  void theEngineAndArmeriaAnswerTheSideBySideRequestsAlike() throws Exception {
    ArmeriaTranscodingBenchmark benchmark = new ArmeriaTranscodingBenchmark();
    benchmark.spec = SAMPLE_SPEC;
    benchmark.setUp();
    try {
      assertThat(benchmark.engineGetOrder().status()).isEqualTo(200);
      assertThat(benchmark.engineListOrders().status()).isEqualTo(200);
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void theCodecBenchmarkPrintsAndParsesBothWays() throws Exception {
    CodecBenchmark benchmark = new CodecBenchmark();
    benchmark.spec = SAMPLE_SPEC;
    benchmark.setUp();
    assertThat(benchmark.parseRestJson()).as("REST JSON round trip").isEqualTo(benchmark.parseJsonFormat());
    assertThat(benchmark.printRestJson()).startsWith("{");
    assertThat(benchmark.printJsonFormat()).startsWith("{");
  }

  @Test
  void theRouteBenchmarkMatchesEveryRouteOfBothTables() throws Exception {
    for (String routes : new String[] {"all", "10"}) {
      RouteBenchmark benchmark = new RouteBenchmark();
      benchmark.spec = SAMPLE_SPEC;
      benchmark.routes = routes;
      benchmark.setUp();
      assertThat(benchmark.match()).as(routes).isInstanceOf(RouteMatch.Matched.class);
    }
  }

  private static String param(Class<?> benchmark) {
    try {
      return benchmark.getField("spec").getAnnotation(Param.class).value()[0];
    } catch (NoSuchFieldException e) {
      throw new AssertionError(benchmark.getSimpleName() + " has no public spec @Param", e);
    }
  }
}
