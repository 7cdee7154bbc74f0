package io.rest2grpc.transcoding.shadow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks the marker of a call that claims to be a shadow copy (see {@link ShadowMarker}) and counts
 * what it rejects, by reason, for the server's metrics. Thread-safe.
 *
 * <p>A marker is valid when its key is one of the verifier's (old keys stay while the proxy rotates),
 * its signature is the key's over this method, its timestamp is within {@code window} of now either
 * way (clock skew), and its nonce has not been seen within that window: a replayed marker is
 * rejected. The nonces remembered are bounded by {@code window} and by {@code maxNonces}; past that
 * many in one window, the oldest are forgotten first.
 */
public final class ShadowVerifier {
  /** Why a marker was not accepted. */
  public enum Rejection { MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, STALE, REPLAYED }

  /** The outcome for one call: {@code rejection} null when valid. */
  public record Verdict(Rejection rejection, String keyId) {
    public boolean valid() {
      return rejection == null;
    }
  }

  private final Map<String, ShadowKey> keys = new HashMap<>();
  private final Clock clock;
  private final Duration window;
  private final int maxNonces;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
  private final Map<Rejection, LongAdder> rejected = new EnumMap<>(Rejection.class);

  public ShadowVerifier(Collection<ShadowKey> keys, Clock clock, Duration window, int maxNonces) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a shadow verifier needs at least one key: the key the shadow proxy signs with");
    }
    keys.forEach(k -> this.keys.put(k.id(), k));
    this.clock = clock;
    this.window = window;
    this.maxNonces = maxNonces;
    for (Rejection r : Rejection.values()) {
      rejected.put(r, new LongAdder());
    }
  }

  /** The verdict on {@code marker} (the metadata value, or null when the call had none: not a shadow call, so not counted). */
  public Verdict verify(String fullMethod, String marker) {
    Verdict verdict = check(fullMethod, marker);
    if (!verdict.valid()) {
      rejected.get(verdict.rejection()).increment();
    }
    return verdict;
  }

  /** How many markers were rejected for {@code reason} since this verifier was made. */
  public long rejected(Rejection reason) {
    return rejected.get(reason).sum();
  }

  private Verdict check(String fullMethod, String marker) {
    Map<String, String> fields = fields(marker);
    if (fields == null) {
      return new Verdict(Rejection.MALFORMED, null);
    }
    String keyId = fields.get("kid");
    ShadowKey key = keys.get(keyId);
    if (key == null) {
      return new Verdict(Rejection.UNKNOWN_KEY, keyId);
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(fields.get("ts"));
    } catch (NumberFormatException e) {
      return new Verdict(Rejection.MALFORMED, keyId);
    }
    String expected = ShadowMarker.signature(key, fullMethod, timestamp, fields.get("nonce"));
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), fields.get("sig").getBytes(StandardCharsets.US_ASCII))) {
      return new Verdict(Rejection.BAD_SIGNATURE, keyId);
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > window.toSeconds()) {
      return new Verdict(Rejection.STALE, keyId);
    }
    return firstSight(fields.get("nonce"), now) ? new Verdict(null, keyId) : new Verdict(Rejection.REPLAYED, keyId);
  }

  /** The marker's fields, or null when it is not a {@code v1} marker with all of them. */
  private static Map<String, String> fields(String marker) {
    if (marker == null) {
      return null;
    }
    String[] parts = marker.split(";");
    if (parts.length != 5 || !parts[0].equals(ShadowMarker.VERSION)) {
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq <= 0) {
        return null;
      }
      fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
    }
    return fields.keySet().containsAll(List.of("kid", "ts", "nonce", "sig")) ? fields : null;
  }

  private synchronized boolean firstSight(String nonce, long now) {
    for (Iterator<Long> at = seen.values().iterator(); at.hasNext(); ) {
      if (at.next() < now - window.toSeconds()) {
        at.remove();
      } else {
        break;  // insertion order is time order
      }
    }
    if (seen.containsKey(nonce)) {
      return false;
    }
    seen.put(nonce, now);
    if (seen.size() > maxNonces) {
      seen.remove(seen.keySet().iterator().next());
    }
    return true;
  }
}
