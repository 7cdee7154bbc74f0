package io.rest2grpc.maven.generate;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The generator's output folders under {@code target/}: emptied and written whole on every run, so
 * nothing of an RPC or service that is gone survives, and the output is the same for the same input.
 */
public record GeneratedSources(Path javaRoot, Path resourceRoot, Path testJavaRoot) {

  public static final String AUTO_CONFIGURATION_IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

  /**
   * Replaces the folders' contents with {@code files}, the auto-configuration listed for Spring Boot, the service
   * configs, and {@code testFiles}.
   */
  public void write(List<JavaFile> files, List<JavaFile> testFiles, String configurationClass, List<Path> serviceConfigs)
      throws IOException {
    clear(javaRoot);
    clear(resourceRoot);
    clear(testJavaRoot);
    for (JavaFile file : files) {
      file.writeTo(javaRoot);
    }
    for (JavaFile file : testFiles) {
      file.writeTo(testJavaRoot);
    }
    Path imports = resourceRoot.resolve(AUTO_CONFIGURATION_IMPORTS);
    Files.createDirectories(imports.getParent());
    Files.writeString(imports, configurationClass + "\n", StandardCharsets.UTF_8);
    Path configs = resourceRoot.resolve("META-INF/rest2grpc/service-config");
    Files.createDirectories(configs);
    for (Path config : serviceConfigs) {
      Files.copy(config, configs.resolve(config.getFileName()));
    }
  }

  private static void clear(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(root);
  }
}
