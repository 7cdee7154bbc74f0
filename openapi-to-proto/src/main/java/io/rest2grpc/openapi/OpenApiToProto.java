package io.rest2grpc.openapi;

import io.rest2grpc.openapi.convert.SpecConverter;
import io.rest2grpc.openapi.read.DocumentLoader;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.read.SpecReader;
import io.rest2grpc.openapi.report.Report;
import io.rest2grpc.openapi.write.OutputWriter;
import java.nio.file.Path;

/**
 * The entry point: OpenAPI 2.0/3.0/3.1 in, proto3 with {@code google.api.http} rules out.
 *
 * <pre>{@code
 * Conversion c = OpenApiToProto.convert(Path.of("openapi.yaml"), ConversionOptions.defaults());
 * OpenApiToProto.write(c, Path.of("build/proto"));
 * }</pre>
 *
 * Bad input throws {@link ConversionException}, naming the file and JSON pointer (or line).
 */
public final class OpenApiToProto {
  private OpenApiToProto() {}

  public static Conversion convert(Path spec, ConversionOptions options) {
    Report report = new Report();
    DocumentLoader loader = new DocumentLoader(spec, options.maxSpecBytes());
    Spec parsed = new SpecReader(loader, report, options.overrides()).read(spec);
    RefResolver refs = new RefResolver(loader, parsed, spec);
    return new SpecConverter(spec.toAbsolutePath().normalize(), parsed, refs, report, options).convert();
  }

  /** Writes the protos, buf.yaml, the vendored googleapis protos and the report; all or nothing. */
  public static void write(Conversion conversion, Path outputDir) {
    OutputWriter.write(conversion, outputDir);
  }
}
