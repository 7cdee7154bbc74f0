package io.rest2grpc.transcoding.json;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * google.protobuf.Timestamp and Duration as REST JSON strings. The equivalence reads them with the
 * public readers, so what the codec prints the comparator reads.
 */
public final class Times {
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Times() {}

  /** RFC 3339 in UTC with Z and 0, 3, 6 or 9 fractional digits; a full-date when the field is a date. */
  static String timestamp(long seconds, int nanos, boolean dateOnly) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);
    return dateOnly ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString() : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** RFC 3339 with any offset and fraction (or a full-date, read as midnight UTC). */
  static Instant timestamp(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidValue("'" + text + "' is not an RFC 3339 date-time");
    }
  }

  /** proto3 JSON's "1.5s", or ISO 8601's "PT1.5S". */
  static String duration(long seconds, int nanos, boolean iso) {
    if (iso) {
      return Duration.ofSeconds(seconds, nanos).toString();
    }
    boolean negative = seconds < 0 || nanos < 0;
    StringBuilder text = new StringBuilder(negative ? "-" : "").append(Math.abs(seconds));
    int fraction = Math.abs(nanos);
    if (fraction != 0) {
      String digits = String.format(Locale.ROOT, "%09d", fraction);
      int length = fraction % 1_000_000 == 0 ? 3 : fraction % 1_000 == 0 ? 6 : 9;
      text.append('.').append(digits, 0, length);
    }
    return text.append('s').toString();
  }

  /** A duration as {seconds, nanos}, from "1.5s" or ISO 8601 "PT1.5S". */
  static long[] duration(String text) {
    try {
      String trimmed = text.trim();
      if (trimmed.startsWith("P") || trimmed.startsWith("-P") || trimmed.startsWith("p") || trimmed.startsWith("-p")) {
        Duration d = Duration.parse(trimmed);
        return new long[] {d.getSeconds() + (d.isNegative() && d.getNano() > 0 ? 1 : 0),
            d.isNegative() && d.getNano() > 0 ? d.getNano() - 1_000_000_000L : d.getNano()};
      }
      if (!trimmed.endsWith("s")) {
        throw new InvalidValue("'" + text + "' is not a duration such as \"1.5s\" or \"PT1.5S\"");
      }
      BigDecimal total = new BigDecimal(trimmed.substring(0, trimmed.length() - 1));
      if (total.precision() - total.scale() > 19 || total.scale() > 18) {
        throw new ArithmeticException("beyond a Duration"); // refused before 1E999999999 is expanded
      }
      BigDecimal[] parts = total.divideAndRemainder(BigDecimal.ONE);
      return new long[] {parts[0].longValueExact(), parts[1].multiply(NANOS_PER_SECOND).longValueExact()};
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      throw new InvalidValue("'" + text + "' is not a duration such as \"1.5s\" or \"PT1.5S\"");
    }
  }

  /** The instant an RFC 3339 date-time or full-date names; empty when the text is neither. */
  public static Optional<Instant> readTimestamp(String text) {
    try {
      return Optional.of(timestamp(text));
    } catch (InvalidValue e) {
      return Optional.empty();
    }
  }

  /** The seconds a "1.5s" or ISO 8601 "PT1.5S" duration holds; empty when the text is neither. */
  public static Optional<BigDecimal> readSeconds(String text) {
    try {
      long[] duration = duration(text);
      return Optional.of(BigDecimal.valueOf(duration[0]).add(BigDecimal.valueOf(duration[1], 9)));
    } catch (InvalidValue e) {
      return Optional.empty();
    }
  }
}
