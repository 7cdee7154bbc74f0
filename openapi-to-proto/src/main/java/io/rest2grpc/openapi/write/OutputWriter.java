package io.rest2grpc.openapi.write;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.concurrent.OwnThreads;
import io.rest2grpc.openapi.concurrent.OwnThreads.Background;
import io.rest2grpc.openapi.proto.ProtoFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a conversion as a buf module: the protos, a gRPC service config per service, {@code buf.yaml}, the googleapis and
 * rest2grpc options protos they import (vendored from the jars, so neither buf nor protoc needs the
 * network) and the report. Everything goes to a temporary sibling folder first and is moved into place at
 * the end, so the output folder is never half-written. An existing output folder is replaced only
 * if it is empty or was written by rest2grpc.
 */
public final class OutputWriter {
  static final String BUF_YAML = """
      # Written by rest2grpc openapi-to-proto. google/api and google/rpc are vendored from proto-google-common-protos
      # and rest2grpc/ from rest2grpc's transcoding jar, so this module needs no remote dependency.
      version: v2
      lint:
        use:
          - STANDARD
        except:
          # AIP standard methods return the resource itself (GetOrder returns Order).
          - RPC_REQUEST_RESPONSE_UNIQUE
          - RPC_RESPONSE_STANDARD_NAME
        ignore:
          - google
          - rest2grpc
      breaking:
        # What openapi-to-proto check judges too: wire and JSON compatibility, and no deleted or
        # renamed message, enum, service or RPC.
        use:
          - WIRE_JSON
          - PACKAGE
      """;

  private OutputWriter() {}

  /** File path (relative to the output folder) → content, in a stable order. */
  public static Map<String, byte[]> render(Conversion conversion) {
    Map<String, byte[]> files = new TreeMap<>();
    // the report and the protos are independent of each other, and printing is most of the writing
    Background<String> report = OwnThreads.start("report", () -> ReportWriter.json(conversion));
    List<String> printed = ProtoPrinter.printAll(conversion);
    Set<String> vendored = new LinkedHashSet<>();
    for (int f = 0; f < printed.size(); f++) {
      ProtoFile file = conversion.files().get(f);
      files.put(file.path(), printed.get(f).getBytes(StandardCharsets.UTF_8));
      for (String i : file.imports()) {
        if (isVendored(i)) {
          vendored.add(i);
        }
      }
    }
    Deque<String> pending = new ArrayDeque<>(vendored);
    while (!pending.isEmpty()) {
      String path = pending.pop();
      if (files.containsKey(path)) {
        continue;
      }
      byte[] content = resource(path);
      files.put(path, content);
      for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("import \"")) {
          String imported = line.substring("import \"".length(), line.lastIndexOf('"'));
          if (isVendored(imported)) {
            pending.push(imported);
          }
        }
      }
    }
    files.putAll(ServiceConfigWriter.render(conversion));
    files.put("buf.yaml", BUF_YAML.getBytes(StandardCharsets.UTF_8));
    files.put(ReportWriter.FILE_NAME, report.join().getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** googleapis and rest2grpc protos travel with the output; protobuf's own come with buf and protoc. */
  private static boolean isVendored(String importPath) {
    return importPath.startsWith("google/api/") || importPath.startsWith("google/rpc/") || importPath.startsWith("rest2grpc/");
  }

  public static void write(Conversion conversion, Path outputDir) {
    Map<String, byte[]> files = render(conversion);
    Path target = outputDir.toAbsolutePath().normalize();
    SourceLocation where = SourceLocation.of(target.toString());
    try {
      if (Files.exists(target) && !replaceable(target)) {
        throw new ConversionException(where, "the output folder is not empty and was not written by rest2grpc",
            "choose an empty or new folder, or remove this one");
      }
      Files.createDirectories(target.getParent());
      Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".rest2grpc-");
      try {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          Path path = staging.resolve(file.getKey());
          Files.createDirectories(path.getParent());
          Files.write(path, file.getValue());
        }
        Path old = null;
        if (Files.exists(target)) {
          old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
          Files.delete(old);
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
          deleteTree(old);
        }
      } finally {
        if (Files.exists(staging)) {
          deleteTree(staging);
        }
      }
    } catch (IOException e) {
      throw new ConversionException(where, "cannot write the output: " + e, "check that the folder is writable", e);
    }
  }

  private static boolean replaceable(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (Files.exists(dir.resolve(ReportWriter.FILE_NAME))) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static byte[] resource(String path) {
    try (InputStream in = OutputWriter.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the classpath (proto-google-common-protos or rest2grpc transcoding)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
