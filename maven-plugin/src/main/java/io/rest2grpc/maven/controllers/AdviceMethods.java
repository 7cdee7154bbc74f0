package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.MethodDeclaration;
import io.rest2grpc.maven.controllers.MetaAnnotations.Found;
import io.rest2grpc.maven.controllers.model.ExceptionHandlerMethod;
import io.rest2grpc.maven.controllers.model.InitBinderMethod;
import io.rest2grpc.maven.controllers.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code @ExceptionHandler} and {@code @InitBinder} methods of a controller or an advice class. */
final class AdviceMethods {

  private final MetaAnnotations annotations;
  private final ConstantResolver constants;
  private final JavaTypes types;
  private final List<Problem> problems;

  AdviceMethods(MetaAnnotations annotations, ConstantResolver constants, JavaTypes types, List<Problem> problems) {
    this.annotations = annotations;
    this.constants = constants;
    this.types = types;
    this.problems = problems;
  }

  List<ExceptionHandlerMethod> exceptionHandlers(List<MethodFamily> families) {
    List<ExceptionHandlerMethod> handlers = new ArrayList<>();
    for (MethodFamily family : families) {
      try {
        find(family, SpringNames.EXCEPTION_HANDLER).ifPresent(found -> {
          MethodDeclaration method = family.implementation();
          handlers.add(new ExceptionHandlerMethod(method.getNameAsString(), exceptionTypes(found, method),
              Positions.ofName(method)));
        });
      } catch (UnreadableSource unreadable) {
        problems.add(unreadable.problem());
      }
    }
    return handlers;
  }

  List<InitBinderMethod> initBinders(List<MethodFamily> families) {
    List<InitBinderMethod> binders = new ArrayList<>();
    for (MethodFamily family : families) {
      try {
        find(family, SpringNames.INIT_BINDER).ifPresent(found -> {
          MethodDeclaration method = family.implementation();
          List<String> names = found.attribute("value").map(constants::strings).orElse(List.of());
          binders.add(new InitBinderMethod(method.getNameAsString(), names, Positions.ofName(method)));
        });
      } catch (UnreadableSource unreadable) {
        problems.add(unreadable.problem());
      }
    }
    return binders;
  }

  private Optional<Found> find(MethodFamily family, String annotation) {
    return family.declarations().stream()
        .map(method -> annotations.find(method, Set.of(annotation)))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The annotation's exception classes, else (as Spring does) the method's exception parameters. */
  private List<String> exceptionTypes(Found handler, MethodDeclaration method) {
    List<String> declared = handler.attribute("exception", "value").map(constants::types).orElse(List.of());
    if (!declared.isEmpty()) {
      return declared;
    }
    return method.getParameters().stream()
        .map(types::of)
        .filter(type -> type.is("java.lang.Throwable"))
        .map(JavaType::erasure)
        .toList();
  }
}
