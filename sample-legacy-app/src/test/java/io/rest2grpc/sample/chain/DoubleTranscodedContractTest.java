package io.rest2grpc.sample.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.rest2grpc.sample.SampleLegacyApplication;
import io.rest2grpc.sample.support.ContractCoverage;
import io.rest2grpc.sample.support.ContractCoverage.Recording;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The app's own contract suite (every {@code *ContractTest} of the contract package), run again
 * through {@link TranscodingChain} in front of a fresh instance of the app (the suite changes its
 * data): each REST request becomes a gRPC call on the app's gRPC port, answered by the services
 * rest2grpc-maven-plugin generated, whose answer becomes the REST response again. Every (operation, status) pair the contract coverage requires must pass
 * through the chain ({@link #passingPairs}), except the pairs of {@value #LIMITATIONS}, each listed
 * with its reason; the contract tests that fail through the chain are listed there too. Anything
 * else failing, and anything listed that passes, fails this test.
 */
class DoubleTranscodedContractTest {

  static final String LIMITATIONS = "chain/limitations.txt";
  /** The app and the chain's front sign page tokens alike, as the instances of a deployment do. */
  private static final String PAGE_TOKEN_SECRET = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String SUITE = "io.rest2grpc.sample.contract";

  @Test
  void theContractSuitePassesThroughTheChain() throws Exception {
    Recording recording = new Recording();
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    Map<String, Long> millis = new ConcurrentHashMap<>();
    AtomicInteger grpcPort = new AtomicInteger();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleLegacyApplication.class)
            .listeners((ApplicationListener<GrpcServerStartedEvent>) started -> grpcPort.set(started.getPort()))
            .run("--server.port=0", "--spring.grpc.server.port=0", "--spring.main.banner-mode=off",
                "--rest2grpc.page-tokens.secrets.chain=" + PAGE_TOKEN_SECRET, "--rest2grpc.page-tokens.current-key-id=chain");
        TranscodingChain chain = TranscodingChain.start(grpcPort.get(),
            PageTokens.create(PageTokenKeys.fromBase64("chain", Map.of("chain", PAGE_TOKEN_SECRET))))) {
      runSuite(chain.baseUrl(), recording, results, millis);
    }

    Limitations listed = Limitations.read(LIMITATIONS);
    Set<String> failedTests = new TreeSet<>();
    results.forEach((test, result) -> {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        failedTests.add(test);
      }
    });
    Set<String> passing = passingPairs(recording, results.keySet(), failedTests);
    Map<String, Boolean> pairs = new TreeMap<>();
    ContractCoverage.requiredPairs().forEach(pair -> pairs.put(pair, passing.contains(pair)));
    report(pairs, failedTests, results, listed, millis);

    assertThat(results).as("contract tests run through the chain").isNotEmpty();
    assertThat(failing(pairs)).as("pairs that do not pass through the chain (%s lists the known ones)", LIMITATIONS)
        .isEqualTo(listed.pairs().keySet());
    Map<String, String> unexpected = new TreeMap<>();
    failedTests.stream().filter(test -> !listed.tests().containsKey(test))
        .forEach(test -> unexpected.put(test, String.valueOf(results.get(test).getThrowable().orElse(null))));
    assertThat(unexpected).as("contract tests failing through the chain, not in %s", LIMITATIONS).isEmpty();
    assertThat(failedTests).as("contract tests failing through the chain (%s)", LIMITATIONS).isEqualTo(listed.tests().keySet());
  }

  /** Runs the contract test classes with the suite's client pointed at the chain, counting coverage in {@code recording}. */
  private static void runSuite(String baseUrl, Recording recording, Map<String, TestExecutionResult> results,
      Map<String, Long> millis) {
    TestExecutionListener listener = new TestExecutionListener() {
      private long started;

      @Override
      public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
          recording.startTest(name(test));
          started = System.nanoTime();
        }
      }

      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
          results.put(name(test), result);
          millis.put(name(test), (System.nanoTime() - started) / 1_000_000);
        }
      }
    };
    String previous = System.setProperty("contract.base-url", baseUrl);
    try (ContractCoverage.Scope scope = ContractCoverage.recordInto(recording)) {
      LauncherFactory.create().execute(request().selectors(selectPackage(SUITE))
          .filters(includeClassNamePatterns(".*ContractTest")).build(), listener);
    } finally {
      if (previous == null) {
        System.clearProperty("contract.base-url");
      } else {
        System.setProperty("contract.base-url", previous);
      }
    }
  }

  /**
   * The pairs a response conforming to the contract (ContractClient.check) showed in a test that
   * passed, or in a failing test before its last checked response: the failure is at that response
   * or after it, so it is not counted.
   */
  private static Set<String> passingPairs(Recording recording, Set<String> ran, Set<String> failed) {
    List<Recording.Seen> responses = recording.responses();
    Map<String, Integer> lastOfTest = new TreeMap<>();
    for (int i = 0; i < responses.size(); i++) {
      lastOfTest.put(responses.get(i).test(), i);
    }
    Set<String> passing = new TreeSet<>();
    for (int i = 0; i < responses.size(); i++) {
      String test = responses.get(i).test();
      if (ran.contains(test) && (!failed.contains(test) || i < lastOfTest.get(test))) {
        passing.addAll(responses.get(i).pairs());
      }
    }
    return passing;
  }

  private static String name(TestIdentifier test) {
    MethodSource source = (MethodSource) test.getSource().orElseThrow();
    String className = source.getClassName();
    return className.substring(className.lastIndexOf('.') + 1) + "#" + source.getMethodName();
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
      Limitations listed, Map<String, Long> millis) {
    List<String> lines = new ArrayList<>();
    long passing = pairs.values().stream().filter(p -> p).count();
    lines.add("Double-transcoded contract suite: " + passing + " of " + pairs.size() + " required pairs pass through the chain; "
        + (results.size() - failedTests.size()) + " of " + results.size() + " contract tests pass");
    pairs.forEach((pair, passes) -> lines.add((passes ? "  pass  " : "  FAIL  ") + pair
        + (listed.pairs().containsKey(pair) ? "  (listed: " + listed.pairs().get(pair) + ")" : "")));
    failedTests.forEach(test -> lines.add("  failed test " + test + ": " + results.get(test).getThrowable()
        .map(t -> String.join(" / ", t.toString().lines().limit(3).toList())).orElse("")));
    lines.add("  slowest: " + millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
        .map(e -> e.getKey() + " " + e.getValue() + " ms").toList());
    System.out.println(String.join("\n", lines));
  }

  /** The checked-in list of what does not pass through the chain, each with its reason. */
  record Limitations(Map<String, String> pairs, Map<String, String> tests) {
    static Limitations read(String resource) throws IOException {
      Map<String, String> pairs = new TreeMap<>();
      Map<String, String> tests = new TreeMap<>();
      try (InputStream in = DoubleTranscodedContractTest.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the test classpath");
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          int bar = line.indexOf(" | ");
          if (bar < 0 || !(line.startsWith("pair ") || line.startsWith("test "))) {
            throw new IllegalStateException(resource + ": '" + line + "' is not 'pair <pair> | <reason>' or 'test <Class#method> | <reason>'");
          }
          (line.startsWith("pair ") ? pairs : tests).put(line.substring(5, bar).trim(), line.substring(bar + 3).trim());
        }
      }
      return new Limitations(pairs, tests);
    }
  }
}
