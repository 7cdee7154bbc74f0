package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Which component schemas requests reach (parameters, request bodies) and which responses reach,
 * through any chain of {@code $ref}s, in either version: a component is compared once, at its own
 * place, and what breaks it depends on the way it travels.
 */
final class Usage {
  private final Set<String> requests = new HashSet<>();
  private final Set<String> responses = new HashSet<>();

  static Usage of(Doc before, Operations old, Doc after, Operations neu) {
    Usage usage = new Usage();
    usage.add(before, old);
    usage.add(after, neu);
    return usage;
  }

  Direction of(String schema) {
    boolean request = requests.contains(schema);
    boolean response = responses.contains(schema);
    return request == response ? Direction.BOTH : request ? Direction.REQUEST : Direction.RESPONSE;
  }

  private void add(Doc doc, Operations operations) {
    Deque<JsonNode> toRequests = new ArrayDeque<>();
    Deque<JsonNode> toResponses = new ArrayDeque<>();
    for (Operations.Operation operation : operations.all()) {
      operation.parameters().forEach(p -> toRequests.push(p.at().node()));
      toRequests.push(operation.site().node().path("requestBody"));
      toResponses.push(operation.site().node().path("responses"));
    }
    walk(doc, toRequests, requests);
    walk(doc, toResponses, responses);
  }

  /** Every node under the roots, following local $refs (each once), noting the component schemas named. */
  private static void walk(Doc doc, Deque<JsonNode> pending, Set<String> schemas) {
    Set<String> followed = new HashSet<>();
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      String ref = node.isObject() ? Doc.ref(node) : null;
      if (ref != null && !Doc.external(ref) && followed.add(ref)) {
        String name = doc.schemaName(ref);
        if (name != null) {
          schemas.add(name);
        }
        Site target = doc.resolve(new Site(node, ""));
        if (target != null) {
          pending.push(target.node());
        }
      }
      if (node.isContainerNode()) {
        node.elements().forEachRemaining(pending::push);
      }
    }
  }
}
