package io.rest2grpc.openapi;

import io.rest2grpc.openapi.concurrent.OwnThreads;
import io.rest2grpc.openapi.concurrent.OwnThreads.Background;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.convert.SpecConverter;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.lock.LockFile;
import io.rest2grpc.openapi.lock.Renumbering;
import io.rest2grpc.openapi.read.DocumentLoader;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.read.SpecReader;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.openapi.write.OutputWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entry point: OpenAPI 2.0/3.0/3.1 in, proto3 with {@code google.api.http} rules out.
 *
 * <pre>{@code
 * Conversion c = OpenApiToProto.convert(Path.of("openapi.yaml"), ConversionOptions.defaults());
 * OpenApiToProto.write(c, Path.of("build/proto"));
 * }</pre>
 *
 * Bad input throws {@link ConversionException} with every problem found, each naming the file, JSON
 * pointer, line and column.
 */
public final class OpenApiToProto {
  private OpenApiToProto() {}

  /**
   * Converts {@code spec} with the lock in {@code options.lockFile()} (read if the file exists, else a
   * new one), or without a lock when that is null.
   */
  public static Conversion convert(Path spec, ConversionOptions options) {
    if (options.lockFile() == null) {
      return convertWith(spec, options, null);
    }
    // Read beside the spec: a large spec's lock is a second document of half its size.
    Background<Optional<Lock>> lockRead = OwnThreads.start("lock-read", () -> LockFile.read(options.lockFile()));
    return convertWith(spec, options, () -> lockRead.join().orElse(Lock.initial()));
  }

  /**
   * Converts {@code spec} keeping what {@code lock} has handed out ({@link Lock#initial()} for a
   * first conversion; null for none), and returns the lock to keep with the protos. Reads and writes
   * no lock file: {@link #write} writes the returned lock to {@code options.lockFile()} if set.
   */
  public static Conversion convert(Path spec, ConversionOptions options, Lock lock) {
    return convertWith(spec, options, lock == null ? null : () -> lock);
  }

  private static Conversion convertWith(Path spec, ConversionOptions options, Supplier<Lock> lockSupplier) {
    DocumentLoader loader = new DocumentLoader(spec, options.maxSpecBytes());
    try {
      return convertWith(spec, options, lockSupplier, loader);
    } catch (ConversionException e) {
      throw e.located(loader::withPositions);
    }
  }

  /**
   * Reads the spec and the lock, independent of each other, then converts; the problems of all three
   * are thrown together. A spec that cannot be read stops there; a lock that cannot be read does not
   * stop the conversion (its problems are found without a lock), only the renumbering.
   */
  private static Conversion convertWith(Path spec, ConversionOptions options, Supplier<Lock> lockSupplier, DocumentLoader loader) {
    Findings findings = new Findings();
    Problems problems = new Problems();
    Spec parsed = problems.attempt(() -> new SpecReader(loader, findings, options.overrides()).read(spec));
    Lock given = lockSupplier == null ? null : problems.attempt(lockSupplier::get);
    if (parsed == null) {
      problems.throwIfAny();
    }
    RefResolver refs = new RefResolver(loader, parsed, spec);
    String pkg = problems.attempt(() -> SpecConverter.packageName(parsed, options, given == null ? null : given.packageName(), options.lockFile()));
    if (pkg == null) {
      problems.throwIfAny();
    }
    Lock lock = given == null ? Lock.empty(pkg) : given.forPackage(pkg);
    Conversion conversion = problems.attempt(() -> new SpecConverter(spec.toAbsolutePath().normalize(), parsed, refs, findings, options,
        lock).convert());
    problems.throwIfAny();
    if (given == null) {
      return conversion;
    }
    Renumbering.Protos protos = new Renumbering.Protos(conversion.specName(), conversion.source().document(), conversion.packageName(),
        conversion.files());
    Renumbering.Result locked = Renumbering.apply(protos, lock, options.allowBreaking(), options.adoptRefinements());
    return conversion.locked(locked.files(), locked.report()).withLock(new Conversion.LockOutput(options.lockFile(), locked.lock(), !given.equals(locked.lock())));
  }

  /**
   * Writes the protos, buf.yaml, the vendored googleapis protos and the report, all or nothing; then
   * the updated lock, if the conversion has one and it changed.
   */
  public static void write(Conversion conversion, Path outputDir) {
    OutputWriter.write(conversion, outputDir);
    if (conversion.lock() != null && conversion.lock().file() != null && conversion.lock().changed()) {
      LockFile.write(conversion.lock().lock(), conversion.lock().file());
    }
  }
}
