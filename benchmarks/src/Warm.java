import io.rest2grpc.openapi.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * In-process (warm JVM) figures for benchmarks/run.sh, reported separately from the whole-process
 * numbers. One JVM, {@code N} rounds; each round runs swagger-parser's parse ({@link ParseOnly}) and
 * then the converter's CLI entry point ({@code Main.run("convert", SPEC, "-o", OUT, "--lock", LOCK)}),
 * so both get the same JIT warm-up. Prints per-round lines and, last, the medians over the second half of the
 * rounds (the first half is warm-up):
 *
 * <pre>
 * warm-median parse_ms=... convert_ms=...
 * </pre>
 *
 * <pre>
 * java -Xmx512m -cp openapi-to-proto.jar:benchmarks/target/classes Warm N SPEC OUTDIR LOCK
 * </pre>
 */
public class Warm {
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: Warm N SPEC OUTDIR LOCK");
      System.exit(2);
    }
    System.setProperty("maxYamlCodePoints", "50000000");
    int n = Integer.parseInt(args[0]);
    String spec = args[1];
    Path out = Path.of(args[2]);
    String lock = args[3];
    Files.createDirectories(out.getParent() == null ? Path.of(".") : out.getParent());
    PrintStream realOut = System.out;
    PrintStream devNull = new PrintStream(OutputStream.nullOutputStream());
    long[] parse = new long[n];
    long[] convert = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      if (!ParseOnly.parse(spec)) {
        System.exit(1);
      }
      long t1 = System.nanoTime();
      System.setOut(devNull); // the CLI's summary, n times, is noise here
      int rc;
      try {
        rc = Main.run("convert", spec, "-o", out.toString(), "--lock", lock);
      } finally {
        System.setOut(realOut);
      }
      long t2 = System.nanoTime();
      if (rc != 0) {
        System.err.println("convert exited " + rc + " in round " + (i + 1));
        System.exit(1);
      }
      parse[i] = (t1 - t0) / 1_000_000;
      convert[i] = (t2 - t1) / 1_000_000;
      realOut.println("round " + (i + 1) + " parse_ms=" + parse[i] + " convert_ms=" + convert[i]);
    }
    realOut.println("warm-median parse_ms=" + median(parse, n / 2) + " convert_ms=" + median(convert, n / 2));
  }

  private static long median(long[] xs, int from) {
    long[] tail = Arrays.copyOfRange(xs, from, xs.length);
    Arrays.sort(tail);
    int m = tail.length;
    return m % 2 == 1 ? tail[m / 2] : (tail[m / 2 - 1] + tail[m / 2]) / 2;
  }
}
