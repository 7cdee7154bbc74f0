package io.rest2grpc.openapi.cli;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code openapi-to-proto}: the command line. Exit codes: 0 ok, 1 conversion errors (or a bug, reported as one), 2 usage, 3 a check failed. */
@Command(name = "openapi-to-proto", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Converts OpenAPI 2.0/3.0/3.1 specs into proto3 with google.api.http rules.",
    subcommands = {ConvertCommand.class, CheckCommand.class, FidelityCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  public static final int OK = 0;
  public static final int CONVERSION_ERRORS = 1;
  public static final int USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return configure(new CommandLine(new Main())).execute(args);
  }

  /**
   * Usage errors exit 2 with the usage; a {@link ConversionException} a command lets through exits 1
   * with its problems; any other exception is a bug in rest2grpc: exit 1 with a request to report
   * it and the stack trace to report.
   */
  static CommandLine configure(CommandLine cli) {
    cli.setParameterExceptionHandler((e, a) -> {
      cli.getErr().println("error: " + e.getMessage());
      e.getCommandLine().usage(cli.getErr());
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      PrintWriter err = command.getErr();
      if (e instanceof ConversionException problems) {
        printErrors(err, problems);
      } else {
        err.println("error: rest2grpc failed unexpectedly (" + e + "): this is a bug in rest2grpc, not in your input.");
        err.println("  please report it with the command line, the spec if you can share it, and this stack trace:");
        e.printStackTrace(err);
      }
      err.flush();
      return CONVERSION_ERRORS;
    });
    return cli;
  }

  /** Each problem as {@code error: file#pointer (line L, column C): message}, its hint below, then how many. */
  static void printErrors(PrintWriter err, ConversionException e) {
    e.problems().forEach(problem -> err.println("error: " + problem.describe()));
    if (e.problems().size() > 1) {
      err.println(e.problems().size() + " errors");
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"openapi-to-proto " + (v == null ? "dev" : v)};
    }
  }
}
