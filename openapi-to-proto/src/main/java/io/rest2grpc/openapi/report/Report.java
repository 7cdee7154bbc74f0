package io.rest2grpc.openapi.report;

import io.rest2grpc.openapi.SourceLocation;
import io.rest2grpc.openapi.proto.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conversion report: every lossy or ambiguous choice with its source, and the REST facts that
 * proto3 and HttpRule cannot carry (success codes, header parameters, formats, defaults, exact
 * paths…), keyed by the fully qualified proto element they belong to. The transcoding layer turns
 * these facts into {@code rest2grpc.options.v1} options.
 */
public final class Report {
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Map<String, Object>> facts = new HashMap<>();
  /** {@link #facts()} in element order, built on the first read after a write: printing looks up every element. */
  private Map<String, Map<String, Object>> sortedFacts;

  public void warn(Category category, SourceLocation source, String element, String message) {
    findings.add(new Finding(Severity.WARNING, category, source, element, message));
  }

  public void info(Category category, SourceLocation source, String element, String message) {
    findings.add(new Finding(Severity.INFO, category, source, element, message));
  }

  /** Records a REST fact about a proto element, e.g. {@code ("shop.v1.OrdersService.CreateOrder", SUCCESS_STATUS, 201)}. */
  public void fact(String element, Fact fact, Object value) {
    sortedFacts = null;
    facts.computeIfAbsent(element, e -> new TreeMap<>()).put(fact.key(), JsonValue.plain(value));
  }

  /** Moves the facts of a proto element that was renamed after conversion (the lock restored or versioned its name). */
  public void renameElement(String from, String to) {
    sortedFacts = null;
    Map<String, Object> moved = facts.remove(from);
    if (moved != null) {
      facts.put(to, moved);
    }
  }

  /** Moves the facts of a renamed type and of its fields: {@code from} and every element below it ({@code from.field}). */
  public void renameType(String from, String to) {
    sortedFacts = null;
    for (String element : List.copyOf(facts.keySet())) {
      if (element.equals(from) || element.startsWith(from + ".")) {
        facts.put(to + element.substring(from.length()), facts.remove(element));
      }
    }
  }

  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  /** Facts by element, in element order. */
  public synchronized Map<String, Map<String, Object>> facts() {
    if (sortedFacts == null) {
      sortedFacts = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(facts)));
    }
    return sortedFacts;
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
