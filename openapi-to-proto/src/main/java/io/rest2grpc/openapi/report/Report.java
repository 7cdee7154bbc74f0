package io.rest2grpc.openapi.report;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversion report's findings: every lossy or ambiguous choice with its source. What proto3 and
 * HttpRule cannot carry is in the options of the proto elements; the report's JSON shows it as
 * "facts" ({@code conversion.FactsView}).
 */
public final class Report {
  private final List<Finding> findings = new ArrayList<>();

  public void warn(Category category, SourceLocation source, String element, String message) {
    findings.add(new Finding(Severity.WARNING, category, source, element, message));
  }

  public void info(Category category, SourceLocation source, String element, String message) {
    findings.add(new Finding(Severity.INFO, category, source, element, message));
  }

  public void addAll(List<Finding> more) {
    findings.addAll(more);
  }

  /** A new report: these findings, then {@code more}. */
  public Report with(List<Finding> more) {
    Report report = new Report();
    report.findings.addAll(findings);
    report.findings.addAll(more);
    return report;
  }

  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
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
