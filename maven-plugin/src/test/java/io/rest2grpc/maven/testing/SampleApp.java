package io.rest2grpc.maven.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The repository's sample-legacy-app: its Java sources, and the jars its controllers import (the
 * test-scope dependencies of this module's pom: spring-web, spring-webmvc, spring-data, the jakarta
 * servlet and validation APIs, Jackson), which the fixtures use as well.
 */
public final class SampleApp {

  private SampleApp() {}

  public static Path sourceRoot() {
    return repositoryRoot().resolve("sample-legacy-app/src/main/java");
  }

  /** The jars of the test classpath: what a Mojo would pass as the compile classpath. */
  public static List<Path> classpath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .map(Path::of)
        .toList();
  }

  /** The nearest directory above the working directory that holds the Maven wrapper. */
  public static Path repositoryRoot() {
    for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
      if (Files.isRegularFile(directory.resolve("mvnw"))) {
        return directory;
      }
    }
    throw new IllegalStateException("No mvnw above " + Path.of("").toAbsolutePath() + "; run the tests inside the repository");
  }
}
