package io.rest2grpc.openapi.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as JSON ({@code rest2grpc-report.json}) and as a console summary. */
public final class ReportWriter {
  public static final String FILE_NAME = "rest2grpc-report.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ReportWriter() {}

  public static String json(Conversion c) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("spec", c.specName());
    root.put("package", c.packageName());
    root.put("summary", summary(c));
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : c.report().findings()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("severity", f.severity().name());
      row.put("category", f.category().name());
      row.put("source", f.source().toString());
      if (!f.element().isEmpty()) {
        row.put("element", f.element());
      }
      row.put("message", f.message());
      findings.add(row);
    }
    root.put("findings", findings);
    root.put("facts", c.facts());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report facts must be JSON values", e);
    }
  }

  private static Map<String, Object> summary(Conversion c) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("services", c.serviceCount());
    summary.put("rpcs", c.rpcCount());
    summary.put("http_rules", c.httpRuleCount());
    summary.put("messages", c.messageCount());
    summary.put("enums", c.enumCount());
    Map<String, Integer> categories = new LinkedHashMap<>();
    c.report().countsByCategory().forEach((k, v) -> categories.put(k.name(), v));
    summary.put("findings_by_category", categories);
    return summary;
  }

  /** A few lines for the terminal: counts, then the findings per category with what they mean. */
  public static String consoleSummary(Conversion c) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%s -> package %s: %d services, %d RPCs (%d with HTTP rules), %d messages, %d enums%n",
        c.specName(), c.packageName(), c.serviceCount(), c.rpcCount(), c.httpRuleCount(), c.messageCount(), c.enumCount()));
    Map<Category, Integer> counts = c.report().countsByCategory();
    if (counts.isEmpty()) {
      out.append("  no lossy or ambiguous choices\n");
    }
    counts.forEach((category, n) -> out.append(String.format("  %5d %-27s %s%n", n, category.name(), category.meaning())));
    return out.toString();
  }
}
