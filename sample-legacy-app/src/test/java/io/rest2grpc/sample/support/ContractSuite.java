package io.rest2grpc.sample.support;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.rest2grpc.sample.support.ContractCoverage.Recording;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One run of the app's contract suite (every {@code *ContractTest} of the contract package) against
 * another implementation of the contract at {@code baseUrl}, with the coverage of its checked
 * responses recorded: what the chain and parity tests run the suite for.
 *
 * @param results each test ({@code Class#method}) and how it ended
 * @param millis how long each took
 */
public record ContractSuite(Recording recording, Map<String, TestExecutionResult> results, Map<String, Long> millis) {
  private static final String SUITE = "io.rest2grpc.sample.contract";

  /** Runs the suite with its client pointed at {@code baseUrl}. */
  public static ContractSuite run(String baseUrl) {
    Recording recording = new Recording();
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    Map<String, Long> millis = new ConcurrentHashMap<>();
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
    return new ContractSuite(recording, results, millis);
  }

  /** The tests that did not pass. */
  public Set<String> failedTests() {
    Set<String> failed = new TreeSet<>();
    results.forEach((test, result) -> {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        failed.add(test);
      }
    });
    return failed;
  }

  /**
   * The pairs a response conforming to the contract (ContractClient.check) showed in a test that
   * passed, or in a failing test before its last checked response: the failure is at that response
   * or after it, so it is not counted.
   */
  public Set<String> passingPairs() {
    Set<String> failed = failedTests();
    List<Recording.Seen> responses = recording.responses();
    Map<String, Integer> lastOfTest = new TreeMap<>();
    for (int i = 0; i < responses.size(); i++) {
      lastOfTest.put(responses.get(i).test(), i);
    }
    Set<String> passing = new TreeSet<>();
    for (int i = 0; i < responses.size(); i++) {
      String test = responses.get(i).test();
      if (results.containsKey(test) && (!failed.contains(test) || i < lastOfTest.get(test))) {
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
}
