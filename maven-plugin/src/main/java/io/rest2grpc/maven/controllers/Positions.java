package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.nodeTypes.NodeWithSimpleName;
import io.rest2grpc.maven.source.SourcePosition;
import java.nio.file.Path;

/** Source positions of parsed nodes: every compilation unit the reader uses was parsed from a file. */
public final class Positions {

  private Positions() {}

  public static SourcePosition of(Node node) {
    Path file = node.findCompilationUnit()
        .flatMap(CompilationUnit::getStorage)
        .map(CompilationUnit.Storage::getPath)
        .orElseThrow(() -> new IllegalStateException("not parsed from a file: " + node));
    return new SourcePosition(file, node.getBegin().map(begin -> begin.line).orElse(1));
  }

  /** The line of a declaration's name, past its Javadoc and annotations. */
  public static SourcePosition ofName(NodeWithSimpleName<?> declaration) {
    return of(declaration.getName());
  }
}
