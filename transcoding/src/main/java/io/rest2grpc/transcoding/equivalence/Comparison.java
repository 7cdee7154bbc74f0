package io.rest2grpc.transcoding.equivalence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of {@link RestJsonEquivalence#compare}: every difference, in document order, and how
 * many properties were left out of the comparison because the descriptor does not know them.
 *
 * @param differences where the documents differ; empty when they are equivalent
 * @param unknownProperties the distinct property paths (JSON pointers, sorted), in either document, that
 *     name no field of their message and were therefore not compared
 */
public record Comparison(List<Difference> differences, List<String> unknownProperties) {
  public Comparison {
    differences = List.copyOf(differences);
    unknownProperties = unknownProperties.stream().sorted().toList();
  }

  /** How many property paths were left out of the comparison. */
  public int ignoredUnknownProperties() {
    return unknownProperties.size();
  }

  public boolean equal() {
    return differences.isEmpty();
  }

  /** One line per difference, then a line with the ignored property count when it is not zero. */
  public String describe() {
    String lines = equal() ? "equal" : differences.stream().map(Difference::describe).collect(Collectors.joining("\n"));
    return ignoredUnknownProperties() == 0 ? lines
        : lines + "\n(" + ignoredUnknownProperties() + " unknown propert" + (ignoredUnknownProperties() == 1 ? "y" : "ies") + " ignored)";
  }
}
