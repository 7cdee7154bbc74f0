package io.rest2grpc.maven.eject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The protos as the source of truth, once the team owns the gRPC side: no spec to compare them with any more, so each
 * build checks with {@code buf breaking} (WIRE_JSON, what the REST JSON contract needs) that they keep every promise
 * of a baseline image the team committed: the compiled descriptor set of the last release.
 */
public final class OwnedContract {
  /** The baseline image's file name, beside the protos. */
  public static final String BASELINE = "rest2grpc-baseline.binpb";
  private static final String RULES = "{\"version\":\"v1\",\"breaking\":{\"use\":[\"WIRE_JSON\"]}}";
  private static final long TIMEOUT_SECONDS = 120;

  private final String buf;

  /** @param buf the buf executable: a path, or a name on the PATH */
  public OwnedContract(String buf) {
    this.buf = buf;
  }

  /**
   * Writes {@code descriptorSet} as the baseline unless one is there (never replaced: the team moves it forward by
   * committing a newer one at a release).
   *
   * @return whether it was written
   */
  public static boolean writeBaseline(Path descriptorSet, Path baseline) throws IOException {
    if (Files.exists(baseline)) {
      return false;
    }
    Files.createDirectories(baseline.getParent());
    Files.copy(descriptorSet, baseline);
    return true;
  }

  /** Fails, listing buf's findings, when the compiled protos break what the baseline promised. */
  public void checkBreaking(Path descriptorSet, Path baseline) throws MojoExecutionException, MojoFailureException {
    if (!Files.isRegularFile(baseline)) {
      throw new MojoFailureException("The protos are owned (protosOwned) and there is no baseline image at " + baseline
          + " to check them against: copy the compiled descriptor set (" + descriptorSet + ") there and commit it, "
          + "or set <bufBaseline> to the committed one");
    }
    List<String> command = List.of(buf, "breaking", descriptorSet.toString(), "--against", baseline.toString(), "--config", RULES,
        "--exclude-imports");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new MojoFailureException("Cannot run buf (`" + buf + "`) to check the protos against " + baseline + ": install it "
          + "(npm package @bufbuild/buf: `npm install -g @bufbuild/buf`) or set <buf> / -Drest2grpc.buf to its path", e);
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new MojoExecutionException("buf breaking did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      if (process.exitValue() == 100) {
        throw new MojoFailureException("The protos break what the baseline image " + baseline + " promised (buf breaking, WIRE_JSON):\n  "
            + output.replace("\n", "\n  ") + "\nUndo the change, or, once every client is ready for it, commit the new descriptor set "
            + "(" + descriptorSet + ") as the baseline.");
      }
      if (process.exitValue() != 0) {
        throw new MojoExecutionException("buf breaking failed (exit " + process.exitValue() + "): " + output);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read what buf breaking printed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new MojoExecutionException("Interrupted while buf breaking ran", e);
    }
  }
}
