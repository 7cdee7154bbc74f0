package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import io.rest2grpc.maven.controllers.model.Advice;
import io.rest2grpc.maven.controllers.model.Bypassed;
import io.rest2grpc.maven.controllers.model.Controller;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.controllers.model.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tells controllers and advice classes from other classes, and reads them. */
final class TypeReader {

  /** What Spring MVC makes of a class. */
  enum Role {
    /** {@code @RestController}: every handler writes its return value as the body. */
    REST_CONTROLLER,
    /** {@code @Controller}: handlers write a body with {@code @ResponseBody} (or an entity return), else render views. */
    CONTROLLER,
    /** {@code @ControllerAdvice} or {@code @RestControllerAdvice}: not a controller, but applies to them. */
    ADVICE,
    NONE
  }

  private final JavaParserFacade facade;
  private final MetaAnnotations annotations;
  private final MappingAnnotations mappings;
  private final HandlerReader handlers;
  private final AdviceMethods adviceMethods;
  private final JavaTypes types;
  private final List<Problem> problems;
  private final BypassedReader bypassed;

  TypeReader(JavaParserFacade facade, MetaAnnotations annotations, MappingAnnotations mappings, HandlerReader handlers,
      AdviceMethods adviceMethods, JavaTypes types, List<Problem> problems) {
    this.facade = facade;
    this.annotations = annotations;
    this.mappings = mappings;
    this.handlers = handlers;
    this.adviceMethods = adviceMethods;
    this.types = types;
    this.problems = problems;
    this.bypassed = new BypassedReader(facade, annotations);
  }

  /** Stereotypes are not inherited: only the class's own annotations, composed ones included, count. */
  Role role(ClassOrInterfaceDeclaration type) {
    if (type.isInterface() || type.isAbstract()) {
      return Role.NONE;
    }
    Set<String> names = annotations.allNames(type);
    if (names.contains(SpringNames.REST_CONTROLLER)) {
      return Role.REST_CONTROLLER;
    }
    if (names.contains(SpringNames.CONTROLLER_ADVICE) || names.contains(SpringNames.REST_CONTROLLER_ADVICE)) {
      return Role.ADVICE;
    }
    return names.contains(SpringNames.CONTROLLER) ? Role.CONTROLLER : Role.NONE;
  }

  /** A {@code @SpringBootApplication} class: what the generated self-check test starts. */
  boolean isApplication(ClassOrInterfaceDeclaration type) {
    return annotations.allNames(type).contains(SpringNames.SPRING_BOOT_APPLICATION);
  }

  /** The servlet filter beans and body advice a type declares, which typed calls bypass. */
  List<Bypassed> bypassed(ClassOrInterfaceDeclaration type, Role role) {
    return bypassed.read(type, annotations.allNames(type), role == Role.ADVICE);
  }

  Optional<Controller> controller(ClassOrInterfaceDeclaration type, Role role) {
    List<TypeDeclaration<?>> hierarchy = TypeHierarchy.of(type, facade);
    List<MethodFamily> families = MethodFamily.of(hierarchy);
    Mapping typeMapping;
    try {
      typeMapping = mappings.find(hierarchy).orElse(Mapping.NONE);
    } catch (UnreadableSource unreadable) {
      problems.add(unreadable.problem());
      return Optional.empty();
    }
    String name = qualifiedName(type);
    boolean writesBody = role == Role.REST_CONTROLLER
        || hierarchy.stream().anyMatch(declaration -> annotations.has(declaration, SpringNames.RESPONSE_BODY));
    List<Handler> read = families.stream()
        .map(family -> handlers.read(name, typeMapping, writesBody, family))
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(Handler::position))
        .toList();
    return Optional.of(new Controller(name, Positions.ofName(type), read, adviceMethods.exceptionHandlers(families),
        adviceMethods.initBinders(families)));
  }

  Advice advice(ClassOrInterfaceDeclaration type) {
    List<MethodFamily> families = MethodFamily.of(TypeHierarchy.of(type, facade));
    String superclass = type.getExtendedTypes().getFirst().map(extended -> types.of(extended).erasure())
        .orElse(JavaType.OBJECT.erasure());
    return new Advice(qualifiedName(type), superclass, Positions.ofName(type), adviceMethods.exceptionHandlers(families),
        adviceMethods.initBinders(families));
  }

  private static String qualifiedName(ClassOrInterfaceDeclaration type) {
    return type.getFullyQualifiedName().orElse(type.getNameAsString());
  }
}
