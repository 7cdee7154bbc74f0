package io.rest2grpc.openapi.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rest2grpc.openapi.check.Check.Entry;
import io.rest2grpc.openapi.check.rest.RestChange;
import java.io.PrintWriter;
import java.util.List;

/** The check's result for people (a summary with the breaking changes first) and for tools (JSON). */
public final class CheckReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckReport() {}

  public static void print(Check.Result result, PrintWriter out, int show) {
    long restBreaking = result.rest().stream().filter(RestChange::breaking).count();
    long protoBreaking = result.proto().stream().filter(e -> e.change().breaking()).count();
    out.printf("%s -> %s%n", result.oldSpec(), result.newSpec());
    out.printf("REST: %d changes, %d breaking%n", result.rest().size(), restBreaking);
    List<RestChange> rest = result.rest().stream().filter(RestChange::breaking).toList();
    rest.stream().limit(show).forEach(c -> out.printf("  BREAKING %s %s%s%n", c.kind(), c.detail(),
        c.operation() == null ? "" : " (" + c.operation() + ")"));
    more(out, rest.size(), show);
    out.printf("gRPC (package %s): %d changes, %d breaking%n", result.packageName(), result.proto().size(), protoBreaking);
    List<Entry> proto = result.proto().stream().filter(e -> e.change().breaking()).toList();
    for (Entry entry : proto.stream().limit(show).toList()) {
      out.printf("  BREAKING %s %s: %s%n", entry.change().kind(), entry.change().element(), entry.change().detail());
      entry.causes().stream().limit(3).forEach(c -> out.printf("      REST: %s %s%n", c.kind(), c.detail()));
      if (entry.causes().isEmpty()) {
        out.println("      REST: no change found here; the proto changed because the spec was restructured");
      }
    }
    more(out, proto.size(), show);
    out.println(result.breaking() ? "breaking: yes" : "breaking: no");
  }

  private static void more(PrintWriter out, int size, int show) {
    if (size > show) {
      out.printf("  … and %d more (--show N, or the JSON report)%n", size - show);
    }
  }

  /** {@code {old, new, package, breaking, rest: […], proto: [{kind, element, number, detail, breaking, causes: [rest index…]}]}}. */
  public static String json(Check.Result result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("old", result.oldSpec());
    root.put("new", result.newSpec());
    root.put("package", result.packageName());
    root.put("breaking", result.breaking());
    ArrayNode rest = root.putArray("rest");
    for (RestChange change : result.rest()) {
      ObjectNode node = rest.addObject();
      node.put("kind", change.kind().name());
      node.put("breaking", change.breaking());
      node.put("operation", change.operation());
      node.put("old", change.oldPointer());
      node.put("new", change.newPointer());
      node.put("detail", change.detail());
    }
    ArrayNode proto = root.putArray("proto");
    for (Entry entry : result.proto()) {
      ObjectNode node = proto.addObject();
      node.put("kind", entry.change().kind().name());
      node.put("breaking", entry.change().breaking());
      node.put("element", entry.change().element());
      if (entry.change().number() != null) {
        node.put("number", entry.change().number());
      }
      node.put("detail", entry.change().detail());
      ArrayNode causes = node.putArray("causes");
      entry.causes().forEach(c -> causes.add(result.rest().indexOf(c)));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
