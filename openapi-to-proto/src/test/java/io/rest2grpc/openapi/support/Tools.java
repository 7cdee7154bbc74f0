package io.rest2grpc.openapi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real protoc and buf the build fetched (protoc from Maven Central, buf from npm), and the
 * well-known-type protos from the protobuf-java jar, which protoc needs on its include path.
 */
public final class Tools {
  private Tools() {}

  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  private static Path wellKnownTypes;

  public static Path protocBinary() {
    Path protoc = Path.of(required("rest2grpc.protoc"));
    if (!Files.isExecutable(protoc)) {
      try {
        Files.setPosixFilePermissions(protoc, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return protoc;
  }

  public static Path bufBinary() {
    return Path.of(required("rest2grpc.buf"));
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven (./mvnw verify)");
    }
    return value;
  }

  /** Compiles every proto under {@code module} (vendored google/ included) into a descriptor set. */
  public static Result protoc(Path module, Path descriptorSet) {
    List<String> command = new ArrayList<>(List.of(protocBinary().toString(), "-I" + module, "-I" + wellKnownTypes(),
        "--include_imports", "--descriptor_set_out=" + descriptorSet));
    command.addAll(protoFiles(module));
    return run(module, command);
  }

  public static Result bufLint(Path module) {
    return run(module, List.of(bufBinary().toString(), "lint"));
  }

  public static List<String> protoFiles(Path module) {
    try (Stream<Path> walk = Files.walk(module)) {
      return walk.filter(p -> p.toString().endsWith(".proto"))
          .map(p -> module.relativize(p).toString())
          .filter(p -> !p.startsWith("google/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized Path wellKnownTypes() {
    if (wellKnownTypes == null) {
      try {
        Path dir = Path.of("target", "wkt").toAbsolutePath();
        for (String name : List.of("any", "duration", "empty", "struct", "timestamp", "wrappers", "field_mask", "descriptor")) {
          Path target = dir.resolve("google/protobuf/" + name + ".proto");
          Files.createDirectories(target.getParent());
          try (InputStream in = Tools.class.getClassLoader().getResourceAsStream("google/protobuf/" + name + ".proto")) {
            Files.write(target, in.readAllBytes());
          }
        }
        wellKnownTypes = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return wellKnownTypes;
  }

  public static Result run(Path dir, List<String> command) {
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return new Result(-1, "timed out: " + command);
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
