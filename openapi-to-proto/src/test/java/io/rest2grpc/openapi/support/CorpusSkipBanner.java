package io.rest2grpc.openapi.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after the module's last test, how many corpus tests were skipped for want of the corpus
 * and the command that fetches it: a skipped test alone is one more count in surefire's summary.
 * Registered through META-INF/services, so every run of the module's tests has it.
 */
public final class CorpusSkipBanner implements TestExecutionListener {
  private final AtomicInteger tests = new AtomicInteger();
  private final AtomicInteger groups = new AtomicInteger();
  private final AtomicReference<String> reason = new AtomicReference<>();

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    String message = result.getThrowable().map(Throwable::getMessage).orElse("");
    if (result.getStatus() == TestExecutionResult.Status.ABORTED && message.startsWith(Corpus.MISSING)) {
      (test.isContainer() ? groups : tests).incrementAndGet();
      reason.compareAndSet(null, message);
    }
  }

  /** A group (a parameterized test or a test factory over the corpus) never lists its cases, so surefire does not count it. */
  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (reason.get() == null) {
      return;
    }
    String rule = "!".repeat(100);
    System.out.printf("%n%s%n!! %d CORPUS TESTS SKIPPED (%d tests, %d parameterized or dynamic groups): %s%n%s%n%n",
        rule, tests.get() + groups.get(), tests.get(), groups.get(), reason.get(), rule);
  }
}
