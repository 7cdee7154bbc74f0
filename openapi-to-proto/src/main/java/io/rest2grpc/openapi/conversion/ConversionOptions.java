package io.rest2grpc.openapi.conversion;

import io.rest2grpc.openapi.naming.LanguageOptions;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.options.v1.Emission;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to convert one spec.
 *
 * @param packageName the proto package, or null to derive it from {@code info} (see {@code PackageNames})
 * @param groupBy how operations are grouped into services
 * @param maxSpecBytes the largest spec file read; larger ones are refused with a clear message
 * @param emission how the service writes absent, null and default fields (its Jackson inclusion), or
 *     null when unknown: the REST JSON codec then prints what is set (EMISSION_PRESENT)
 * @param int64Strings whether the service sends 64-bit integers as JSON strings (default: numbers)
 * @param errorDomain the {@code google.rpc.ErrorInfo} domain of the service's errors, or null to derive
 *     it from the spec (module README, "Errors")
 * @param overrides overlays and a config applied to the spec before it is read (module README, "Overrides")
 * @param defaultTimeout the timeout of every method without an x-timeout, in the service configs
 *     (module README, "Service config"); null for {@link #DEFAULT_TIMEOUT}
 * @param lockFile the lock file that keeps field numbers stable, read if it exists and written with
 *     the protos; null to convert without one (module README, "Field numbers and the lock file")
 * @param allowBreaking whether a locked field whose REST type broke gets a new name and number (else
 *     the conversion fails)
 * @param adoptRefinements whether a locked field whose REST type only became more precise gets the new
 *     proto type under a new name and number (else it keeps its locked type)
 * @param languageOptions the prefixes of java_package and go_package (module README, "Package"); a
 *     {@code --config} file's {@code file_options} override them; null for {@link LanguageOptions#DEFAULTS}
 */
public record ConversionOptions(String packageName, GroupBy groupBy, long maxSpecBytes, Emission emission,
    boolean int64Strings, String errorDomain, SpecOverrides overrides, Duration defaultTimeout, Path lockFile,
    boolean allowBreaking, boolean adoptRefinements, LanguageOptions languageOptions) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public ConversionOptions {
    overrides = overrides == null ? SpecOverrides.none() : overrides;
    defaultTimeout = defaultTimeout == null ? DEFAULT_TIMEOUT : defaultTimeout;
    languageOptions = languageOptions == null ? LanguageOptions.DEFAULTS : languageOptions;
  }

  public ConversionOptions(String packageName, GroupBy groupBy, long maxSpecBytes, Emission emission,
      boolean int64Strings, String errorDomain, SpecOverrides overrides, Duration defaultTimeout, Path lockFile, boolean allowBreaking) {
    this(packageName, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, defaultTimeout, lockFile, allowBreaking, false, null);
  }

  public ConversionOptions(String packageName, GroupBy groupBy, long maxSpecBytes, Emission emission,
      boolean int64Strings, String errorDomain, SpecOverrides overrides, Duration defaultTimeout) {
    this(packageName, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, defaultTimeout, null, false, false, null);
  }

  public ConversionOptions(String packageName, GroupBy groupBy, long maxSpecBytes, Emission emission,
      boolean int64Strings, String errorDomain, SpecOverrides overrides) {
    this(packageName, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, null);
  }

  public ConversionOptions(String packageName, GroupBy groupBy, long maxSpecBytes) {
    this(packageName, groupBy, maxSpecBytes, null, false, null, null, null);
  }

  public static final long DEFAULT_MAX_SPEC_BYTES = 32L << 20;

  public enum GroupBy {
    /** one service per operation's first tag; untagged operations by path root */
    TAG,
    /** one service per first path segment that is not a version ({@code /v1/orders/...} → OrdersService) */
    PATH
  }

  public static ConversionOptions defaults() {
    return new ConversionOptions(null, GroupBy.TAG, DEFAULT_MAX_SPEC_BYTES);
  }

  public ConversionOptions withDefaultTimeout(Duration timeout) {
    return new ConversionOptions(packageName, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, timeout, lockFile,
        allowBreaking, adoptRefinements, languageOptions);
  }

  public ConversionOptions withPackage(String pkg) {
    return new ConversionOptions(pkg, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, defaultTimeout, lockFile,
        allowBreaking, adoptRefinements, languageOptions);
  }

  public ConversionOptions withLock(Path lock, boolean allowBreakingChanges) {
    return new ConversionOptions(packageName, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, defaultTimeout,
        lock, allowBreakingChanges, adoptRefinements, languageOptions);
  }

  /** The same, adopting refinements of locked fields' REST types as new proto types (a breaking change for gRPC clients). */
  public ConversionOptions withRefinementsAdopted() {
    return new ConversionOptions(packageName, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, defaultTimeout,
        lockFile, allowBreaking, true, languageOptions);
  }

  public ConversionOptions withLanguageOptions(LanguageOptions options) {
    return new ConversionOptions(packageName, groupBy, maxSpecBytes, emission, int64Strings, errorDomain, overrides, defaultTimeout,
        lockFile, allowBreaking, adoptRefinements, options);
  }
}
