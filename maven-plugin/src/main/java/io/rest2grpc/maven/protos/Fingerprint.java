package io.rest2grpc.maven.protos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything a check reads: the settings, each spec's folder (its YAML and JSON files,
 * which a multi-file spec refers to) and the proto folder. Equal fingerprints: nothing to redo.
 */
public final class Fingerprint {
  private final MessageDigest digest;

  public Fingerprint(String settings) {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    digest.update(settings.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds every file under {@code folder} whose name ends with one of {@code suffixes}, path and content. */
  public Fingerprint addFiles(Path folder, List<String> suffixes) throws IOException {
    if (!Files.isDirectory(folder)) {
      digest.update(("absent:" + folder).getBytes(StandardCharsets.UTF_8));
      return this;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> suffixes.stream().anyMatch(f.toString()::endsWith)).sorted().toList()) {
        digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(file));
        digest.update((byte) 0);
      }
    }
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
