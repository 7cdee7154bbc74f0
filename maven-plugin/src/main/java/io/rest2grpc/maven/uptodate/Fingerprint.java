package io.rest2grpc.maven.uptodate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything a goal reads: its settings, the content of the files it reads, and the classpath it
 * resolves types on. Equal fingerprints: nothing to redo.
 */
public final class Fingerprint {
  private final MessageDigest digest;

  public Fingerprint(String settings) {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    addText(settings);
  }

  public Fingerprint addText(String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  /** Adds {@code file}'s content, or that it is absent. */
  public Fingerprint addFile(Path file) throws IOException {
    addText(file.toString());
    if (Files.isRegularFile(file)) {
      digest.update(Files.readAllBytes(file));
    } else {
      addText("absent");
    }
    digest.update((byte) 0);
    return this;
  }

  /** Adds every file under {@code folder}, path and content. */
  public Fingerprint addFiles(Path folder) throws IOException {
    return addFiles(folder, List.of(""));
  }

  /** Adds every file under {@code folder} whose name ends with one of {@code suffixes}, path and content. */
  public Fingerprint addFiles(Path folder, List<String> suffixes) throws IOException {
    if (!Files.isDirectory(folder)) {
      return addText("absent:" + folder);
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> suffixes.stream().anyMatch(f.toString()::endsWith)).sorted().toList()) {
        addText(folder.relativize(file).toString());
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
    }
    return this;
  }

  /**
   * Adds a classpath by each element's path, size and modification time (a jar's, or each file's in a folder): a
   * rebuilt jar or class changes it without reading hundreds of megabytes.
   */
  public Fingerprint addClasspath(List<Path> elements) throws IOException {
    for (Path element : elements) {
      addText(element.toString());
      if (Files.isDirectory(element)) {
        try (Stream<Path> files = Files.walk(element)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            addText(element.relativize(file).toString());
            addAttributes(file);
          }
        }
      } else if (Files.isRegularFile(element)) {
        addAttributes(element);
      } else {
        addText("absent");
      }
    }
    return this;
  }

  private void addAttributes(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    addText(attributes.size() + "@" + attributes.lastModifiedTime().toMillis());
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
