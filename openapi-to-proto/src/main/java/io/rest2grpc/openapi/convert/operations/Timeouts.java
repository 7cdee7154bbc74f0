package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An operation's {@code x-timeout} (module README, "Service config"): {@code 5s}, {@code 1.5s}, {@code 500ms}, {@code 2m}. */
public final class Timeouts {
  static final String OVERRIDE = "x-timeout";
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private Timeouts() {}

  /** The override, or null when the operation has none. */
  static Duration override(Map<String, Object> extensions, SourceLocation operation) {
    Object value = extensions == null ? null : extensions.get(OVERRIDE);
    if (value == null) {
      return null;
    }
    Duration timeout = parse(value.toString());
    if (timeout == null) {
      throw new ConversionException(operation.child(OVERRIDE), OVERRIDE + " is '" + value + "'",
          "write a positive duration such as 5s, 1.5s, 500ms or 2m");
    }
    return timeout;
  }

  /** A positive duration in the forms above, else null. */
  public static Duration parse(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(switch (m.group(2)) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      default -> 3_600_000L;
    }));
    Duration d = Duration.ofNanos(millis.movePointRight(6).longValue());
    return d.isZero() ? null : d;
  }

  /** The proto3 JSON form of a duration, as the service config takes it: "5s", "0.5s". */
  public static String json(Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros();
    return seconds.toPlainString() + "s";
  }
}
