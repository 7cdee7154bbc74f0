package io.rest2grpc.sample.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.sample.SampleLegacyApplication;
import io.rest2grpc.sample.support.ContractCoverage;
import io.rest2grpc.sample.support.ContractSuite;
import io.rest2grpc.sample.support.ReasonedList;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The app's own contract suite (every {@code *ContractTest} of the contract package), run again
 * through {@link TranscodingChain} in front of a fresh instance of the app (the suite changes its
 * data): each REST request becomes a gRPC call on the app's gRPC port, answered by the services
 * rest2grpc-maven-plugin generated, whose answer becomes the REST response again. Every (operation, status) pair the contract coverage requires must pass
 * through the chain ({@link ContractSuite#passingPairs}), except the pairs of {@value #LIMITATIONS}, each listed
 * with its reason; the contract tests that fail through the chain are listed there too. Anything
 * else failing, and anything listed that passes, fails this test.
 */
class DoubleTranscodedContractTest {

  static final String LIMITATIONS = "chain/limitations.txt";
  /** The app and the chain's front sign page tokens alike, as the instances of a deployment do. */
  private static final String PAGE_TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void theContractSuitePassesThroughTheChain() throws Exception {
    AtomicInteger grpcPort = new AtomicInteger();
    ContractSuite suite;
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleLegacyApplication.class)
            .listeners((ApplicationListener<GrpcServerStartedEvent>) started -> grpcPort.set(started.getPort()))
            .run("--server.port=0", "--spring.grpc.server.port=0", "--spring.main.banner-mode=off",
                "--rest2grpc.page-tokens.secrets.chain=" + PAGE_TOKEN_SECRET, "--rest2grpc.page-tokens.current-key-id=chain");
        TranscodingChain chain = TranscodingChain.start(grpcPort.get(),
            PageTokens.create(PageTokenKeys.fromBase64("chain", Map.of("chain", PAGE_TOKEN_SECRET))))) {
      suite = ContractSuite.run(chain.baseUrl());
    }

    ReasonedList listed = ReasonedList.read(LIMITATIONS, Set.of("pair", "test"));
    Map<String, TestExecutionResult> results = suite.results();
    Set<String> failedTests = suite.failedTests();
    Set<String> passing = suite.passingPairs();
    Map<String, Boolean> pairs = new TreeMap<>();
    ContractCoverage.requiredPairs().forEach(pair -> pairs.put(pair, passing.contains(pair)));
    report(pairs, failedTests, results, listed, suite.millis());

    assertThat(results).as("contract tests run through the chain").isNotEmpty();
    assertThat(failing(pairs)).as("pairs that do not pass through the chain (%s lists the known ones)", LIMITATIONS)
        .isEqualTo(listed.of("pair").keySet());
    Map<String, String> unexpected = new TreeMap<>();
    failedTests.stream().filter(test -> !listed.of("test").containsKey(test))
        .forEach(test -> unexpected.put(test, String.valueOf(results.get(test).getThrowable().orElse(null))));
    assertThat(unexpected).as("contract tests failing through the chain, not in %s", LIMITATIONS).isEmpty();
    assertThat(failedTests).as("contract tests failing through the chain (%s)", LIMITATIONS).isEqualTo(listed.of("test").keySet());
  }

  private static Set<String> failing(Map<String, Boolean> pairs) {
    Set<String> failing = new TreeSet<>();
    pairs.forEach((pair, passes) -> {
      if (!passes) {
        failing.add(pair);
      }
    });
    return failing;
  }

  /** The per-pair table and the failed tests, on stdout (the surefire report keeps it). */
  private static void report(Map<String, Boolean> pairs, Set<String> failedTests, Map<String, TestExecutionResult> results,
      ReasonedList listed, Map<String, Long> millis) {
    List<String> lines = new ArrayList<>();
    long passing = pairs.values().stream().filter(p -> p).count();
    lines.add("Double-transcoded contract suite: " + passing + " of " + pairs.size() + " required pairs pass through the chain; "
        + (results.size() - failedTests.size()) + " of " + results.size() + " contract tests pass");
    pairs.forEach((pair, passes) -> lines.add((passes ? "  pass  " : "  FAIL  ") + pair
        + (listed.of("pair").containsKey(pair) ? "  (listed: " + listed.of("pair").get(pair) + ")" : "")));
    failedTests.forEach(test -> lines.add("  failed test " + test + ": " + results.get(test).getThrowable()
        .map(t -> String.join(" / ", t.toString().lines().limit(3).toList())).orElse("")));
    lines.add("  slowest: " + millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
        .map(e -> e.getKey() + " " + e.getValue() + " ms").toList());
    System.out.println(String.join("\n", lines));
  }
}
