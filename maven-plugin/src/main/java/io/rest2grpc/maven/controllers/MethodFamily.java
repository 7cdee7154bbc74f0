package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One method of a class as the JVM dispatches it: the declarations of the class and of its source
 * supertypes that override one another, nearest first. Spring merges their annotations, parameters' too.
 */
record MethodFamily(List<MethodDeclaration> declarations) {

  /** The families of the instance methods of a type hierarchy (from {@link TypeHierarchy}), in declaration order. */
  static List<MethodFamily> of(List<TypeDeclaration<?>> hierarchy) {
    List<List<MethodDeclaration>> families = new ArrayList<>();
    for (TypeDeclaration<?> type : hierarchy) {
      for (MethodDeclaration method : type.getMethods()) {
        if (method.isStatic()) {
          continue;
        }
        families.stream()
            .filter(family -> overrides(family.get(0), method))
            .findFirst()
            .ifPresentOrElse(family -> family.add(method), () -> families.add(new ArrayList<>(List.of(method))));
      }
    }
    return families.stream().map(MethodFamily::new).toList();
  }

  MethodFamily {
    declarations = List.copyOf(declarations);
  }

  /** The declaration that runs: the nearest one with a body, else the nearest (an interface method). */
  MethodDeclaration implementation() {
    return declarations.stream().filter(method -> method.getBody().isPresent()).findFirst().orElse(declarations.get(0));
  }

  /** The parameter at an index in every declaration, nearest first. */
  List<Parameter> parameters(int index) {
    return declarations.stream().map(method -> method.getParameter(index)).toList();
  }

  /**
   * Whether two methods have the same signature, decided from source: same name and arity, and parameter
   * types with the same simple name unless one is a type variable ({@code T save(T)} in a generic interface).
   */
  private static boolean overrides(MethodDeclaration nearer, MethodDeclaration farther) {
    if (!nearer.getNameAsString().equals(farther.getNameAsString())
        || nearer.getParameters().size() != farther.getParameters().size()) {
      return false;
    }
    Set<String> variables = typeVariables(farther);
    for (int i = 0; i < nearer.getParameters().size(); i++) {
      String near = erasedName(nearer.getParameter(i).getType());
      String far = erasedName(farther.getParameter(i).getType());
      if (!near.equals(far) && !variables.contains(far)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> typeVariables(MethodDeclaration method) {
    Set<String> variables = method.getTypeParameters().stream().map(TypeParameter::getNameAsString).collect(Collectors.toSet());
    method.getParentNode()
        .filter(NodeWithTypeParameters.class::isInstance)
        .map(parent -> ((NodeWithTypeParameters<?>) parent).getTypeParameters())
        .ifPresent(parameters -> parameters.forEach(parameter -> variables.add(parameter.getNameAsString())));
    return variables;
  }

  private static String erasedName(Type type) {
    Type element = type.getElementType();
    String name = element instanceof ClassOrInterfaceType named ? named.getNameAsString() : element.asString();
    return name + "[]".repeat(type.getArrayLevel());
  }
}
