package io.rest2grpc.openapi.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The converter's packages depend on each other in cycles only through the dependencies listed
 * here, each a debt to pay off: a dependency that closes a new cycle fails, and so does a listed one
 * that no longer closes a cycle (then delete its line).
 */
class PackageCyclesTest {
  private static final String ROOT = "io.rest2grpc.openapi";

  /** Dependencies {@code from -> to} (packages relative to {@value #ROOT}) where {@code to} also reaches {@code from}. */
  private static final Set<String> ACCEPTED = Set.of();

  @Test
  void noDependencyClosesANewPackageCycle() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
    assertThat(dependenciesInCycles(packageGraph(classes))).containsExactlyInAnyOrderElementsOf(ACCEPTED);
  }

  private static Map<String, SortedSet<String>> packageGraph(JavaClasses classes) {
    Map<String, SortedSet<String>> graph = new TreeMap<>();
    for (JavaClass origin : classes) {
      String from = relative(origin.getPackageName());
      SortedSet<String> targets = graph.computeIfAbsent(from, p -> new TreeSet<>());
      for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
        String target = dependency.getTargetClass().getPackageName();
        if (target.startsWith(ROOT) && !relative(target).equals(from)) {
          targets.add(relative(target));
        }
      }
    }
    return graph;
  }

  private static String relative(String packageName) {
    return packageName.equals(ROOT) ? "." : packageName.substring(ROOT.length() + 1);
  }

  private static SortedSet<String> dependenciesInCycles(Map<String, SortedSet<String>> graph) {
    SortedSet<String> inCycles = new TreeSet<>();
    graph.forEach((from, targets) -> targets.stream()
        .filter(to -> reachableFrom(to, graph).contains(from))
        .forEach(to -> inCycles.add(from + " -> " + to)));
    return inCycles;
  }

  private static Set<String> reachableFrom(String start, Map<String, SortedSet<String>> graph) {
    Set<String> seen = new HashSet<>(Set.of(start));
    Deque<String> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      for (String next : graph.getOrDefault(todo.pop(), new TreeSet<>())) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }
}
