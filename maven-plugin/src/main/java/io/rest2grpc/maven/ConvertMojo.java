package io.rest2grpc.maven;

import io.rest2grpc.maven.convert.SpecConverter;
import io.rest2grpc.maven.protos.ConvertedProtos;
import io.rest2grpc.maven.protos.Drift;
import io.rest2grpc.maven.protos.ProtoFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn rest2grpc:convert}: converts the spec(s) into the proto folder ({@code src/main/proto}),
 * with the lock beside the protos, for the team to review and commit like code. Never bound to the
 * lifecycle: a build does not rewrite sources ({@code verify-protos} checks them instead).
 */
@Mojo(name = "convert", threadSafe = true)
public final class ConvertMojo extends SpecMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    ProtoFolder folder = new ProtoFolder(protoFolder());
    SpecConverter converter = converter();
    for (Path spec : specs()) {
      SpecConverter.Checked checked = converter.convertChecked(spec);
      if (!checked.breaking().isEmpty() && !allowBreaking()) {
        throw new MojoFailureException(spec + " takes away from the committed protos, a breaking change for their gRPC clients:\n  "
            + String.join("\n  ", checked.breaking().edits()) + "\nUndo the edit in the spec, or convert with -Drest2grpc.allowBreaking=true "
            + "once the clients no longer use what goes (nothing was written).");
      }
      ConvertedProtos converted = checked.protos();
      try {
        List<Drift> changes = folder.drift(converted);
        folder.replace(converted);
        Path report = writeReport(converted);
        if (changes.isEmpty()) {
          getLog().info(spec + ": the protos in " + folder.root() + " are up to date");
        } else {
          getLog().info(spec + ": converted into " + folder.root() + " (report: " + report + ")");
          changes.forEach(change -> getLog().info("  " + change.kind().name().toLowerCase(Locale.ROOT) + "  " + change.path()));
          getLog().info("Review the protos' names and the report before committing the protos and "
              + converted.lockFile() + ": the lock freezes the names and numbers from then on.");
        }
      } catch (IOException e) {
        throw new MojoExecutionException("cannot write " + folder.root() + ": " + e.getMessage()
            + ". Check that the folder is writable; nothing of this spec was replaced.", e);
      }
    }
  }

  private Path writeReport(ConvertedProtos converted) throws IOException {
    Path report = reportFile(converted.spec());
    Files.createDirectories(report.getParent());
    Files.write(report, converted.report());
    return report;
  }
}
