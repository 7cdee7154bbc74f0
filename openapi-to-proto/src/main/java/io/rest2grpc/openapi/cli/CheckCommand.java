package io.rest2grpc.openapi.cli;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.check.Check;
import io.rest2grpc.openapi.check.CheckReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "What NEW breaks for clients of OLD: REST changes (removed operations, removed or retyped fields, new required",
        "fields, changed enum values and paths), and the proto changes of converting NEW with OLD's lock (wire and JSON",
        "compatibility, deleted or renamed RPCs and services, HttpRules and rest2grpc options), each with its REST cause.",
        "Exit 3 when something breaks."})
final class CheckCommand implements Callable<Integer> {
  static final int BREAKING = 3;

  @Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(names = "--against", paramLabel = "OLD", required = true, description = "The version clients use now.")
  Path old;

  @Parameters(paramLabel = "NEW", description = "The new version of the spec.")
  Path current;

  @Option(names = "--lock", paramLabel = "FILE",
      description = "The lock the protos are converted with (read, never written). Default: OLD's lock beside it if there is one, else the numbering of a first conversion of OLD.")
  Path lock;

  @Option(names = "--package", paramLabel = "PKG", description = "The proto package. Default: derived from OLD.")
  String packageName;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path json;

  @Mixin
  SpecSizeOption maxSpecSize;

  @Option(names = "--show", paramLabel = "N", defaultValue = "30", description = "How many breaking changes to list per side (default ${DEFAULT-VALUE}).")
  int show;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    Path lockFile = lock != null ? lock : old.resolveSibling(ConvertCommand.defaultLockName(old));
    ConversionOptions options = new ConversionOptions(packageName, ConversionOptions.GroupBy.TAG, maxSpecSize.bytes).withLock(lockFile, true);
    Check.Result result;
    try {
      result = Check.run(old, current, options);
    } catch (ConversionException e) {
      Main.printErrors(err, e);
      return Main.CONVERSION_ERRORS;
    }
    CheckReport.print(result, out, show);
    if (json != null) {
      Files.writeString(json, CheckReport.json(result));
      out.println("JSON report: " + json);
    }
    return result.breaking() ? BREAKING : Main.OK;
  }
}
