package io.rest2grpc.maven.eject;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import io.rest2grpc.maven.controllers.model.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The source of the handlers the controller reader found: each controller file parsed once, its methods by line. */
final class HandlerSource {
  private final JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
  private final Map<Path, CompilationUnit> units = new HashMap<>();

  /** The handler's declaration: the method whose name is on the handler's line of its file. */
  MethodDeclaration declaration(Handler handler) {
    CompilationUnit unit = units.computeIfAbsent(handler.position().file(), this::parse);
    return unit.findAll(MethodDeclaration.class).stream()
        .filter(method -> method.getNameAsString().equals(handler.method().name())
            && method.getName().getBegin().map(begin -> begin.line == handler.position().line()).orElse(false))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no method " + handler.method().name() + " at " + handler.position()
            + ": the sources changed while the goal ran; run it again"));
  }

  private CompilationUnit parse(Path file) {
    try {
      ParseResult<CompilationUnit> result = parser.parse(file);
      return result.getResult().orElseThrow(() -> new IllegalStateException(file + " does not parse: " + result.getProblems()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
