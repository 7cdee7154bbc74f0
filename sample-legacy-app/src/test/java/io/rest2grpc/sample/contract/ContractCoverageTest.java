package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.sample.support.ContractCoverage;
import io.rest2grpc.sample.support.ContractSpec;
import io.rest2grpc.sample.support.ContractSpec.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (see junit-platform.properties): every documented operation must have answered every
 * status it documents, on the wire, during this run of the contract suite.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageTest {

  /** Documented on every operation; it is enough to have seen them answered by one. */
  private static final Set<String> SHARED_STATUSES = Set.of("429", "500");

  /** Pairs that a black-box test cannot produce on demand, with the reason. */
  private static final Map<String, String> UNOBSERVABLE = Map.of(
      "GET /v1/order-exports/{id}/content (downloadOrderExport) 409",
      "only while the export is still running, which on this data lasts milliseconds");

  @Test
  void everyDocumentedOperationAndStatusWasExercised() {
    Assumptions.assumeFalse(ContractCoverage.isEmpty(), "run together with the contract tests");
    Set<String> sharedSeen = new HashSet<>();
    List<String> missing = new ArrayList<>();
    for (Operation operation : ContractSpec.get().operations()) {
      Set<String> seen = ContractCoverage.seen(operation);
      for (String status : operation.statuses()) {
        if (SHARED_STATUSES.contains(status)) {
          if (seen.contains(status)) {
            sharedSeen.add(status);
          }
        } else if (!seen.contains(status) && !UNOBSERVABLE.containsKey(operation + " " + status)) {
          missing.add(operation + " " + status);
        }
      }
    }

    assertThat(missing).as("documented but never answered").isEmpty();
    assertThat(new TreeSet<>(sharedSeen)).as("shared statuses seen at least once").isEqualTo(
        new TreeSet<>(SHARED_STATUSES));
  }
}
