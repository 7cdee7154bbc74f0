package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.resolution.declarations.ResolvedAnnotationDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import java.util.Optional;

/**
 * What annotations and the class literals in them refer to: qualified names, and the declaration of an
 * annotation written in the source roots.
 */
final class AnnotationNames {

  private final JavaParserFacade facade;

  AnnotationNames(JavaParserFacade facade) {
    this.facade = facade;
  }

  String qualifiedName(AnnotationExpr annotation) {
    return solve(annotation)
        .map(ResolvedAnnotationDeclaration::getQualifiedName)
        .orElseGet(() -> Imports.qualify(annotation, annotation.getNameAsString()));
  }

  /** The qualified name of a class literal's type ({@code ApiException.class}), generics erased. */
  String qualifiedType(ClassExpr classLiteral) {
    try {
      ResolvedType type = facade.convertToUsage(classLiteral.getType());
      return type.isReferenceType() ? type.asReferenceType().getQualifiedName() : type.describe();
    } catch (RuntimeException unresolvable) {
      return Imports.qualify(classLiteral, classLiteral.getType().asString());
    }
  }

  /** The declaration of a custom annotation written in the source roots, whose own annotations may be mappings. */
  Optional<AnnotationDeclaration> sourceDeclaration(AnnotationExpr annotation) {
    return solve(annotation).flatMap(declaration -> declaration.toAst(AnnotationDeclaration.class));
  }

  private Optional<ResolvedAnnotationDeclaration> solve(AnnotationExpr annotation) {
    try {
      SymbolReference<ResolvedAnnotationDeclaration> reference = facade.solve(annotation);
      return reference.isSolved() ? Optional.of(reference.getCorrespondingDeclaration()) : Optional.empty();
    } catch (RuntimeException unresolvable) {
      // e.g. javax.* on a jakarta classpath: the imports still name it
      return Optional.empty();
    }
  }
}
