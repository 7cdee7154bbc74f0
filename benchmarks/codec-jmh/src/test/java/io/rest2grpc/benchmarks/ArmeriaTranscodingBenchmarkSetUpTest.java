package io.rest2grpc.benchmarks;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The side-by-side benchmark's set-up, without a measurement: it starts both servers and checks
 * that the engine and Armeria answer the benchmark's requests alike, so a benchmark that stopped
 * working (a request the engine refuses, a body that differs) fails the build instead of going
 * unseen until the next run by hand.
 */
class ArmeriaTranscodingBenchmarkSetUpTest {

  @Test
  void bothSidesAnswerTheBenchmarksRequestsAlike() throws Exception {
    ArmeriaTranscodingBenchmark benchmark = new ArmeriaTranscodingBenchmark();
    // JMH sets the @Param; its value is relative to the repository root, and tests run in the module's folder
    String spec = ArmeriaTranscodingBenchmark.class.getField("spec").getAnnotation(Param.class).value()[0];
    benchmark.spec = Path.of("../..").resolve(spec).toString();
    benchmark.setUp();
    try {
      benchmark.engineGetOrder();
      benchmark.engineListOrders();
    } finally {
      benchmark.tearDown();
    }
  }
}
