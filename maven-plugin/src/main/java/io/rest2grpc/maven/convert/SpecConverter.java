package io.rest2grpc.maven.convert;

import io.rest2grpc.maven.protos.ConvertedProtos;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.lock.LockFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Converts one spec the way every goal does: with the lock kept in the proto folder (not beside the
 * spec, which a service may take from springdoc at build time), in memory; writing is the goal's.
 *
 * @param packageName the proto package, or null for the lock's (else derived from the spec)
 */
public record SpecConverter(Path protoFolder, String packageName, boolean allowBreaking) {

  /** The files {@code spec} converts to, with the lock the conversion leaves. */
  public ConvertedProtos convert(Path spec) throws MojoFailureException {
    return convertChecked(spec).protos();
  }

  /** What {@code spec} converts to, and what that takes away from the protos of the committed lock. */
  public record Checked(ConvertedProtos protos, BreakingEdits breaking) {}

  /** {@link #convert}, and the breaking edits against the committed lock (none for a first conversion). */
  public Checked convertChecked(Path spec) throws MojoFailureException {
    if (!Files.isRegularFile(spec)) {
      throw new MojoFailureException(spec + ": no such spec. Configure <specs><spec>path/to/openapi.yaml</spec></specs> in the "
          + "rest2grpc-maven-plugin's configuration (default: src/main/resources/openapi.yaml); a service without a hand-written "
          + "spec can take springdoc's /v3/api-docs (README, \"A spec from springdoc\").");
    }
    Path lockFile = protoFolder.resolve(ConvertedProtos.lockFileName(spec));
    ConversionOptions options = ConversionOptions.defaults().withLock(lockFile, allowBreaking);
    if (packageName != null && !packageName.isBlank()) {
      options = options.withPackage(packageName);
    }
    try {
      Optional<Lock> committed = LockFile.read(lockFile);
      Conversion conversion = OpenApiToProto.convert(spec, options, committed.orElse(Lock.initial()));
      BreakingEdits breaking = committed.map(lock -> BreakingEdits.between(lock, conversion)).orElse(new BreakingEdits(List.of()));
      return new Checked(ConvertedProtos.of(spec, conversion), breaking);
    } catch (ConversionException e) {
      throw new MojoFailureException(spec + " does not convert:\n" + e.describe()
          + "\n(With the plugin, --allow-breaking is -Drest2grpc.allowBreaking=true.)", e);
    }
  }
}
