package io.rest2grpc.maven.controllers;

import java.util.List;
import java.util.Set;

/**
 * A resolved Java type as the reader classifies it.
 *
 * @param name the full name with generics ({@code java.util.List<a.OrderDto>}), as a signature shows it
 * @param erasure the qualified name without generics ({@code java.util.List}); a primitive, {@code void},
 *     a type variable's name, or the erasure of the component followed by {@code []}
 * @param arguments the type arguments, or the component type of an array
 * @param supertypes qualified names of every supertype, as far as the classpath resolves them
 * @param isEnum whether it is an enum
 */
record JavaType(String name, String erasure, List<JavaType> arguments, Set<String> supertypes, boolean isEnum) {

  static final JavaType OBJECT = new JavaType("java.lang.Object", "java.lang.Object", List.of(), Set.of(), false);

  JavaType {
    arguments = List.copyOf(arguments);
    supertypes = Set.copyOf(supertypes);
  }

  /** Whether it is the named class or interface or a subtype of it. */
  boolean is(String qualifiedName) {
    return erasure.equals(qualifiedName) || supertypes.contains(qualifiedName);
  }

  boolean isAnyOf(String... qualifiedNames) {
    for (String qualifiedName : qualifiedNames) {
      if (is(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  boolean isArray() {
    return erasure.endsWith("[]");
  }

  /** The type argument at an index ({@code Object} for raw types), or an array's component type. */
  JavaType argument(int index) {
    return index < arguments.size() ? arguments.get(index) : OBJECT;
  }
}
