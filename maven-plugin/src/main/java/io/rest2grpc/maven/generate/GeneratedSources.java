package io.rest2grpc.maven.generate;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generator's output folders under {@code target/}, brought in line with one run's output: a file whose
 * content is unchanged is left alone (so the compiler finds nothing stale and a build with unchanged inputs
 * compiles nothing), a changed or new one is written, and one the run did not produce is deleted (nothing of
 * an RPC or service that is gone survives).
 */
public record GeneratedSources(Path javaRoot, Path resourceRoot, Path testJavaRoot) {

  public static final String AUTO_CONFIGURATION_IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
  private static final String SERVICE_CONFIGS = "META-INF/rest2grpc/service-config/";

  /** Where {@code file} lives under a source root: its package's folders and its top-level type's name. */
  public static Path relativePath(JavaFile file) {
    return Path.of(file.packageName().replace('.', '/'), file.typeSpec().name() + ".java");
  }

  /**
   * Makes the folders hold exactly {@code files}, the auto-configuration listed for Spring Boot, the service configs,
   * and {@code testFiles}.
   *
   * @return how many files were written or deleted; 0 when the folders held this output already
   */
  public int write(List<JavaFile> files, List<JavaFile> testFiles, String configurationClass, List<Path> serviceConfigs)
      throws IOException {
    Map<Path, byte[]> resources = new LinkedHashMap<>();
    resources.put(Path.of(AUTO_CONFIGURATION_IMPORTS), (configurationClass + "\n").getBytes(StandardCharsets.UTF_8));
    for (Path config : serviceConfigs) {
      resources.put(Path.of(SERVICE_CONFIGS + config.getFileName()), Files.readAllBytes(config));
    }
    return sync(javaRoot, sources(files)) + sync(resourceRoot, resources) + sync(testJavaRoot, sources(testFiles));
  }

  private static Map<Path, byte[]> sources(List<JavaFile> files) {
    Map<Path, byte[]> sources = new LinkedHashMap<>();
    for (JavaFile file : files) {
      sources.put(relativePath(file), file.toString().getBytes(StandardCharsets.UTF_8));
    }
    return sources;
  }

  private static int sync(Path root, Map<Path, byte[]> wanted) throws IOException {
    int changes = 0;
    Files.createDirectories(root);
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isRegularFile(path) && !wanted.containsKey(root.relativize(path))) {
          Files.delete(path);
          changes++;
        } else if (Files.isDirectory(path) && !path.equals(root) && isEmpty(path)) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<Path, byte[]> file : wanted.entrySet()) {
      Path path = root.resolve(file.getKey());
      if (!Files.isRegularFile(path) || !Arrays.equals(Files.readAllBytes(path), file.getValue())) {
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
        changes++;
      }
    }
    return changes;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
