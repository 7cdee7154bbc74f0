package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.resolution.types.ResolvedWildcard;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import io.rest2grpc.maven.controllers.model.Problem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves written types to {@link JavaType}s. A type the classpath cannot resolve is taken as its file's
 * imports name it, and reported, since code generated from its name may not compile.
 */
final class JavaTypes {

  private final JavaParserFacade facade;
  private final List<Problem> problems;
  private final Map<String, Set<String>> supertypesByErasure = new HashMap<>();

  JavaTypes(JavaParserFacade facade, List<Problem> problems) {
    this.facade = facade;
    this.problems = problems;
  }

  JavaType of(Parameter parameter) {
    JavaType type = of(parameter.getType());
    return parameter.isVarArgs() ? arrayOf(type) : type;
  }

  JavaType of(Type type) {
    try {
      return of(facade.convertToUsage(type));
    } catch (RuntimeException unresolvable) {
      problems.add(Problems.at(type, "Type " + type, "cannot be resolved",
          "add the jar that declares it to the compile classpath (rest2grpc resolves types from the module's source"
              + " roots and compile dependencies)"));
      return written(type);
    }
  }

  /** The qualified name without generics a type is written with, as its file's imports name it; nothing resolved. */
  static String writtenErasure(Type type) {
    return type instanceof ClassOrInterfaceType named ? Imports.qualify(named, named.getNameWithScope()) : type.asString();
  }

  private JavaType of(ResolvedType type) {
    if (type.isArray()) {
      return arrayOf(of(type.asArrayType().getComponentType()));
    }
    if (type.isWildcard()) {
      ResolvedWildcard wildcard = type.asWildcard();
      return wildcard.isExtends() ? of(wildcard.getBoundedType())
          : new JavaType(wildcard.describe(), JavaType.OBJECT.erasure(), List.of(), Set.of(), false);
    }
    if (type.isReferenceType()) {
      ResolvedReferenceType reference = type.asReferenceType();
      List<JavaType> arguments = reference.typeParametersValues().stream().map(this::of).toList();
      boolean isEnum = reference.getTypeDeclaration().map(ResolvedReferenceTypeDeclaration::isEnum).orElse(false);
      return new JavaType(reference.describe(), reference.getQualifiedName(), arguments, supertypes(reference), isEnum);
    }
    return new JavaType(type.describe(), type.describe(), List.of(), Set.of(), false);
  }

  private Set<String> supertypes(ResolvedReferenceType type) {
    return supertypesByErasure.computeIfAbsent(type.getQualifiedName(), erasure -> {
      Set<String> names = new LinkedHashSet<>();
      Deque<ResolvedReferenceTypeDeclaration> pending = new ArrayDeque<>();
      type.getTypeDeclaration().ifPresent(pending::add);
      while (!pending.isEmpty()) {
        try {
          for (ResolvedReferenceType ancestor : pending.removeFirst().getAncestors(true)) {
            if (names.add(ancestor.getQualifiedName())) {
              ancestor.getTypeDeclaration().ifPresent(pending::add);
            }
          }
        } catch (RuntimeException unresolvable) {
          // a supertype missing from the classpath ends this branch
        }
      }
      return names;
    });
  }

  private static JavaType written(Type type) {
    if (type instanceof ArrayType array) {
      return arrayOf(written(array.getComponentType()));
    }
    if (type instanceof ClassOrInterfaceType named) {
      String erasure = writtenErasure(named);
      List<JavaType> arguments = named.getTypeArguments().map(list -> list.stream().map(JavaTypes::written).toList())
          .orElse(List.of());
      String name = arguments.isEmpty() ? erasure
          : erasure + arguments.stream().map(JavaType::name).collect(Collectors.joining(", ", "<", ">"));
      return new JavaType(name, erasure, arguments, Set.of(), false);
    }
    return new JavaType(type.asString(), type.asString(), List.of(), Set.of(), false);
  }

  private static JavaType arrayOf(JavaType component) {
    return new JavaType(component.name() + "[]", component.erasure() + "[]", List.of(component), Set.of(), false);
  }
}
