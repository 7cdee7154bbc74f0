package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A class and the supertypes declared in the source roots, nearest first: where Spring looks for mappings
 * and parameter annotations a controller inherits. Supertypes from jars carry no source and are left out.
 */
final class TypeHierarchy {

  private TypeHierarchy() {}

  static List<TypeDeclaration<?>> of(TypeDeclaration<?> type, JavaParserFacade facade) {
    List<TypeDeclaration<?>> hierarchy = new ArrayList<>();
    hierarchy.add(type);
    Deque<ResolvedReferenceTypeDeclaration> pending = new ArrayDeque<>();
    resolve(type, facade).ifPresent(pending::add);
    while (!pending.isEmpty()) {
      for (ResolvedReferenceType ancestor : directAncestors(pending.removeFirst())) {
        ancestor.getTypeDeclaration()
            .flatMap(declaration -> declaration.toAst(TypeDeclaration.class).map(node -> (TypeDeclaration<?>) node)
                .filter(node -> !hierarchy.contains(node))
                .map(node -> {
                  hierarchy.add(node);
                  return declaration;
                }))
            .ifPresent(pending::add);
      }
    }
    return hierarchy;
  }

  private static Optional<ResolvedReferenceTypeDeclaration> resolve(TypeDeclaration<?> type, JavaParserFacade facade) {
    try {
      return Optional.of(facade.getTypeDeclaration(type));
    } catch (RuntimeException unresolvable) {
      return Optional.empty();
    }
  }

  private static List<ResolvedReferenceType> directAncestors(ResolvedReferenceTypeDeclaration type) {
    try {
      return type.getAncestors(true);
    } catch (RuntimeException unresolvable) {
      // a supertype missing from the classpath: nothing to inherit from it
      return List.of();
    }
  }
}
