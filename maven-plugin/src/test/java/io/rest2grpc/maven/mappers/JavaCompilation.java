package io.rest2grpc.maven.mappers;

import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources with the JDK's compiler against the test classpath (Lombok's processor included). */
final class JavaCompilation {

  private JavaCompilation() {}

  /** Compiles every .java file under the source directories into {@code classes} and loads them. */
  static ClassLoader compile(List<Path> sourceDirectories, Path classes) throws IOException {
    Files.createDirectories(classes);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      List<File> sources = sourceDirectories.stream().flatMap(JavaCompilation::javaFiles).map(Path::toFile).toList();
      List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
          "-parameters", "-d", classes.toString(), "-nowarn", "-Xlint:none"); // -parameters: as Spring Boot builds compile
      boolean compiled = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
      if (!compiled) {
        throw new AssertionError("the generated mappers do not compile with the DTOs and the protos' Java:\n"
            + diagnostics.getDiagnostics().stream().filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(Object::toString).collect(Collectors.joining("\n")));
      }
    }
    return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, JavaCompilation.class.getClassLoader());
  }

  private static Stream<Path> javaFiles(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
