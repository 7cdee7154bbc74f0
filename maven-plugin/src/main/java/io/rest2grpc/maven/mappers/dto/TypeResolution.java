package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import io.rest2grpc.maven.mappers.dto.JavaType.ArrayOf;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import io.rest2grpc.maven.mappers.dto.JavaType.Unresolved;
import java.util.List;
import java.util.Map;

/** Turns the symbol solver's types into {@link JavaType}s, binding the type variables of a generic DTO. */
final class TypeResolution {

  private TypeResolution() {}

  static JavaType of(Type type, Map<String, JavaType> bindings) {
    try {
      return of(type.resolve(), bindings);
    } catch (RuntimeException unresolved) {
      return new Unresolved(type.toString(), "the symbol solver cannot resolve it (" + unresolved.getMessage() + ")");
    }
  }

  static JavaType of(ResolvedType type, Map<String, JavaType> bindings) {
    if (type.isPrimitive()) {
      return new Primitive(type.describe());
    }
    if (type.isArray()) {
      return new ArrayOf(of(type.asArrayType().getComponentType(), bindings));
    }
    if (type.isTypeVariable()) {
      String name = type.asTypeParameter().getName();
      return bindings.getOrDefault(name, new Unresolved(name, "a type variable without a type argument"));
    }
    if (type.isReferenceType()) {
      ResolvedReferenceType reference = type.asReferenceType();
      List<JavaType> arguments = reference.typeParametersValues().stream().map(argument -> of(argument, bindings)).toList();
      return declared(reference.getTypeDeclaration().orElseThrow(), arguments);
    }
    return new Unresolved(type.describe(), "a wildcard or intersection type has no proto counterpart");
  }

  static Declared declared(ResolvedReferenceTypeDeclaration declaration, List<JavaType> arguments) {
    return new Declared(declaration.getPackageName(), declaration.getClassName(), arguments);
  }
}
