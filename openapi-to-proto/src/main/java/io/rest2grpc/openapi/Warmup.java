package io.rest2grpc.openapi;

import io.rest2grpc.options.v1.OptionsProto;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One-time costs of a JVM that every conversion meets later, paid on another core while the spec is
 * read (that part is single-threaded). Measured on a cold launcher run of {@code box.json}
 * (benchmarks/RESULTS.md):
 *
 * <ul>
 *   <li>swagger-parser reads the example of a {@code format: date} schema with
 *       {@code new SimpleDateFormat("yyyy-MM-dd Z").parse(example + " UTC")}; the first such parse
 *       loads the names of every time zone, about 90 ms. Later parses find them cached.
 *   <li>the rest2grpc options' descriptors (with {@code descriptor.proto} and the google.api
 *       protos), which writing the protos needs: 2% of the run.
 * </ul>
 */
final class Warmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Warmup() {}

  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(Warmup::run, "rest2grpc-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      new SimpleDateFormat("yyyy-MM-dd Z").parse("1970-01-01 UTC");
    } catch (ParseException e) {
      // nothing was cached; swagger-parser pays for it itself
    }
    OptionsProto.getDescriptor();
  }
}
