package io.rest2grpc.openapi.cli;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.fidelity.Fidelity;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fidelity", mixinStandardHelpOptions = true,
    description = {
        "Before you migrate: converts SPEC, then round-trips every JSON example the spec gives through the",
        "generated messages (REST JSON -> message -> REST JSON) and compares the result with the original.",
        "Examples that their own schema rejects are counted apart. Exit 3 when fewer than --min percent round-trip."})
final class FidelityCommand implements Callable<Integer> {
  static final int BELOW_MINIMUM = 3;

  @Spec CommandLine.Model.CommandSpec commandSpec;

  @Parameters(paramLabel = "SPEC", description = "The OpenAPI or Swagger document.")
  Path spec;

  @Option(names = "--min", paramLabel = "PERCENT", defaultValue = "99", description = "Required round-trip share (default ${DEFAULT-VALUE}).")
  double min;

  @Mixin
  SpecSizeOption maxSpecSize;

  @Option(names = "--show", paramLabel = "N", defaultValue = "20", description = "How many failures to list (default ${DEFAULT-VALUE}).")
  int show;

  @Override
  public Integer call() {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    Conversion conversion;
    try {
      conversion = OpenApiToProto.convert(spec, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, maxSpecSize.bytes));
    } catch (ConversionException e) {
      Main.printErrors(err, e);
      return Main.CONVERSION_ERRORS;
    }
    Fidelity.Result result = Fidelity.check(conversion, DescriptorBuilder.build(conversion));
    out.printf("%s: %d examples found, %d invalid against their own schema, %d not of a message, %d checked, %d round-tripped (%.1f%%)%n",
        result.spec(), result.found(), result.invalid(), result.notMessages(), result.checked(), result.roundTripped(), result.percent());
    result.failures().stream().limit(show).forEach(f -> out.println("  FAIL " + f.location()
        + (f.limitation() == null ? "" : " (limitation: " + f.limitation() + ")")
        + "\n       " + f.reason().replace("\n", "\n       ")));
    if (result.failures().size() > show) {
      out.println("  … and " + (result.failures().size() - show) + " more (--show N)");
    }
    result.invalidExamples().stream().limit(show).forEach(f -> out.println("  invalid " + f.location() + ": " + f.reason()));
    return result.percent() + 1e-9 < min ? BELOW_MINIMUM : Main.OK;
  }
}
