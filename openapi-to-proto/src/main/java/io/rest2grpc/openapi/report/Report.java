package io.rest2grpc.openapi.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversion report's findings: every lossy or ambiguous choice with its source. What proto3 and
 * HttpRule cannot carry is in the options of the proto elements; the report's JSON shows it as
 * "facts" ({@code conversion.FactsView}).
 */
public record Report(List<Finding> findings) {

  public Report {
    findings = List.copyOf(findings);
  }

  /** This report's findings, then {@code more}'s. */
  public Report plus(Report more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more.findings);
    return new Report(all);
  }

  public Map<Category, Integer> countsByCategory() {
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    for (Finding f : findings) {
      counts.merge(f.category(), 1, Integer::sum);
    }
    return counts;
  }

  public Map<Category, Integer> httpRuleLimitCounts() {
    Map<Category, Integer> counts = new LinkedHashMap<>();
    countsByCategory().forEach((c, n) -> {
      if (c.httpRuleLimit()) {
        counts.put(c, n);
      }
    });
    return counts;
  }
}
