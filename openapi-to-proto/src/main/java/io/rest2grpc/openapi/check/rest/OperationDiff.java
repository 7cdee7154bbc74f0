package io.rest2grpc.openapi.check.rest;

import io.rest2grpc.openapi.check.rest.Operations.Operation;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Matches the operations of two versions, first by method and path as written, then with the path
 * variables' names left out ({@code /pets/{id}} is {@code /pets/{petId}}), then by operationId (a
 * moved operation: {@code PATH_CHANGED}); compares the pairs and reports the rest as removed or added.
 */
final class OperationDiff {
  private final ParameterDiff parameters;
  private final BodyDiff bodies;
  private final SecurityDiff security;
  private final Changes changes;

  OperationDiff(Doc before, Doc after, SchemaDiff schemas, Changes changes) {
    this.parameters = new ParameterDiff(schemas, changes);
    this.bodies = new BodyDiff(before, after, schemas, changes);
    this.security = new SecurityDiff(before, after, changes);
    this.changes = changes;
  }

  void compare(Operations old, Operations neu) {
    List<Operation> leftOld = old.all();
    List<Operation> leftNew = new ArrayList<>(neu.all());
    List<Function<Operation, String>> keys = List.of(Operation::label, Operation::route, Operation::operationId);
    for (Function<Operation, String> key : keys) {
      Map<String, Deque<Operation>> index = new HashMap<>();
      leftNew.forEach(o -> {
        if (key.apply(o) != null) {
          index.computeIfAbsent(key.apply(o), k -> new ArrayDeque<>()).add(o);
        }
      });
      Set<Operation> matched = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Operation> unmatched = new ArrayList<>();
      for (Operation o : leftOld) {
        Deque<Operation> candidates = key.apply(o) == null ? null : index.get(key.apply(o));
        Operation match = candidates == null ? null : candidates.poll();
        if (match == null) {
          unmatched.add(o);
        } else {
          matched.add(match);
          compare(o, match);
        }
      }
      leftOld = unmatched;
      leftNew.removeIf(matched::contains);
    }
    // An operation the other version may hold behind a $ref into another file is neither removed nor added.
    leftOld.stream().filter(o -> !behind(o, neu.unresolved()))
        .forEach(o -> changes.add(Kind.OPERATION_REMOVED, o.label(), o.site().pointer(), null, describe(o) + " removed", true));
    leftNew.stream().filter(o -> !behind(o, old.unresolved()))
        .forEach(o -> changes.add(Kind.OPERATION_ADDED, o.label(), null, o.site().pointer(), describe(o) + " added", false));
    unresolved(old.unresolved(), neu.unresolved());
  }

  private void compare(Operation old, Operation neu) {
    if (!old.route().equals(neu.route())) {
      changes.add(Kind.PATH_CHANGED, old.label(), old.site().pointer(), neu.site().pointer(),
          "operation " + old.operationId() + " moved: " + old.label() + " -> " + neu.label(), true);
    }
    parameters.compare(old, neu);
    bodies.compareRequests(old, neu);
    bodies.compareResponses(old, neu);
    security.compare(old, neu);
  }

  private static boolean behind(Operation operation, List<Site> unresolved) {
    String item = JsonPointer.child("/paths", operation.path());
    String listed = JsonPointer.child(item, operation.method());
    return unresolved.stream().anyMatch(s -> s.pointer().equals(item) || s.pointer().equals(listed));
  }

  private static String describe(Operation operation) {
    return operation.label() + (operation.operationId() == null ? "" : " (" + operation.operationId() + ")");
  }

  /** Path items and operations that $ref another file, unless written the same in both versions. */
  private void unresolved(List<Site> old, List<Site> neu) {
    Set<String> oldKeys = new HashSet<>(old.stream().map(OperationDiff::key).toList());
    Set<String> newKeys = new HashSet<>(neu.stream().map(OperationDiff::key).toList());
    old.stream().filter(s -> !newKeys.contains(key(s))).forEach(s -> notFollowed(s.pointer(), null, s));
    neu.stream().filter(s -> !oldKeys.contains(key(s))).forEach(s -> notFollowed(null, s.pointer(), s));
  }

  private static String key(Site site) {
    return site.pointer() + " " + Doc.ref(site.node());
  }

  private void notFollowed(String oldPointer, String newPointer, Site site) {
    changes.add(Kind.UNRESOLVED_REF, null, oldPointer, newPointer,
        site.pointer() + ": $ref " + Doc.ref(site.node()) + " is not followed, so its operations are not compared: compare bundled specs", false);
  }
}
