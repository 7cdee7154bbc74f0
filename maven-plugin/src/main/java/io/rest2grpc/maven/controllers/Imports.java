package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import java.util.Optional;

/**
 * Qualifies a name the way its file's imports do, for names the symbol solver cannot resolve (a type from a
 * jar missing from the classpath, a {@code javax.*} annotation on a Boot 3 classpath).
 */
final class Imports {

  private Imports() {}

  static String qualify(Node context, String written) {
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    if (dot >= 0 && Character.isLowerCase(first.charAt(0))) {
      return written;
    }
    Optional<CompilationUnit> unit = context.findCompilationUnit();
    if (unit.isEmpty()) {
      return written;
    }
    for (ImportDeclaration declaration : unit.get().getImports()) {
      if (!declaration.isAsterisk() && !declaration.isStatic() && declaration.getName().getIdentifier().equals(first)) {
        return declaration.getNameAsString() + written.substring(first.length());
      }
    }
    return unit.get().getPackageDeclaration()
        .map(declaration -> declaration.getNameAsString() + "." + written)
        .orElse(written);
  }
}
