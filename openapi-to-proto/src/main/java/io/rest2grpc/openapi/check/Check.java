package io.rest2grpc.openapi.check;

import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.check.rest.RestChange;
import io.rest2grpc.openapi.check.rest.RestDiff;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.lock.LockFile;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import java.nio.file.Path;
import java.util.List;

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
   * Converts {@code oldSpec} with the lock in {@code options.lockFile()} (a new lock when there is
   * none: the first conversion of OLD), then {@code newSpec} with the lock value that leaves, into
   * OLD's package, and compares. Writes nothing: the locks stay in memory.
   */
  public static Result run(Path oldSpec, Path newSpec, ConversionOptions options) {
    Lock start = options.lockFile() == null ? Lock.initial() : LockFile.read(options.lockFile()).orElse(Lock.initial());
    ConversionOptions locked = options.withLock(options.lockFile(), true);
    Conversion before = OpenApiToProto.convert(oldSpec, locked, start);
    Conversion after = OpenApiToProto.convert(newSpec, locked.withPackage(before.packageName()), before.lock().lock());
    return compare(before, after);
  }

  /** Compares two conversions of one package, the second made with the lock the first left. */
  public static Result compare(Conversion before, Conversion after) {
    List<RestChange> rest = RestDiff.compare(before.source().document(), after.source().document());
    List<ProtoChange> proto = ProtoDiff.compare(DescriptorBuilder.protos(before), DescriptorBuilder.protos(after));
    Causes causes = new Causes(before, after, rest);
    return new Result(before.specName(), after.specName(), before.packageName(), rest,
        proto.stream().map(change -> new Entry(change, causes.of(change))).toList());
  }
}
