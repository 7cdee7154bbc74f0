package io.rest2grpc.shadow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs from Debian's packages a test runs: {@code .ci/run} installs them, so under {@code CI=true} a missing one
 * fails the test; elsewhere the test is skipped with the {@code apt-get} line that installs it.
 */
public final class DebianPackages {

  private DebianPackages() {}

  /** {@code packages}, as apt-get names them, provide {@code programs}. */
  public static void require(String packages, Path... programs) {
    if (Arrays.stream(programs).allMatch(Files::isExecutable)) {
      return;
    }
    String missing = String.join(" or ", Arrays.stream(programs).map(Path::toString).toList()) + " is missing: apt-get install "
        + packages;
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(missing + " (.ci/run installs it before the build)");
    }
    Assumptions.abort(missing);
  }
}
