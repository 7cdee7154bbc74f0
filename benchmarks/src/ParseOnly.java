import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Baseline for benchmarks/run.sh: swagger-parser's own parse of a spec, nothing else.
 *
 * <p>Compiled by run.sh against the converter's shaded jar (which bundles swagger-parser), so the
 * parser version is exactly the one the converter uses. run.sh starts the compiled class, not the
 * single-file source launcher, whose in-process javac would be timed as part of the baseline:
 *
 * <pre>
 * java -cp openapi-to-proto.jar:benchmarks/target/classes ParseOnly SPEC            # one parse
 * java -cp openapi-to-proto.jar:benchmarks/target/classes ParseOnly --warm N SPEC   # N parses, one JVM
 * </pre>
 *
 * <p>(It still works as {@code java -cp openapi-to-proto.jar benchmarks/src/ParseOnly.java SPEC}.)
 *
 * <p>Options: resolve=true, resolveFully=false (what a converter needs at minimum: external refs
 * pulled in, internal refs left as refs). Exit code 0 when the parser returned an OpenAPI model,
 * 1 otherwise. With {@code --warm N} it prints one line per parse, {@code parse <i> <millis> ms},
 * to stdout.
 */
public class ParseOnly {
  public static void main(String[] args) {
    System.setProperty("maxYamlCodePoints", "50000000");
    int warm = 0;
    String spec;
    if (args.length == 3 && args[0].equals("--warm")) {
      warm = Integer.parseInt(args[1]);
      spec = args[2];
    } else if (args.length == 1) {
      spec = args[0];
    } else {
      System.err.println("usage: ParseOnly [--warm N] SPEC");
      System.exit(2);
      return;
    }
    if (warm == 0) {
      System.exit(parse(spec) ? 0 : 1);
    }
    for (int i = 1; i <= warm; i++) {
      long t0 = System.nanoTime();
      boolean ok = parse(spec);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("parse " + i + " " + ms + " ms");
      if (!ok) System.exit(1);
    }
  }

  static boolean parse(String spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    SwaggerParseResult result = new OpenAPIParser().readLocation(spec, null, options);
    if (result == null || result.getOpenAPI() == null) {
      System.err.println("no OpenAPI model; messages: " + (result == null ? "-" : result.getMessages()));
      return false;
    }
    return result.getOpenAPI().getPaths() != null;
  }
}
