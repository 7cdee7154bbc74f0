package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.sample.support.ContractCoverage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (see junit-platform.properties): every documented operation must have answered every
 * status it documents ({@link ContractCoverage#requiredPairs()}), on the wire, during this run of
 * the contract suite.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageTest {

  @Test
  void everyDocumentedOperationAndStatusWasExercised() {
    Assumptions.assumeFalse(ContractCoverage.isEmpty(), "run together with the contract tests");
    Set<String> seen = ContractCoverage.seenPairs();
    List<String> missing = ContractCoverage.requiredPairs().stream().filter(pair -> !seen.contains(pair)).toList();

    assertThat(missing).as("documented but never answered").isEmpty();
  }
}
