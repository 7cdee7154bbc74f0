package io.rest2grpc.transcoding.shadow;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** Makes the marker of a shadow call (see {@link ShadowMarker}); thread-safe. */
public final class ShadowSigner {
  private final ShadowKey key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ShadowSigner(ShadowKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** The marker's value for a call of {@code fullMethod} ({@code pkg.Service/Method}). */
  public String sign(String fullMethod) {
    byte[] nonceBytes = new byte[16];
    random.nextBytes(nonceBytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
    long timestamp = clock.instant().getEpochSecond();
    return ShadowMarker.VERSION + ";kid=" + key.id() + ";ts=" + timestamp + ";nonce=" + nonce + ";sig="
        + ShadowMarker.signature(key, fullMethod, timestamp, nonce);
  }
}
