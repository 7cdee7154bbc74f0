package io.rest2grpc.maven.protos;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.lock.LockFile;
import io.rest2grpc.openapi.write.OutputWriter;
import io.rest2grpc.openapi.write.ReportWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one spec's conversion puts in the project's proto folder: its protos and gRPC service configs,
 * in the folders of their package, and its lock beside them. The googleapis and rest2grpc protos they
 * import are left out (the build finds them in {@code proto-google-common-protos} and rest2grpc's
 * transcoding jar), and so are buf.yaml and the report, which go under {@code target/}.
 *
 * @param spec the spec converted
 * @param lockFile the lock's path relative to the proto folder
 * @param files path relative to the proto folder → content, sorted by path; the lock included
 */
public record ConvertedProtos(Path spec, String lockFile, SortedMap<String, byte[]> files, byte[] report) {

  public ConvertedProtos {
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** The lock's file name for {@code spec}: {@code openapi.yaml} → {@code openapi.rest2grpc-lock.json}. */
  public static String lockFileName(Path spec) {
    return specName(spec) + ".rest2grpc-lock.json";
  }

  /** The spec's file name without its extension: {@code openapi.yaml} → {@code openapi}; what its files are named after. */
  public static String specName(Path spec) {
    String name = spec.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The files of {@code conversion}, made with a lock (its {@code lock()} is set). */
  public static ConvertedProtos of(Path spec, Conversion conversion) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    byte[] report = null;
    for (Map.Entry<String, byte[]> file : OutputWriter.render(conversion).entrySet()) {
      String path = file.getKey();
      if (path.equals(ReportWriter.FILE_NAME)) {
        report = file.getValue();
      } else if (!path.equals("buf.yaml") && !imported(path)) {
        files.put(path, file.getValue());
      }
    }
    String lock = lockFileName(spec);
    files.put(lock, LockFile.render(conversion.lock().lock()).getBytes(StandardCharsets.UTF_8));
    return new ConvertedProtos(spec, lock, files, report);
  }

  /** The folders this spec's protos live in (relative, with a trailing slash; "" for the proto folder itself). */
  public Set<String> packageFolders() {
    Set<String> folders = new TreeSet<>();
    for (String path : files.keySet()) {
      if (!path.equals(lockFile)) {
        folders.add(path.substring(0, path.lastIndexOf('/') + 1));
      }
    }
    return folders;
  }

  private static boolean imported(String path) {
    return path.startsWith("google/") || path.startsWith("rest2grpc/");
  }
}
