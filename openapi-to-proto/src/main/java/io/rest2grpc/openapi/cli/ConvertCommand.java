package io.rest2grpc.openapi.cli;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.convert.operations.Timeouts;
import io.rest2grpc.openapi.write.ReportWriter;
import io.rest2grpc.options.v1.Emission;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {
        "Converts each SPEC (a file, or a folder searched for OpenAPI documents) into a buf module of proto3 files,",
        "with buf.yaml, the googleapis protos it imports, and rest2grpc-report.json.",
        "One spec is written to DIR; several go to DIR/<spec name>/."})
final class ConvertCommand implements Callable<Integer> {
  private static final Pattern ENTRY_DOCUMENT = Pattern.compile("(?m)^(openapi|swagger)\\s*:|^\\s{0,4}\\{?\\s{0,4}\"(openapi|swagger)\"\\s*:");

  @Spec CommandLine.Model.CommandSpec commandSpec;

  @Parameters(paramLabel = "SPEC", arity = "0..*", description = "OpenAPI or Swagger documents (YAML or JSON), or folders of them.")
  List<Path> specs = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Where to write the protos.")
  Path output;

  @Option(names = "--package", paramLabel = "PKG|SPEC=PKG",
      description = "The proto package (e.g. acme.orders.v1); with several specs, SPEC=PKG per spec. Default: the lock's, else derived from the server host, base path and title (README, \"Package\").")
  List<String> packages = new ArrayList<>();

  @Option(names = "--group-by", paramLabel = "tag|path", defaultValue = "tag",
      description = "One service per first tag (default), or per first path segment.")
  String groupBy;

  @Mixin
  SpecSizeOption maxSpecSize;

  @Option(names = "--emission", paramLabel = "always|non-null|non-empty|present",
      description = "How the service writes absent, null and default fields (its Jackson inclusion). Default: unrecorded, read as 'present'.")
  String emission;

  @Option(names = "--int64-strings", description = "The service sends 64-bit integers as JSON strings (default: numbers).")
  boolean int64Strings;

  @Option(names = "--error-domain", paramLabel = "DOMAIN",
      description = "The google.rpc.ErrorInfo domain of the service's errors, e.g. orders.example.com. Default: x-rest2grpc-error-domain, else the host of the first server URL, else the proto package.")
  String errorDomain;

  @Option(names = "--overlay", paramLabel = "FILE",
      description = "An OpenAPI Overlay 1.0 file applied to the spec before conversion (repeatable; e.g. x-grpc-pagination overrides).")
  List<Path> overlays = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "A rest2grpc config: 'overrides' maps JSON pointers of the spec to members merged there, 'renames' "
          + "JSON pointers to proto names (x-grpc-name), 'file_options' sets java_package_prefix and go_package_prefix.")
  Path config;

  @Option(names = "--default-timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "The timeout of every method without an x-timeout in the service configs, e.g. 10s, 500ms, 2m (default ${DEFAULT-VALUE}).")
  String defaultTimeout;

  @Option(names = "--lock", paramLabel = "FILE",
      description = "The lock file that keeps field numbers and names stable across versions of the spec: read if it exists, then updated with the protos. One spec at a time. Default: SPEC's name with .rest2grpc-lock.json, next to it; commit it with the spec.")
  Path lock;

  @Option(names = "--no-lock", description = "Convert without reading or writing a lock file (a one-off conversion).")
  boolean noLock;

  @Option(names = "--allow-breaking",
      description = "A locked field whose type changed incompatibly gets a new name (amount_v2) and number, the old ones reserved. Default: such a change fails the conversion.")
  boolean allowBreaking;

  @Option(names = "--adopt-refinements",
      description = "A locked field whose REST type became more precise (a format, an enum, a schema, typed items) gets the new proto type under a new name and number, the old ones reserved: a breaking change for gRPC clients. Default: it keeps its locked type, and the report lists it (REFINEMENT_HELD_BACK).")
  boolean adoptRefinements;

  @Option(names = "--example", description = "Convert the bundled example spec (a small bookshop API).")
  boolean example;

  private Path bundledExample;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    if (example) {
      bundledExample = extractExample();
      specs.add(0, bundledExample);
    }
    if (specs.isEmpty()) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "give at least one SPEC, or --example");
    }
    List<Path> files = expand(specs);
    if (files.isEmpty()) {
      err.println("error: no OpenAPI or Swagger document found in " + specs);
      return Main.CONVERSION_ERRORS;
    }
    if (lock != null && files.size() > 1) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "--lock works with one spec; found " + files.size());
    }
    if (lock != null && noLock) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "give --lock FILE or --no-lock, not both");
    }
    if ((allowBreaking || adoptRefinements) && (noLock || example)) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), (allowBreaking ? "--allow-breaking" : "--adopt-refinements")
          + " needs a lock (--example and --no-lock have none)");
    }
    ConversionOptions options = new ConversionOptions(null, groupBy(), maxSpecSize.bytes, emission(), int64Strings, errorDomain,
        new SpecOverrides(overlays, config), defaultTimeout());
    Map<Path, String> packageBySpec = packages(files);
    Map<Path, Path> outputs = outputs(files);
    int failures = 0;
    for (int i = 0; i < files.size(); i++) {
      Path spec = files.get(i);
      if (files.size() > 1) {
        err.printf("[%d/%d] %s%n", i + 1, files.size(), spec);
        err.flush();
      }
      try {
        Path specLock = lockFor(spec);
        ConversionOptions locked = options.withPackage(packageBySpec.get(spec)).withLock(specLock, allowBreaking);
        Conversion conversion = OpenApiToProto.convert(spec, adoptRefinements ? locked.withRefinementsAdopted() : locked);
        OpenApiToProto.write(conversion, outputs.get(spec));
        out.print(ReportWriter.consoleSummary(conversion));
        out.println("  wrote " + outputs.get(spec) + " (report: " + outputs.get(spec).resolve(ReportWriter.FILE_NAME)
            + (specLock == null ? "" : ", lock: " + specLock) + ")");
      } catch (ConversionException e) {
        failures++;
        Main.printErrors(err, e);
      }
      out.flush();
    }
    return failures == 0 ? Main.OK : Main.CONVERSION_ERRORS;
  }

  /** {@code --lock}, else {@code orders.rest2grpc-lock.json} beside {@code orders.yaml}; none for the bundled example or with --no-lock. */
  private Path lockFor(Path spec) {
    if (lock != null || noLock || bundledExample != null && spec.equals(bundledExample.toAbsolutePath().normalize())) {
      return noLock ? null : lock;
    }
    return spec.resolveSibling(defaultLockName(spec));
  }

  /** {@code orders.rest2grpc-lock.json} for {@code orders.yaml}. */
  static String defaultLockName(Path spec) {
    return stem(spec) + ".rest2grpc-lock.json";
  }

  private ConversionOptions.GroupBy groupBy() {
    try {
      return ConversionOptions.GroupBy.valueOf(groupBy.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "--group-by takes 'tag' or 'path', not '" + groupBy + "'");
    }
  }

  private Duration defaultTimeout() {
    Duration timeout = Timeouts.parse(defaultTimeout);
    if (timeout == null) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(),
          "--default-timeout takes a positive duration such as 30s, 500ms or 2m, not '" + defaultTimeout + "'");
    }
    return timeout;
  }

  private Emission emission() {
    if (emission == null) {
      return null;
    }
    try {
      return Emission.valueOf("EMISSION_" + emission.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(),
          "--emission takes always, non-null, non-empty or present, not '" + emission + "'");
    }
  }

  private Map<Path, String> packages(List<Path> files) {
    Map<Path, String> result = new HashMap<>();
    for (String p : packages) {
      int eq = p.indexOf('=');
      if (eq < 0) {
        if (files.size() != 1) {
          throw new CommandLine.ParameterException(commandSpec.commandLine(), "with several specs, give --package SPEC=PKG");
        }
        result.put(files.get(0), p);
      } else {
        Path spec = Path.of(p.substring(0, eq)).toAbsolutePath().normalize();
        if (!files.contains(spec)) {
          throw new CommandLine.ParameterException(commandSpec.commandLine(), "--package names " + spec + ", which is not among the specs");
        }
        result.put(spec, p.substring(eq + 1));
      }
    }
    return result;
  }

  /** One spec → DIR; several → DIR/&lt;file stem&gt;, with the parent folder's name added where stems repeat. */
  private Map<Path, Path> outputs(List<Path> files) {
    Map<Path, Path> result = new LinkedHashMap<>();
    if (files.size() == 1) {
      result.put(files.get(0), output);
      return result;
    }
    Set<String> used = new HashSet<>();
    for (Path file : files) {
      String stem = stem(file);
      String name = stem;
      if (!used.add(name) && file.getParent() != null && file.getParent().getFileName() != null) {
        name = file.getParent().getFileName() + "-" + stem;
        used.add(name);
      }
      for (int n = 2; !name.equals(stem) && !used.contains(name) && !used.add(name); n++) {
        name = stem + "-" + n;
      }
      result.put(file, output.resolve(name));
    }
    return result;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static List<Path> expand(List<Path> specs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path spec : specs) {
      Path abs = spec.toAbsolutePath().normalize();
      if (!Files.isDirectory(abs)) {
        files.add(abs);
        continue;
      }
      try (Stream<Path> walk = Files.walk(abs)) {
        for (Path p : walk.filter(Files::isRegularFile).filter(ConvertCommand::isSpecFile).sorted().toList()) {
          files.add(p);
        }
      }
    }
    return files;
  }

  private static boolean isSpecFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
      return false;
    }
    try (InputStream in = Files.newInputStream(p)) {
      byte[] head = in.readNBytes(4096);
      return ENTRY_DOCUMENT.matcher(new String(head, java.nio.charset.StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      return false;
    }
  }

  private static Path extractExample() {
    try (InputStream in = ConvertCommand.class.getResourceAsStream("/io/rest2grpc/openapi/example/bookshop.yaml")) {
      Path dir = Files.createTempDirectory("rest2grpc-example");
      Path file = dir.resolve("bookshop.yaml");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
