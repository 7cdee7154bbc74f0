package io.rest2grpc.sample.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** A fixed one-minute window per caller, the simplest limiter legacy services tend to have. */
@Component
public class RateLimiter {

  private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

  private final Clock clock = Clock.systemUTC();
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** Counts one request; empty when allowed, else how long the caller has to wait. */
  public Optional<Duration> acquire(String caller, int requestsPerMinute) {
    long now = clock.millis();
    Window window = windows.compute(caller, (name, current) ->
        current == null || now - current.startMillis >= WINDOW_MILLIS ? new Window(now, 1) : current.next());
    if (window.count <= requestsPerMinute) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(window.startMillis + WINDOW_MILLIS - now));
  }

  private record Window(long startMillis, int count) {
    Window next() {
      return new Window(startMillis, count + 1);
    }
  }
}
