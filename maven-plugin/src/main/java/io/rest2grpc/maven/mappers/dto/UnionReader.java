package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.resolution.types.ResolvedType;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoUnion;
import io.rest2grpc.maven.mappers.dto.DtoShape.Subtype;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a polymorphic DTO: {@code @JsonTypeInfo(use = NAME, property = "…")} with {@code @JsonSubTypes}. */
final class UnionReader {

  private UnionReader() {}

  static DtoUnion read(Declared type, TypeDeclaration<?> declaration, AnnotationExpr typeInfo, List<String> problems) {
    String use = Annotations.constant(typeInfo, "use").orElse("");
    if (!use.equals("NAME")) {
      problems.add("its @JsonTypeInfo uses " + (use.isEmpty() ? "no id" : use) + "; typed mappers follow use = Id.NAME only");
    }
    String include = Annotations.constant(typeInfo, "include").orElse("PROPERTY");
    if (!include.equals("PROPERTY")) {
      problems.add("its @JsonTypeInfo includes the type id as " + include
          + "; typed mappers follow As.PROPERTY (the proto's flat discriminated oneof) only");
    }
    String discriminator = Annotations.string(typeInfo, "property").filter(name -> !name.isEmpty()).orElse("@type");
    List<Subtype> subtypes = new ArrayList<>();
    Optional<AnnotationExpr> subTypes = Annotations.find(declaration, Annotations.JACKSON + "JsonSubTypes");
    if (subTypes.isEmpty()) {
      problems.add("it has no @JsonSubTypes; list its subtypes there, each with its name");
    }
    for (Expression entry : subTypes.flatMap(annotation -> Annotations.member(annotation, "value")).map(UnionReader::elements).orElse(List.of())) {
      if (!(entry instanceof AnnotationExpr subtype)) {
        continue;
      }
      Optional<ClassExpr> value = Annotations.member(subtype, "value").filter(ClassExpr.class::isInstance).map(ClassExpr.class::cast);
      if (value.isEmpty()) {
        problems.add("a @JsonSubTypes.Type has no class; write value = X.class");
        continue;
      }
      JavaType subtypeType = resolve(value.get());
      if (!(subtypeType instanceof Declared declared)) {
        problems.add("its subtype " + value.get() + " cannot be resolved");
        continue;
      }
      Optional<String> name = Annotations.string(subtype, "name").filter(text -> !text.isEmpty());
      if (name.isEmpty()) {
        problems.add("its subtype " + declared.simpleName() + " has no name in @JsonSubTypes; add name = \"…\"");
        continue;
      }
      subtypes.add(new Subtype(name.get(), declared));
    }
    return new DtoUnion(type, discriminator, subtypes, problems);
  }

  private static JavaType resolve(ClassExpr value) {
    try {
      ResolvedType resolved = value.getType().resolve();
      return TypeResolution.of(resolved, Map.of());
    } catch (RuntimeException unresolved) {
      return new JavaType.Unresolved(value.toString(), unresolved.getMessage());
    }
  }

  private static List<Expression> elements(Expression value) {
    return value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
  }
}
