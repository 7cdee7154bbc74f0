package io.rest2grpc.maven;

import io.rest2grpc.maven.convert.SpecConverter;
import io.rest2grpc.maven.protos.ConvertedProtos;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** The configuration the converting goals share: how the specs convert. */
abstract class SpecMojo extends ContractMojo {

  /** The proto package (e.g. {@code acme.orders.v1}); default: the lock's, else derived from the spec. */
  @Parameter(property = "rest2grpc.package")
  private String packageName;

  /** Accept a REST-breaking retype of a locked field: it gets a new name and number, the old ones reserved. */
  @Parameter(property = "rest2grpc.allowBreaking", defaultValue = "false")
  private boolean allowBreaking;

  protected boolean allowBreaking() {
    return allowBreaking;
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
    return protoFolder() + "|" + packageName + "|" + allowBreaking;
  }
}
