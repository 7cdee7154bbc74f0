package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.rest2grpc.maven.controllers.MetaAnnotations.Found;
import io.rest2grpc.maven.controllers.model.HttpMethod;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.controllers.model.RequestConditions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code @RequestMapping} and its shortcuts ({@code @GetMapping}, …), written directly or composed. */
final class MappingAnnotations {

  static final Map<String, HttpMethod> SHORTCUTS = Map.of(
      SpringNames.GET_MAPPING, HttpMethod.GET,
      SpringNames.POST_MAPPING, HttpMethod.POST,
      SpringNames.PUT_MAPPING, HttpMethod.PUT,
      SpringNames.PATCH_MAPPING, HttpMethod.PATCH,
      SpringNames.DELETE_MAPPING, HttpMethod.DELETE);

  private static final Set<String> NAMES = names();

  private final MetaAnnotations annotations;
  private final ConstantResolver constants;
  private final PlaceholderResolver placeholders;
  private final List<Problem> problems;

  MappingAnnotations(MetaAnnotations annotations, ConstantResolver constants, PlaceholderResolver placeholders,
      List<Problem> problems) {
    this.annotations = annotations;
    this.constants = constants;
    this.placeholders = placeholders;
    this.problems = problems;
  }

  /** The mapping of the first declaration that has one: the element itself, then those it overrides or inherits. */
  Optional<Mapping> find(List<? extends NodeWithAnnotations<?>> declarations) {
    for (NodeWithAnnotations<?> declaration : declarations) {
      Optional<Found> found = annotations.find(declaration, NAMES);
      if (found.isPresent()) {
        return Optional.of(read(found.get()));
      }
    }
    return Optional.empty();
  }

  private Mapping read(Found mapping) {
    Set<HttpMethod> methods = EnumSet.noneOf(HttpMethod.class);
    Optional.ofNullable(SHORTCUTS.get(mapping.name())).ifPresent(methods::add);
    mapping.attribute("method").ifPresent(value -> constants.enumNames(value).forEach(name -> methods.add(method(name, value))));
    List<String> paths = strings(mapping, "path", "value").stream().map(path -> path(path, mapping.site())).toList();
    RequestConditions conditions = new RequestConditions(strings(mapping, "params"), strings(mapping, "headers"),
        strings(mapping, "consumes"), strings(mapping, "produces"));
    return new Mapping(methods, paths, conditions);
  }

  private List<String> strings(Found mapping, String... aliases) {
    return mapping.attribute(aliases).map(constants::strings).orElse(List.of());
  }

  private static HttpMethod method(String name, Expression value) {
    try {
      return HttpMethod.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new UnreadableSource(Problems.at(value, "Request method " + name, "not an HTTP method of RequestMethod",
          "use one of " + EnumSet.allOf(HttpMethod.class)));
    }
  }

  /** Placeholders resolved (in paths, not in the other mapping attributes, like Spring) and a leading '/' added. */
  private String path(String written, AnnotationExpr site) {
    String path = placeholders.resolve(written, site, problems);
    return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
  }

  private static Set<String> names() {
    Set<String> names = new HashSet<>(SHORTCUTS.keySet());
    names.add(SpringNames.REQUEST_MAPPING);
    return Set.copyOf(names);
  }
}
