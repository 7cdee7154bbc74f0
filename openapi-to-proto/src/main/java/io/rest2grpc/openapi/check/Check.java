package io.rest2grpc.openapi.check;

import io.rest2grpc.openapi.Conversion;
import io.rest2grpc.openapi.ConversionException;
import io.rest2grpc.openapi.ConversionOptions;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.SourceLocation;
import io.rest2grpc.openapi.check.rest.RestChange;
import io.rest2grpc.openapi.check.rest.RestDiff;
import io.rest2grpc.openapi.lock.LockFile;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code openapi-to-proto check}: what a new version of a spec breaks, on both sides of a migration.
 * REST: the two documents compared ({@link RestDiff}). gRPC: both converted with one lock, as a team
 * that keeps its lock would convert them, and the descriptors compared ({@link ProtoDiff}); each proto
 * change names the REST changes behind it.
 */
public final class Check {
  private Check() {}

  /** A proto change and the REST changes that explain it (none: the converter's output changed by itself). */
  public record Entry(ProtoChange change, List<RestChange> causes) {}

  public record Result(String oldSpec, String newSpec, String packageName, List<RestChange> rest, List<Entry> proto) {

    public boolean breaking() {
      return rest.stream().anyMatch(RestChange::breaking) || proto.stream().anyMatch(e -> e.change().breaking());
    }
  }

  /**
   * Converts {@code oldSpec} with the lock of {@code options} (a copy, or a new lock when there is
   * none: the first conversion of OLD), then {@code newSpec} with the lock that leaves, into OLD's
   * package, and compares. Writes nothing beside the specs or to the lock.
   */
  public static Result run(Path oldSpec, Path newSpec, ConversionOptions options) {
    Path temp = null;
    try {
      temp = Files.createTempDirectory("rest2grpc-check");
      Path lock = temp.resolve("lock.json");
      if (options.lockFile() != null && Files.exists(options.lockFile())) {
        Files.copy(options.lockFile(), lock);
      }
      Conversion before = OpenApiToProto.convert(oldSpec, options.withLock(lock, true));
      LockFile.write(before.lock().lock(), lock);
      Conversion after = OpenApiToProto.convert(newSpec, options.withPackage(before.packageName()).withLock(lock, true));
      return compare(before, after);
    } catch (IOException e) {
      throw new ConversionException(SourceLocation.of(String.valueOf(temp)), "cannot use a temporary folder: " + e,
          "check that the temporary folder (java.io.tmpdir) is writable");
    } finally {
      delete(temp);
    }
  }

  /** Compares two conversions of one package, the second made with the lock the first left. */
  public static Result compare(Conversion before, Conversion after) {
    List<RestChange> rest = RestDiff.compare(before.source().document(), after.source().document());
    List<ProtoChange> proto = ProtoDiff.compare(DescriptorBuilder.protos(before), DescriptorBuilder.protos(after));
    Causes causes = new Causes(before, after, rest);
    return new Result(before.specName(), after.specName(), before.packageName(), rest,
        proto.stream().map(change -> new Entry(change, causes.of(change))).toList());
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
