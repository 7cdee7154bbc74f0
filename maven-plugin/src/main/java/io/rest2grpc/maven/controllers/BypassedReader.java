package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import io.rest2grpc.maven.controllers.model.Bypassed;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what of the app's web stack typed calls bypass: servlet filters registered as beans by a
 * stereotype ({@code @Component} and its kin), and body advice on {@code @ControllerAdvice} classes.
 */
final class BypassedReader {
  private static final String FILTER = "jakarta.servlet.Filter";
  private static final String REQUEST_BODY_ADVICE = "org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice";
  private static final String RESPONSE_BODY_ADVICE = "org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice";
  /** Spring's stereotypes; the reader sees meta-annotations only in the module's own sources. */
  private static final Set<String> BEAN_STEREOTYPES = Set.of("org.springframework.stereotype.Component",
      "org.springframework.stereotype.Service", "org.springframework.stereotype.Repository",
      "org.springframework.context.annotation.Configuration");

  private final JavaParserFacade facade;

  BypassedReader(JavaParserFacade facade) {
    this.facade = facade;
  }

  Optional<Bypassed> read(ClassOrInterfaceDeclaration type, Set<String> annotationNames, boolean advice) {
    if (type.isInterface() || type.isAbstract()) {
      return Optional.empty();
    }
    Set<String> ancestors = ancestors(type);
    String name = type.getFullyQualifiedName().orElse(type.getNameAsString());
    if (ancestors.contains(FILTER) && annotationNames.stream().anyMatch(BEAN_STEREOTYPES::contains)) {
      return Optional.of(new Bypassed(Bypassed.Kind.SERVLET_FILTER, name, Positions.ofName(type)));
    }
    if (advice && ancestors.contains(RESPONSE_BODY_ADVICE)) {
      return Optional.of(new Bypassed(Bypassed.Kind.RESPONSE_BODY_ADVICE, name, Positions.ofName(type)));
    }
    if (advice && ancestors.contains(REQUEST_BODY_ADVICE)) {
      return Optional.of(new Bypassed(Bypassed.Kind.REQUEST_BODY_ADVICE, name, Positions.ofName(type)));
    }
    return Optional.empty();
  }

  /** Every supertype's qualified name that resolves: a supertype missing from the classpath is skipped, not fatal. */
  private Set<String> ancestors(ClassOrInterfaceDeclaration type) {
    Set<String> found = new HashSet<>();
    Deque<ResolvedReferenceTypeDeclaration> pending = new ArrayDeque<>();
    try {
      pending.add(facade.getTypeDeclaration(type));
    } catch (RuntimeException unresolvable) {
      return found;
    }
    while (!pending.isEmpty()) {
      List<ResolvedReferenceType> direct;
      try {
        direct = pending.poll().getAncestors(true);
      } catch (RuntimeException unresolvable) {
        continue;
      }
      for (ResolvedReferenceType ancestor : direct) {
        if (found.add(ancestor.getQualifiedName())) {
          ancestor.getTypeDeclaration().ifPresent(pending::add);
        }
      }
    }
    return found;
  }
}
