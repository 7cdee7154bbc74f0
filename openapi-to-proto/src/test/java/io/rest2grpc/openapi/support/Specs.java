package io.rest2grpc.openapi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.Conversion;
import io.rest2grpc.openapi.ConversionOptions;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.write.ProtoPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Converts specs written inline in a test, and compiles what comes out with the real protoc. */
public final class Specs {
  private Specs() {}

  public static Conversion convert(Path dir, String yaml) {
    return convert(dir, yaml, ConversionOptions.defaults());
  }

  public static Conversion convert(Path dir, String yaml, ConversionOptions options) {
    try {
      Path spec = dir.resolve("openapi.yaml");
      Files.writeString(spec, yaml);
      return OpenApiToProto.convert(spec, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All proto files of the conversion, printed, concatenated in path order. */
  public static String protoText(Conversion conversion) {
    return conversion.files().stream().map(ProtoPrinter::print).collect(Collectors.joining("\n"));
  }

  public static String protoText(Conversion conversion, String fileName) {
    return conversion.files().stream().filter(f -> f.path().endsWith("/" + fileName)).map(ProtoPrinter::print)
        .findFirst().orElseThrow(() -> new AssertionError("no file " + fileName + " in " + conversion.files().stream().map(ProtoFile::path).toList()));
  }

  /** Writes the conversion and asserts that protoc compiles it and buf lint accepts it. */
  public static void assertCompilesAndLints(Conversion conversion, Path dir) {
    Path module = dir.resolve("out");
    OpenApiToProto.write(conversion, module);
    Tools.Result protoc = Tools.protoc(module, dir.resolve("out.pb"));
    assertThat(protoc.ok()).as("protoc:%n%s", protoc.output()).isTrue();
    Tools.Result lint = Tools.bufLint(module);
    assertThat(lint.ok()).as("buf lint:%n%s", lint.output()).isTrue();
  }

  public static Map<String, Object> facts(Conversion conversion, String element) {
    return conversion.report().facts().getOrDefault(element, Map.of());
  }
}
