package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.MethodDeclaration;
import io.rest2grpc.maven.controllers.model.Argument;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.MethodSignature;
import io.rest2grpc.maven.controllers.model.Problem;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Reads one handler method of a controller: its merged mapping, arguments and return shape. */
final class HandlerReader {

  private final MappingAnnotations mappings;
  private final MetaAnnotations annotations;
  private final ArgumentReader arguments;
  private final JavaTypes types;
  private final List<Problem> problems;

  HandlerReader(MappingAnnotations mappings, MetaAnnotations annotations, ArgumentReader arguments, JavaTypes types,
      List<Problem> problems) {
    this.mappings = mappings;
    this.annotations = annotations;
    this.arguments = arguments;
    this.types = types;
    this.problems = problems;
  }

  /**
   * The handler a method declares, if it has a mapping and answers with a body: always in a
   * {@code @RestController} ({@code writesBody}), else with {@code @ResponseBody} or an entity or emitter return.
   */
  Optional<Handler> read(String controller, Mapping typeMapping, boolean writesBody, MethodFamily family) {
    try {
      Optional<Mapping> mapping = mappings.find(family.declarations());
      if (mapping.isEmpty()) {
        return Optional.empty();
      }
      MethodDeclaration method = family.implementation();
      // Reactor is seldom on an MVC application's classpath: the imports tell before resolution fails
      String written = JavaTypes.writtenErasure(method.getType());
      if (written.equals(SpringNames.MONO) || written.equals(SpringNames.FLUX)) {
        return reactive(method, written);
      }
      JavaType returned = types.of(method.getType());
      if (returned.is(SpringNames.PUBLISHER)) {
        return reactive(method, returned.erasure());
      }
      if (!writesBody && !answersWithBody(family, returned)) {
        return Optional.empty();
      }
      List<Argument> read = IntStream.range(0, method.getParameters().size())
          .mapToObj(index -> arguments.read(family, index))
          .toList();
      MethodSignature signature = new MethodSignature(method.getNameAsString(), returned.name(),
          read.stream().map(Argument::type).toList(),
          method.getThrownExceptions().stream().map(thrown -> types.of(thrown).name()).toList());
      Mapping route = mapping.get().within(typeMapping);
      return Optional.of(new Handler(controller, signature, List.copyOf(route.methods()), route.paths(),
          route.conditions(), read, ReturnShapes.of(returned), Positions.ofName(method)));
    } catch (UnreadableSource unreadable) {
      problems.add(unreadable.problem());
      return Optional.empty();
    }
  }

  private Optional<Handler> reactive(MethodDeclaration method, String returned) {
    problems.add(Problems.at(method.getName(), "WebFlux handler " + method.getNameAsString(),
        "it returns " + returned + "; " + Problems.SUPPORTED,
        "return the value itself or a ResponseEntity, as a Spring MVC handler does"));
    return Optional.empty();
  }

  /** In a plain {@code @Controller}, other handlers render views: they are no part of the REST API. */
  private boolean answersWithBody(MethodFamily family, JavaType returned) {
    return returned.isAnyOf(SpringNames.HTTP_ENTITY, SpringNames.RESPONSE_BODY_EMITTER, SpringNames.STREAMING_RESPONSE_BODY)
        || family.declarations().stream().anyMatch(method -> annotations.has(method, SpringNames.RESPONSE_BODY));
  }
}
