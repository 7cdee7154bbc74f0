package io.rest2grpc.maven.controllers.model;

import java.util.List;

/** A Java method as code calling it needs it: types are resolved names with generics ({@code java.util.List<a.B>}). */
public record MethodSignature(String name, String returnType, List<String> parameterTypes, List<String> thrownTypes) {

  public MethodSignature {
    parameterTypes = List.copyOf(parameterTypes);
    thrownTypes = List.copyOf(thrownTypes);
  }

  @Override
  public String toString() {
    String signature = returnType + " " + name + "(" + String.join(", ", parameterTypes) + ")";
    return thrownTypes.isEmpty() ? signature : signature + " throws " + String.join(", ", thrownTypes);
  }
}
