package io.rest2grpc.maven;

import io.rest2grpc.maven.convert.SpecConverter;
import io.rest2grpc.maven.protos.ConvertedProtos;
import io.rest2grpc.maven.protos.Drift;
import io.rest2grpc.maven.protos.ProtoFolder;
import io.rest2grpc.maven.uptodate.Fingerprint;
import io.rest2grpc.maven.uptodate.Stamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code rest2grpc:verify-protos}, bound to {@code validate}: converts the spec(s) into
 * {@code target/rest2grpc/converted/} and fails when the committed protos or lock are not what the spec
 * converts to, naming each file and its first differing line. Never writes to {@code src/}. Not the
 * CLI's {@code check --against OLD NEW}, which judges what a new spec version breaks: this one only
 * asks whether the committed files are in step with the spec, so a spec edited without
 * {@code rest2grpc:convert} cannot reach the generated code. Skips the work when neither the specs,
 * the protos nor the settings changed since its last success.
 */
@Mojo(name = "verify-protos", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class VerifyProtosMojo extends SpecMojo {

  @Parameter(property = "rest2grpc.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("rest2grpc.skip: the protos are not checked against the spec");
      return;
    }
    if (protosOwned()) {
      getLog().info("The protos in " + protoFolder() + " are the source of truth (rest2grpc.protosOwned): not compared with the spec; "
          + "rest2grpc:generate checks them with buf breaking against the committed baseline image");
      return;
    }
    try {
      Stamp stamp = new Stamp(buildFolder().resolve("verify-protos.sha256"));
      String fingerprint = fingerprint();
      if (stamp.matches(fingerprint)) {
        getLog().info("The protos in " + protoFolder() + " were checked against the spec, and nothing changed since");
        return;
      }
      ProtoFolder folder = new ProtoFolder(protoFolder());
      SpecConverter converter = converter();
      List<String> problems = new ArrayList<>();
      for (Path spec : specs()) {
        ConvertedProtos converted = converter.convert(spec);
        writeConverted(converted);
        for (Drift drift : folder.drift(converted)) {
          problems.add("  " + folder.root().resolve(drift.path()) + ": " + drift.detail());
        }
      }
      if (!problems.isEmpty()) {
        stamp.clear();
        throw new MojoFailureException("The committed protos are not what the spec converts to:\n" + String.join("\n", problems)
            + "\nRun `mvn rest2grpc:convert`, review the diff of " + protoFolder() + " and commit it (what the spec converts to now is in "
            + buildFolder().resolve("converted") + "). A REST-breaking edit fails there: undo it, or convert with -Drest2grpc.allowBreaking=true.");
      }
      stamp.record(fingerprint);
      getLog().info("The protos in " + protoFolder() + " are what the spec converts to");
    } catch (IOException e) {
      throw new MojoExecutionException("cannot compare " + protoFolder() + " with the spec: " + e.getMessage(), e);
    }
  }

  private void writeConverted(ConvertedProtos converted) throws IOException {
    Path root = buildFolder().resolve("converted");
    for (Map.Entry<String, byte[]> file : converted.files().entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
    Path report = reportFile(converted.spec());
    Files.write(report, converted.report());
  }

  private String fingerprint() throws IOException {
    return addContract(new Fingerprint(String.join("\n", pluginVersion(), String.valueOf(specs()), settings()))).hex();
  }
}
