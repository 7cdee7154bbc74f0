package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.ImportDeclaration;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.source.SourcePosition;
import io.rest2grpc.maven.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Sources rest2grpc cannot migrate, recognised before any symbol is resolved: by imports, or by file type. */
final class UnsupportedSources {

  private static final Pattern KOTLIN_CONTROLLER = Pattern.compile("^\\s*@(RestController|Controller)\\b");

  private UnsupportedSources() {}

  /** A {@code javax.servlet} or {@code javax.validation} import: the file was written for Spring Boot 2. */
  static Optional<Problem> bootTwo(SourceFile file) {
    return firstImport(file, name -> name.startsWith("javax.servlet.") || name.startsWith("javax.validation."))
        .map(found -> Problems.platform(found, "Spring Boot 2 import " + found.getNameAsString(),
            "javax.servlet and javax.validation belong to Spring Boot 2 (Spring 5); " + Problems.SUPPORTED,
            "migrate the application to Spring Boot 3 first (javax.* becomes jakarta.*)"));
  }

  /** A WebFlux import in a controller's file (WebClient, which MVC applications use too, aside). */
  static Optional<Problem> webFlux(SourceFile file) {
    return firstImport(file, name -> name.startsWith("org.springframework.web.server.")
            || name.startsWith("org.springframework.web.reactive.")
            && !name.startsWith("org.springframework.web.reactive.function.client."))
        .map(found -> Problems.at(found, "WebFlux import " + found.getNameAsString(),
            "the controllers of this file are Spring WebFlux controllers; " + Problems.SUPPORTED,
            "port them to Spring MVC (spring-boot-starter-web) or migrate them by hand"));
  }

  /** Routes declared as {@code RouterFunction} beans, which no annotation names. */
  static Optional<Problem> functionalEndpoints(SourceFile file) {
    return firstImport(file, name -> name.startsWith("org.springframework.web.servlet.function.")
            || name.startsWith("org.springframework.web.reactive.function.server."))
        .map(found -> Problems.at(found, "Functional endpoint import " + found.getNameAsString(),
            "routes declared with RouterFunction are not read; rest2grpc reads annotated controllers only",
            "declare these routes in a @RestController, or migrate them by hand"));
  }

  /** Kotlin files with controller annotations, under the source roots and their sibling {@code kotlin} directories. */
  static List<Problem> kotlinControllers(List<Path> sourceRoots) {
    Set<Path> directories = new TreeSet<>();
    for (Path root : sourceRoots) {
      directories.add(root);
      if (root.getFileName() != null && root.getFileName().toString().equals("java")) {
        directories.add(root.resolveSibling("kotlin"));
      }
    }
    List<Problem> problems = new ArrayList<>();
    for (Path directory : directories) {
      for (Path file : kotlinFiles(directory)) {
        List<String> lines = lines(file);
        for (int index = 0; index < lines.size(); index++) {
          if (KOTLIN_CONTROLLER.matcher(lines.get(index)).find()) {
            problems.add(Problems.at(new SourcePosition(file, index + 1), "Kotlin controller",
                Problems.SUPPORTED, "port the controller to Java, or migrate it by hand"));
          }
        }
      }
    }
    return problems;
  }

  private static Optional<ImportDeclaration> firstImport(SourceFile file, Predicate<String> unsupported) {
    // the trailing dot makes "import javax.servlet.*" match the prefix "javax.servlet." too
    return file.unit().getImports().stream().filter(found -> unsupported.test(found.getNameAsString() + ".")).findFirst();
  }

  private static List<Path> kotlinFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(file -> file.toString().endsWith(".kt") && Files.isRegularFile(file)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Kotlin files of " + directory, e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
