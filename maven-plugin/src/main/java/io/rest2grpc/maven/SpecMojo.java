package io.rest2grpc.maven;

import io.rest2grpc.maven.convert.SpecConverter;
import io.rest2grpc.maven.protos.ConvertedProtos;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The configuration the converting goals share: which specs, where their protos go, how they convert. */
abstract class SpecMojo extends AbstractMojo {

  /** The OpenAPI documents (YAML or JSON); default {@code src/main/resources/openapi.yaml}. */
  @Parameter
  private File[] specs;

  /** Where the protos and their lock are committed. */
  @Parameter(property = "rest2grpc.protoFolder", defaultValue = "${project.basedir}/src/main/proto")
  private File protoFolder;

  /** The proto package (e.g. {@code acme.orders.v1}); default: the lock's, else derived from the spec. */
  @Parameter(property = "rest2grpc.package")
  private String packageName;

  /** Accept a REST-breaking retype of a locked field: it gets a new name and number, the old ones reserved. */
  @Parameter(property = "rest2grpc.allowBreaking", defaultValue = "false")
  private boolean allowBreaking;

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

  protected boolean allowBreaking() {
    return allowBreaking;
  }

  protected Path protoFolder() {
    return protoFolder.toPath();
  }

  protected SpecConverter converter() {
    return new SpecConverter(protoFolder(), packageName, allowBreaking);
  }

  /** Where the conversion report of {@code spec} goes: under {@code target/rest2grpc/}. */
  protected Path reportFile(Path spec) {
    return buildFolder().resolve(ConvertedProtos.specName(spec) + "-report.json");
  }

  /** The settings that change a conversion, for fingerprints. */
  protected String settings() {
    return protoFolder + "|" + packageName + "|" + allowBreaking;
  }

  protected Path buildFolder() {
    return Path.of(project.getBuild().getDirectory(), "rest2grpc");
  }
}
