package io.rest2grpc.openapi.cli;

import picocli.CommandLine.Option;

/** {@code --max-spec-size}, the same for every command that reads specs. */
final class SpecSizeOption {
  @Option(names = "--max-spec-size", paramLabel = "SIZE", defaultValue = "32MB", converter = ByteSizeConverter.class,
      description = "The largest spec file read, e.g. 64MB (default ${DEFAULT-VALUE}).")
  long bytes;
}
