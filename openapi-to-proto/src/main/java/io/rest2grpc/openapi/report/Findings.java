package io.rest2grpc.openapi.report;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** The findings of a conversion while it runs; {@link #report()} is what it found so far. */
public final class Findings {
  private final List<Finding> findings = new ArrayList<>();

  public void warn(Category category, SourceLocation source, String element, String message) {
    findings.add(new Finding(Severity.WARNING, category, source, element, message));
  }

  public void info(Category category, SourceLocation source, String element, String message) {
    findings.add(new Finding(Severity.INFO, category, source, element, message));
  }

  /** Adds the findings of a step that made its own report. */
  public void add(Report report) {
    findings.addAll(report.findings());
  }

  public Report report() {
    return new Report(findings);
  }
}
