package io.rest2grpc.openapi.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    root.put("names", names(c));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report facts must be JSON values", e);
    }
  }

  /**
   * Every RPC and type name with the rule that produced it: the package's, then RPCs and types by
   * fully qualified name. A type the conversion recorded no rule for is told by its form: an RPC's
   * request or response, else a synthesized type (a wrapper, a union variant, an error body).
   */
  private static Map<String, Object> names(Conversion c) {
    String pkg = c.packageName();
    Map<String, String> rpcs = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (ProtoFile file : c.files()) {
      for (ProtoService service : file.services()) {
        service.rpcs().forEach(rpc -> rpcs.put(pkg + "." + service.name() + "." + rpc.name(),
            c.names().rpcs().getOrDefault(service.name() + "." + rpc.name(), "locked")));
      }
    }
    Set<String> requests = new HashSet<>();
    Set<String> responses = new HashSet<>();
    c.files().stream().flatMap(f -> f.services().stream()).flatMap(s -> s.rpcs().stream()).forEach(rpc -> {
      requests.add(rpc.requestType());
      responses.add(rpc.responseType().name());
    });
    for (ProtoFile file : c.files()) {
      file.messages().forEach(m -> types.put(pkg + "." + m.name(), typeRule(c, m.name(), requests, responses)));
      file.enums().forEach(e -> types.put(pkg + "." + e.name(), typeRule(c, e.name(), requests, responses)));
    }
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("package", Map.of("name", pkg, "rule", c.names().packageRule()));
    names.put("rpcs", rpcs);
    names.put("types", types);
    return names;
  }

  private static String typeRule(Conversion c, String type, Set<String> requests, Set<String> responses) {
    String rule = c.names().types().get(type);
    if (rule != null) {
      return rule;
    }
    if (type.endsWith("Request") && requests.contains(type)) {
      return "RPC + Request";
    }
    if (type.endsWith("Response") && responses.contains(type)) {
      return "RPC + Response";
    }
    return "synthesized";
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
