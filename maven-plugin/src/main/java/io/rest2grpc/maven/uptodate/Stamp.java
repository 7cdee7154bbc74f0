package io.rest2grpc.maven.uptodate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fingerprint a goal's last success recorded, in a file under {@code target/}. Cleared before the goal works,
 * recorded after it succeeded: a run that failed or stopped half-way never looks up to date.
 */
public record Stamp(Path file) {

  public boolean matches(String fingerprint) throws IOException {
    return Files.isRegularFile(file) && Files.readString(file).equals(fingerprint);
  }

  public void clear() throws IOException {
    Files.deleteIfExists(file);
  }

  public void record(String fingerprint) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, fingerprint);
  }
}
