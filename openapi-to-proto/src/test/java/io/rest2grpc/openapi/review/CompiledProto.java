package io.rest2grpc.openapi.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.support.Tools;
import io.rest2grpc.transcoding.DescriptorSets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A hand-written proto compiled by the real protoc, as the corpus pass compiles a converted module:
 * written as {@code review/v1/review.proto} under a folder with the googleapis and rest2grpc option
 * protos it may import.
 */
record CompiledProto(Map<String, FileDescriptor> files, Path module, Tools.Result protoc) {
  static final String FILE = "review/v1/review.proto";
  private static final List<String> VENDORED = List.of("google/api/annotations.proto", "google/api/http.proto",
      "google/rpc/code.proto", "rest2grpc/options/v1/options.proto");

  /** Compiles {@code source}; {@link #files()} is empty when protoc refuses it (see {@link #protoc()}). */
  static CompiledProto of(String source, Path folder) {
    try {
      write(folder.resolve(FILE), source.getBytes(StandardCharsets.UTF_8));
      for (String vendored : VENDORED) {
        try (InputStream in = CompiledProto.class.getClassLoader().getResourceAsStream(vendored)) {
          assertThat(in).as("%s on the test classpath", vendored).isNotNull();
          write(folder.resolve(vendored), in.readAllBytes());
        }
      }
      Path set = folder.resolve("review.pb");
      Tools.Result protoc = Tools.protoc(folder, set);
      return new CompiledProto(protoc.ok() ? DescriptorSets.load(set) : Map.of(), folder, protoc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles {@code source}, which must compile, and reviews it. */
  static Review review(String source, Path folder) {
    CompiledProto compiled = of(source, folder);
    assertThat(compiled.protoc().ok()).as("protoc:%n%s", compiled.protoc().output()).isTrue();
    return Review.of(compiled.files(), folder);
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }
}
