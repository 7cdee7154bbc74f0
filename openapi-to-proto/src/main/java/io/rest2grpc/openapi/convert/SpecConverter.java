package io.rest2grpc.openapi.convert;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.convert.operations.OperationConverter;
import io.rest2grpc.openapi.convert.operations.Timeouts;
import io.rest2grpc.openapi.convert.schemas.DuplicateTypes;
import io.rest2grpc.openapi.convert.schemas.RenamedSchemas;
import io.rest2grpc.openapi.convert.schemas.SchemaConverter;
import io.rest2grpc.openapi.convert.schemas.TypeStore;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.naming.PackageNames;
import io.rest2grpc.openapi.proto.FileOptions;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.Renames;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.openapi.report.NameRules;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts one parsed spec. Order matters for stable names: RPC names first, then component
 * names (in declaration order), then operations (in document order), then the components no
 * operation reached. A failing operation or schema is noted and the others are converted, so the
 * conversion fails with every problem of the spec.
 */
public final class SpecConverter {
  private final Spec spec;
  private final RefResolver refs;
  private final Findings findings;
  private final ConversionOptions options;

  private final Path entry;
  private final Lock lock;

  /** @param lock the names and files to keep; {@link Lock#empty} for none */
  public SpecConverter(Path entry, Spec spec, RefResolver refs, Findings findings, ConversionOptions options, Lock lock) {
    this.entry = entry;
    this.spec = spec;
    this.refs = refs;
    this.findings = findings;
    this.options = options;
    this.lock = lock;
  }

  /**
   * The proto package: {@code --package}, else the one {@code locked} pins (the package of the lock,
   * null without one), else derived from the spec ({@link PackageNames}). A {@code --package} that
   * differs from the lock's is an error: moving a locked API to another package is a new API for every
   * gRPC client, so it takes a new lock.
   */
  public static String packageName(Spec spec, ConversionOptions options, String locked, Path lockFile) {
    if (options.packageName() != null && locked != null && !options.packageName().equals(locked)) {
      throw new ConversionException(SourceLocation.of(lockFile == null ? "the lock" : lockFile.toString()).child("package"),
          "--package " + options.packageName() + " differs from the package the lock pins, " + locked,
          "drop --package (or give --package " + locked + ") to keep the locked package; to publish the API under "
              + options.packageName() + " as a new API, convert with another --lock file or --no-lock");
    }
    String pkg = options.packageName() != null ? options.packageName() : locked != null ? locked : PackageNames.derive(spec.model());
    if (!PackageNames.isValid(pkg)) {
      throw new ConversionException(SourceLocation.of(spec.displayName()), "package '" + pkg + "' is not a versioned proto package",
          "use lower_snake_case segments ending in a version, e.g. --package acme.orders.v1");
    }
    return pkg;
  }

  public Conversion convert() {
    String pkg = lock.packageName();
    TypeStore store = new TypeStore(spec.displayName(), spec.root(), lock);
    SchemaConverter schemas = new SchemaConverter(refs, store, findings, pkg);
    OperationConverter operations = new OperationConverter(entry, spec, refs, schemas, store, findings, pkg, options);

    List<OperationConverter.Op> ops = operations.operations();
    Map<String, Located<Schema>> components = components();
    Problems problems = new Problems();
    List<OperationConverter.Plan> plans = operations.plan(ops, problems);
    schemas.reserveComponentNames(components, OperationConverter.requestNames(plans), problems);
    plans = operations.nameServices(plans);
    List<ProtoService> services = operations.convert(plans, problems);
    int typesFromOperations = store.order().size();
    schemas.convertComponents(components, problems);
    problems.throwIfAny();
    RenamedSchemas.Result renamed = new RenamedSchemas(store, lock, spec.displayName(), spec.root()).decide(pkg);
    findings.add(renamed.report());

    Map<String, String> homes = homes(plans, store, typesFromOperations);
    Set<String> fixed = new HashSet<>(renamed.renames().types().keySet());
    store.order().stream().filter(store::isLocked).forEach(fixed::add);
    DuplicateTypes.Result duplicates = DuplicateTypes.find(store, fixed, lock, renamed.renames(), pkg);
    store.merge(duplicates);
    findings.add(duplicates.report());
    services = services.stream().map(s -> s.withRpcs(s.rpcs().stream().map(duplicates.merges()::rpc).toList())).toList();
    String header = "Generated by rest2grpc openapi-to-proto from " + fileName(spec.displayName())
        + ".\nChange the spec and convert again rather than editing this file.";
    List<ProtoFile> files = FilePlanner.plan(pkg, header, services, store, homes, lockedFiles(renamed.renames()));
    FileOptions fileOptions = operations.fileOptions(options.int64Strings() ? "string" : "number",
        options.emission() == null ? null : options.emission().name(), Timeouts.json(options.defaultTimeout()),
        options.languageOptions().with(spec.config().fileOptions()));
    NameRules names = new NameRules(packageRule(pkg), OperationConverter.rpcNameRules(plans), store.nameRules(spec.config().renames().keySet()));
    return new Conversion(spec.displayName(), pkg, files, fileOptions, findings.report(), merged(schemas.messagesBySchema(), duplicates.merges()),
        new Conversion.Source(entry, spec.version(), spec.root()), null, names).renamed(renamed.renames());
  }

  /** Where {@code pkg} came from: {@code --package}, the lock (when the spec now derives another), or the spec. */
  private String packageRule(String pkg) {
    PackageNames.Derived derived = PackageNames.derived(spec.model());
    if (options.packageName() != null) {
      return "--package";
    }
    return derived.name().equals(pkg) ? derived.rule() : "locked (the spec alone gives " + derived.name() + ": " + derived.rule() + ")";
  }

  private static Map<String, String> merged(Map<String, String> messagesBySchema, Renames merges) {
    Map<String, String> merged = new HashMap<>();
    messagesBySchema.forEach((schema, message) -> merged.put(schema, merges.type(message)));
    return merged;
  }

  /**
   * The file the lock puts each type in, by the name the store gives it: a type about to be renamed
   * to a locked name goes where that name is locked.
   */
  private Map<String, String> lockedFiles(Renames renames) {
    Map<String, String> lockedFiles = new HashMap<>();
    lock.messages().forEach((name, message) -> lockedFiles.put(name, message.file()));
    lock.enums().forEach((name, protoEnum) -> lockedFiles.put(name, protoEnum.file()));
    renames.types().forEach((from, to) -> lockedFiles.put(from, lockedFiles.get(to)));
    return lockedFiles;
  }

  private Map<String, Located<Schema>> components() {
    Map<String, Located<Schema>> components = new LinkedHashMap<>();
    if (spec.model().getComponents() != null && spec.model().getComponents().getSchemas() != null) {
      spec.model().getComponents().getSchemas().forEach((name, schema) -> {
        if (schema != null) {
          components.put(name, new Located<>(schema, refs.componentLocation("schemas", name)));
        }
      });
    }
    return components;
  }

  /** The service each operation-made type came from: types written inside an operation. */
  private Map<String, String> homes(List<OperationConverter.Plan> plans, TypeStore store, int typesFromOperations) {
    Map<String, String> serviceByOperation = new HashMap<>();
    for (OperationConverter.Plan plan : plans) {
      serviceByOperation.put(plan.op().location().toString(), plan.service());
    }
    Map<String, String> homes = new HashMap<>();
    for (String type : store.order().subList(0, typesFromOperations)) {
      SourceLocation source = sourceOf(store, type);
      if (source == null || !source.file().equals(spec.displayName()) || !source.pointer().startsWith("/paths/")) {
        continue;
      }
      String[] tokens = source.pointer().split("/");
      if (tokens.length >= 4) {
        String service = serviceByOperation.get(new SourceLocation(source.file(), "/paths/" + tokens[2] + "/" + tokens[3]).toString());
        if (service != null) {
          homes.put(type, service);
        }
      }
    }
    return homes;
  }

  private static SourceLocation sourceOf(TypeStore store, String type) {
    ProtoMessage message = store.messages().get(type);
    if (message != null) {
      return message.source();
    }
    ProtoEnum protoEnum = store.enums().get(type);
    return protoEnum == null ? null : protoEnum.source();
  }

  private static String fileName(String displayName) {
    return displayName.substring(Math.max(displayName.lastIndexOf('/'), displayName.lastIndexOf('\\')) + 1);
  }
}
