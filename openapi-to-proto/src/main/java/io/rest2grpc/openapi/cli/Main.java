package io.rest2grpc.openapi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code openapi-to-proto}: the command line. Exit codes: 0 ok, 1 conversion errors, 2 usage, 3 a check failed. */
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
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setParameterExceptionHandler((e, a) -> {
      cli.getErr().println("error: " + e.getMessage());
      e.getCommandLine().usage(cli.getErr());
      return USAGE;
    });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"openapi-to-proto " + (v == null ? "dev" : v)};
    }
  }
}
