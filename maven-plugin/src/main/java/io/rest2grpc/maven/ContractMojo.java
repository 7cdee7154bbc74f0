package io.rest2grpc.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
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

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  protected MavenProject project() {
    return project;
  }

  protected List<Path> specs() {
    if (specs == null || specs.length == 0) {
      return List.of(project.getBasedir().toPath().resolve("src/main/resources/openapi.yaml"));
    }
    return Arrays.stream(specs).map(File::toPath).toList();
  }

  protected Path protoFolder() {
    return protoFolder.toPath();
  }
}
