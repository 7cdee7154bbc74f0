package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.Optional;

/**
 * Annotations by name. Jackson and Lombok annotations are matched by their simple or qualified name without
 * resolving them, which is how they are written in practice and works without Lombok on the classpath. Jackson 3
 * kept Jackson 2's {@code com.fasterxml.jackson.annotation} package and moved the databind annotations to
 * {@code tools.jackson.databind.annotation}.
 */
final class Annotations {

  static final String JACKSON = "com.fasterxml.jackson.annotation.";
  static final String JACKSON_DATABIND = "com.fasterxml.jackson.databind.annotation.";
  static final String JACKSON_3_DATABIND = "tools.jackson.databind.annotation.";
  static final String LOMBOK = "lombok.";

  private Annotations() {}

  static Optional<AnnotationExpr> find(NodeWithAnnotations<?> node, String qualifiedName) {
    String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    return node.getAnnotations().stream()
        .filter(annotation -> {
          String name = annotation.getNameAsString();
          return name.equals(qualifiedName) || name.equals(simpleName);
        })
        .findFirst();
  }

  /** A databind annotation ({@code JsonNaming}, …) of Jackson 2 or 3. */
  static Optional<AnnotationExpr> findDatabind(NodeWithAnnotations<?> node, String simpleName) {
    return find(node, JACKSON_DATABIND + simpleName).or(() -> find(node, JACKSON_3_DATABIND + simpleName));
  }

  static boolean has(NodeWithAnnotations<?> node, String qualifiedName) {
    return find(node, qualifiedName).isPresent();
  }

  /** A member's value: {@code value} also reads the single-member form {@code @A(x)}. */
  static Optional<Expression> member(AnnotationExpr annotation, String member) {
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      return member.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
    }
    if (annotation instanceof NormalAnnotationExpr normal) {
      return normal.getPairs().stream()
          .filter(pair -> pair.getNameAsString().equals(member))
          .map(pair -> pair.getValue())
          .findFirst();
    }
    return Optional.empty();
  }

  static Optional<String> string(AnnotationExpr annotation, String member) {
    return member(annotation, member)
        .filter(Expression::isStringLiteralExpr)
        .map(expression -> ((StringLiteralExpr) expression).asString());
  }

  /** The last name of an enum constant member, {@code JsonTypeInfo.Id.NAME} → {@code NAME}. */
  static Optional<String> constant(AnnotationExpr annotation, String member) {
    return member(annotation, member).map(expression -> {
      String text = expression.toString();
      return text.substring(text.lastIndexOf('.') + 1);
    });
  }
}
