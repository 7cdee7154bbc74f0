package io.rest2grpc.sample.parity;

import com.google.protobuf.Descriptors.Descriptor;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the gRPC answer with the engine's conversion of the REST answer: the status code; for
 * a response, its message under the REST JSON equivalence and every header the REST answer's
 * conversion carries; for an error, the whole Status (message, details, the original HTTP status
 * in {@code RestErrorOrigin}). What {@link LegitimateDifferences} lists is set aside, not ignored
 * silently: the result keeps it.
 */
final class AnswerComparison {
  private final LegitimateDifferences legitimate;

  AnswerComparison(LegitimateDifferences legitimate) {
    this.legitimate = legitimate;
  }

  /** A difference the list allows, and the rule that allows it. */
  record Allowed(LegitimateDifferences.Rule rule, Difference difference) {}

  record Result(List<Difference> mismatches, List<Allowed> allowed) {
    boolean matches() {
      return mismatches.isEmpty();
    }
  }

  /**
   * @param responseType the response message's type, for the REST JSON rules of its fields
   * @param method the HTTP method of the REST request both answer
   */
  Result compare(Answer expected, Answer actual, Descriptor responseType, String method) {
    List<Difference> all = new ArrayList<>();
    if (!expected.code().equals(actual.code())) {
      all.add(new Difference("status", expected.code(), actual.code()));
    } else {
      expected.headers().forEach((name, values) -> {
        List<String> other = actual.headers().getOrDefault(name, List.of());
        if (!Objects.equals(values, other)) {
          all.add(new Difference("header " + name, String.valueOf(values), String.valueOf(other)));
        }
      });
      Comparison json = expected.ok() ? RestJsonEquivalence.compare(responseType, expected.json(), actual.json())
          : RestJsonEquivalence.compare(expected.json(), actual.json());
      String part = expected.ok() ? "body " : "details ";
      json.differences().forEach(d -> all.add(new Difference(part + d.pointer(), d.expected(), d.actual())));
    }
    List<Difference> mismatches = new ArrayList<>();
    List<Allowed> allowed = new ArrayList<>();
    for (Difference difference : all) {
      legitimate.ruleFor(difference, method).ifPresentOrElse(rule -> allowed.add(new Allowed(rule, difference)),
          () -> mismatches.add(difference));
    }
    return new Result(mismatches, allowed);
  }
}
