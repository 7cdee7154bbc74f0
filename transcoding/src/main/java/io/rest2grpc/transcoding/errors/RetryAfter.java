package io.rest2grpc.transcoding.errors;

import io.rest2grpc.transcoding.http.RestHeaders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110 §10.2.3) as a delay, and back. */
final class RetryAfter {
  static final String HEADER = "retry-after";
  /** The longest delay a google.protobuf.Duration holds (10,000 years). */
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(315_576_000_000L);

  private RetryAfter() {}

  /**
   * The delay the header asks for: delta-seconds, or an HTTP-date counted from the response's
   * {@code Date} header (else from now), never negative; empty when absent or unreadable.
   */
  static Optional<Duration> read(RestHeaders headers) {
    Optional<String> value = headers.first(HEADER).map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().matches("\\d+")) {
      return Optional.of(clamp(new BigDecimal(value.get())));
    }
    Optional<Instant> at = httpDate(value.get());
    Instant sent = headers.first("date").flatMap(RetryAfter::httpDate).orElseGet(Instant::now);
    return at.map(instant -> instant.isAfter(sent) ? Duration.between(sent, instant) : Duration.ZERO);
  }

  /** A non-negative number of seconds as a Duration, at most the longest a google.protobuf.Duration holds. */
  static Duration clamp(BigDecimal seconds) {
    BigDecimal held = seconds.min(MAX_SECONDS);
    return Duration.ofSeconds(held.longValue(), held.remainder(BigDecimal.ONE).movePointRight(9).intValue());
  }

  /** Delta-seconds, a fraction rounded up. */
  static String write(com.google.protobuf.Duration delay) {
    return Long.toString(delay.getNanos() > 0 ? delay.getSeconds() + 1 : delay.getSeconds());
  }

  private static Optional<Instant> httpDate(String text) {
    try {
      return Optional.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
