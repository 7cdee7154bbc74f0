package io.rest2grpc.maven;

import io.rest2grpc.maven.uptodate.Fingerprint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal reads: the project, its OpenAPI documents, and the folder their protos and locks are committed in. */
abstract class ContractMojo extends AbstractMojo {

  /** The OpenAPI documents (YAML or JSON); default {@code src/main/resources/openapi.yaml}. */
  @Parameter
  private File[] specs;

  /** Where the protos and their lock are committed. */
  @Parameter(property = "rest2grpc.protoFolder", defaultValue = "${project.basedir}/src/main/proto")
  private File protoFolder;

  /**
   * The protos are the source of truth (after {@code rest2grpc:eject}, once the spec is no longer maintained):
   * {@code verify-protos} stops comparing them with the spec, and {@code generate} checks them with
   * {@code buf breaking} (WIRE_JSON) against the baseline image the team commits ({@code bufBaseline}).
   */
  @Parameter(property = "rest2grpc.protosOwned", defaultValue = "false")
  private boolean protosOwned;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  protected MavenProject project() {
    return project;
  }

  protected List<Path> specs() {
    if (specs == null || specs.length == 0) {
      return List.of(project.getBasedir().toPath().resolve("src/main/resources/openapi.yaml"));
    }
    return Arrays.stream(specs).map(File::toPath).toList();
  }

  protected boolean protosOwned() {
    return protosOwned;
  }

  protected Path protoFolder() {
    return protoFolder.toPath();
  }

  /** Adds what the contract is read from: each spec's folder (a multi-file spec's YAML and JSON) and the proto folder. */
  protected Fingerprint addContract(Fingerprint fingerprint) throws IOException {
    for (Path spec : specs()) {
      fingerprint.addFiles(spec.toAbsolutePath().getParent(), List.of(".yaml", ".yml", ".json"));
    }
    return fingerprint.addFiles(protoFolder(), List.of(".proto", ".json"));
  }

  /** Where the goals keep what they work with and report: {@code target/rest2grpc/}. */
  protected Path buildFolder() {
    return Path.of(project.getBuild().getDirectory(), "rest2grpc");
  }

  /** The plugin's version, for fingerprints; a snapshot's also by its jar's time, so a rebuilt plugin works again. */
  protected String pluginVersion() {
    String version = plugin.getVersion();
    File jar = plugin.getPluginArtifact().getFile();
    return version.endsWith("-SNAPSHOT") && jar != null ? version + "@" + jar.lastModified() : version;
  }
}
