package io.rest2grpc.openapi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.proto.ProtoFile;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.write.ProtoPrinter;
import io.rest2grpc.transcoding.DescriptorSets;
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

  /**
   * All proto files of the conversion, printed, concatenated in path order, without the rest2grpc
   * options (tests of the proto shape read better without them; tests of the options read them
   * from the compiled descriptors).
   */
  public static String protoText(Conversion conversion) {
    return conversion.files().stream().map(f -> ProtoPrinter.print(f, conversion, false)).collect(Collectors.joining("\n"));
  }

  public static String protoText(Conversion conversion, String fileName) {
    return conversion.files().stream().filter(f -> f.path().endsWith("/" + fileName))
        .map(f -> ProtoPrinter.print(f, conversion, false))
        .findFirst().orElseThrow(() -> new AssertionError("no file " + fileName + " in " + conversion.files().stream().map(ProtoFile::path).toList()));
  }

  /**
   * Writes the conversion and asserts that protoc compiles it and buf lint accepts it; returns the
   * compiled files, linked with the rest2grpc options readable.
   */
  public static Map<String, FileDescriptor> assertCompilesAndLints(Conversion conversion, Path dir) {
    Path module = dir.resolve("out");
    OpenApiToProto.write(conversion, module);
    Path descriptorSet = dir.resolve("out.pb");
    Tools.Result protoc = Tools.protoc(module, descriptorSet);
    assertThat(protoc.ok()).as("protoc:%n%s", protoc.output()).isTrue();
    Tools.Result lint = Tools.bufLint(module);
    assertThat(lint.ok()).as("buf lint:%n%s", lint.output()).isTrue();
    return DescriptorSets.load(descriptorSet);
  }

  public static Map<String, Object> facts(Conversion conversion, String element) {
    return conversion.facts().getOrDefault(element, Map.of());
  }
}
