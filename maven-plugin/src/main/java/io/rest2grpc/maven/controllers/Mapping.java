package io.rest2grpc.maven.controllers;

import io.rest2grpc.maven.controllers.model.HttpMethod;
import io.rest2grpc.maven.controllers.model.RequestConditions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** One {@code @RequestMapping}, its values resolved; paths start with '/' unless empty, as Spring makes them. */
record Mapping(Set<HttpMethod> methods, List<String> paths, RequestConditions conditions) {

  static final Mapping NONE = new Mapping(Set.of(), List.of(), RequestConditions.NONE);

  /**
   * This method-level mapping inside a type-level one, combined as Spring MVC does: every type path with
   * every method path, methods, params and headers united, consumes and produces of the method winning.
   */
  Mapping within(Mapping type) {
    Set<HttpMethod> combinedMethods = EnumSet.noneOf(HttpMethod.class);
    combinedMethods.addAll(type.methods);
    combinedMethods.addAll(methods);
    Set<String> combinedPaths = new LinkedHashSet<>();
    for (String typePath : type.paths.isEmpty() ? List.of("") : type.paths) {
      for (String methodPath : paths.isEmpty() ? List.of("") : paths) {
        combinedPaths.add(combine(typePath, methodPath));
      }
    }
    RequestConditions combinedConditions = new RequestConditions(
        union(type.conditions.params(), conditions.params()),
        union(type.conditions.headers(), conditions.headers()),
        conditions.consumes().isEmpty() ? type.conditions.consumes() : conditions.consumes(),
        conditions.produces().isEmpty() ? type.conditions.produces() : conditions.produces());
    return new Mapping(combinedMethods, new ArrayList<>(combinedPaths), combinedConditions);
  }

  /** An empty mapping on both levels maps the root; it is reported as "/". */
  private static String combine(String typePath, String methodPath) {
    if (typePath.isEmpty() || methodPath.isEmpty()) {
      String path = typePath + methodPath;
      return path.isEmpty() ? "/" : path;
    }
    return typePath.endsWith("/") ? typePath + methodPath.substring(1) : typePath + methodPath;
  }

  private static List<String> union(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).distinct().toList();
  }
}
