package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import io.rest2grpc.maven.controllers.model.Bypassed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what of the app's web stack typed calls bypass: servlet filters registered as beans, by a
 * stereotype ({@code @Component} and its kin) or by a {@code @Bean} method returning a filter or a
 * {@code FilterRegistrationBean}, and body advice on {@code @ControllerAdvice} classes.
 */
final class BypassedReader {
  private static final String FILTER = "jakarta.servlet.Filter";
  private static final String BEAN = "org.springframework.context.annotation.Bean";
  private static final String FILTER_REGISTRATION = "org.springframework.boot.web.servlet.FilterRegistrationBean";
  private static final String REQUEST_BODY_ADVICE = "org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice";
  private static final String RESPONSE_BODY_ADVICE = "org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice";
  /** Spring's stereotypes; the reader sees meta-annotations only in the module's own sources. */
  private static final Set<String> BEAN_STEREOTYPES = Set.of("org.springframework.stereotype.Component",
      "org.springframework.stereotype.Service", "org.springframework.stereotype.Repository",
      "org.springframework.context.annotation.Configuration");

  private final JavaParserFacade facade;
  private final MetaAnnotations annotations;

  BypassedReader(JavaParserFacade facade, MetaAnnotations annotations) {
    this.facade = facade;
    this.annotations = annotations;
  }

  List<Bypassed> read(ClassOrInterfaceDeclaration type, Set<String> annotationNames, boolean advice) {
    if (type.isInterface()) {
      return List.of();
    }
    List<Bypassed> found = new ArrayList<>();
    for (MethodDeclaration method : type.getMethods()) {
      if (annotations.has(method, BEAN)) {
        beanFilter(method).ifPresent(filter -> found.add(new Bypassed(Bypassed.Kind.SERVLET_FILTER, filter, Positions.ofName(method))));
      }
    }
    if (type.isAbstract()) {
      return found;
    }
    Set<String> ancestors = ancestors(type);
    String name = type.getFullyQualifiedName().orElse(type.getNameAsString());
    if (ancestors.contains(FILTER) && annotationNames.stream().anyMatch(BEAN_STEREOTYPES::contains)) {
      found.add(new Bypassed(Bypassed.Kind.SERVLET_FILTER, name, Positions.ofName(type)));
    } else if (advice && ancestors.contains(RESPONSE_BODY_ADVICE)) {
      found.add(new Bypassed(Bypassed.Kind.RESPONSE_BODY_ADVICE, name, Positions.ofName(type)));
    } else if (advice && ancestors.contains(REQUEST_BODY_ADVICE)) {
      found.add(new Bypassed(Bypassed.Kind.REQUEST_BODY_ADVICE, name, Positions.ofName(type)));
    }
    return found;
  }

  /**
   * The filter class a {@code @Bean} method registers: the class its one {@code return new X(…)} builds, else its
   * declared filter type, or the type argument of a {@code FilterRegistrationBean<X>}; empty when the bean is no filter.
   */
  private Optional<String> beanFilter(MethodDeclaration method) {
    ResolvedType returned;
    try {
      returned = facade.convertToUsage(method.getType());
    } catch (RuntimeException unresolvable) {
      return Optional.empty();
    }
    if (!returned.isReferenceType()) {
      return Optional.empty();
    }
    ResolvedReferenceType reference = returned.asReferenceType();
    if (reference.getQualifiedName().equals(FILTER_REGISTRATION)) {
      return reference.typeParametersValues().stream().filter(ResolvedType::isReferenceType)
          .map(argument -> argument.asReferenceType().getQualifiedName()).findFirst()
          .or(() -> constructed(method)).or(() -> Optional.of(FILTER_REGISTRATION));
    }
    if (!isFilter(reference)) {
      return Optional.empty();
    }
    return constructed(method).or(() -> Optional.of(reference.getQualifiedName()));
  }

  private static boolean isFilter(ResolvedReferenceType type) {
    return type.getQualifiedName().equals(FILTER)
        || type.getTypeDeclaration().map(declaration -> ancestors(declaration).contains(FILTER)).orElse(false);
  }

  /** The class of the one {@code new X(…)} a method returns, resolved. */
  private Optional<String> constructed(MethodDeclaration method) {
    List<String> classes = new ArrayList<>();
    for (ReturnStmt statement : method.findAll(ReturnStmt.class)) {
      statement.getExpression().filter(ObjectCreationExpr.class::isInstance).map(ObjectCreationExpr.class::cast).ifPresent(created -> {
        try {
          classes.add(facade.convertToUsage(created.getType()).describe());
        } catch (RuntimeException unresolvable) {
          classes.add(created.getType().getNameAsString());
        }
      });
    }
    return classes.size() == 1 ? Optional.of(classes.get(0).replaceAll("<.*", "")) : Optional.empty();
  }

  /** Every supertype's qualified name that resolves: a supertype missing from the classpath is skipped, not fatal. */
  private Set<String> ancestors(ClassOrInterfaceDeclaration type) {
    try {
      return ancestors(facade.getTypeDeclaration(type));
    } catch (RuntimeException unresolvable) {
      return Set.of();
    }
  }

  private static Set<String> ancestors(ResolvedReferenceTypeDeclaration type) {
    Set<String> found = new HashSet<>();
    Deque<ResolvedReferenceTypeDeclaration> pending = new ArrayDeque<>();
    pending.add(type);
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
