package io.rest2grpc.maven.mappers.dto;

import java.util.List;
import java.util.stream.Collectors;

/** A Java type as a DTO property declares it, resolved against the sources, the JDK and the classpath. */
public sealed interface JavaType {

  /** How the type reads in a message: {@code java.util.List<io.example.OrderItem>}. */
  String describe();

  /** {@code int}, {@code boolean}, … */
  record Primitive(String name) implements JavaType {
    @Override
    public String describe() {
      return name;
    }
  }

  /** A class, interface, enum or record; {@code simpleNames} holds the enclosing classes too ({@code Outer.Inner}). */
  record Declared(String packageName, String simpleNames, List<JavaType> arguments) implements JavaType {

    public Declared {
      arguments = List.copyOf(arguments);
    }

    public static Declared of(String qualifiedName) {
      int dot = qualifiedName.lastIndexOf('.');
      return new Declared(dot < 0 ? "" : qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1), List.of());
    }

    public String qualifiedName() {
      return packageName.isEmpty() ? simpleNames : packageName + "." + simpleNames;
    }

    public String simpleName() {
      return simpleNames.substring(simpleNames.lastIndexOf('.') + 1);
    }

    public boolean is(String qualifiedName) {
      return qualifiedName().equals(qualifiedName);
    }

    @Override
    public String describe() {
      return arguments.isEmpty() ? qualifiedName()
          : qualifiedName() + arguments.stream().map(JavaType::describe).collect(Collectors.joining(", ", "<", ">"));
    }
  }

  record ArrayOf(JavaType component) implements JavaType {
    @Override
    public String describe() {
      return component.describe() + "[]";
    }
  }

  /** A type the symbol solver could not resolve, or one no mapper can hold (a wildcard, a free type variable). */
  record Unresolved(String text, String reason) implements JavaType {
    @Override
    public String describe() {
      return text;
    }
  }
}
