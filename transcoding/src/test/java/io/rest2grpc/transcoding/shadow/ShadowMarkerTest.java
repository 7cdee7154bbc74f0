package io.rest2grpc.transcoding.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.transcoding.shadow.ShadowVerifier.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowMarkerTest {
  private static final String METHOD = "shop.v1.OrdersService/CreateOrder";
  private static final ShadowKey OLD = new ShadowKey("2026-11", "old secret, thirty-two bytes long".getBytes(StandardCharsets.UTF_8));
  private static final ShadowKey NEW = new ShadowKey("2026-12", "new secret, thirty-two bytes long".getBytes(StandardCharsets.UTF_8));
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static ShadowVerifier verifier() {
    return new ShadowVerifier(List.of(OLD, NEW), at(NOW), Duration.ofSeconds(30), 10_000);
  }

  @Test
  void aSignedMarkerIsValidOnceUnderEveryKeyTheVerifierHas() {
    ShadowVerifier verifier = verifier();
    String marker = new ShadowSigner(NEW, at(NOW)).sign(METHOD);
    assertThat(marker).startsWith("v1;kid=2026-12;ts=" + NOW.getEpochSecond() + ";nonce=");
    assertThat(verifier.verify(METHOD, marker)).isEqualTo(new ShadowVerifier.Verdict(null, "2026-12"));
    assertThat(verifier.verify(METHOD, new ShadowSigner(OLD, at(NOW)).sign(METHOD)).valid()).as("the key being rotated out").isTrue();
    assertThat(verifier.verify(METHOD, marker).rejection()).as("sent again").isEqualTo(Rejection.REPLAYED);
  }

  @Test
  void everyOtherMarkerIsRejectedAndCountedByReason() {
    ShadowVerifier verifier = verifier();
    ShadowSigner signer = new ShadowSigner(NEW, at(NOW));
    assertThat(verifier.verify("shop.v1.OrdersService/DeleteOrder", signer.sign(METHOD)).rejection())
        .as("copied onto another method").isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(verifier.verify(METHOD, new ShadowSigner(NEW, at(NOW.minusSeconds(31))).sign(METHOD)).rejection())
        .isEqualTo(Rejection.STALE);
    assertThat(verifier.verify(METHOD, new ShadowSigner(NEW, at(NOW.plusSeconds(31))).sign(METHOD)).rejection())
        .as("from a clock too far ahead").isEqualTo(Rejection.STALE);
    ShadowKey stranger = new ShadowKey("2025-01", "a key this verifier does not have!".getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(METHOD, new ShadowSigner(stranger, at(NOW)).sign(METHOD)).rejection()).isEqualTo(Rejection.UNKNOWN_KEY);
    assertThat(verifier.verify(METHOD, "v1;kid=2026-12;ts=soon;nonce=n;sig=s").rejection()).isEqualTo(Rejection.MALFORMED);
    assertThat(verifier.verify(METHOD, "shadow").rejection()).isEqualTo(Rejection.MALFORMED);
    String forged = signer.sign(METHOD).replaceAll("sig=.*", "sig=AAAA");
    assertThat(verifier.verify(METHOD, forged).rejection()).isEqualTo(Rejection.BAD_SIGNATURE);

    assertThat(verifier.rejected(Rejection.BAD_SIGNATURE)).isEqualTo(2);
    assertThat(verifier.rejected(Rejection.STALE)).isEqualTo(2);
    assertThat(verifier.rejected(Rejection.MALFORMED)).isEqualTo(2);
    assertThat(verifier.rejected(Rejection.UNKNOWN_KEY)).isEqualTo(1);
    assertThat(verifier.rejected(Rejection.REPLAYED)).isZero();
  }

  @Test
  void weakKeysAndBadIdsFailWithWhatToDo() {
    assertThatThrownBy(() -> new ShadowKey("k1", new byte[16])).hasMessageContaining("use at least 32 random bytes");
    assertThatThrownBy(() -> new ShadowKey("k 1", new byte[32])).hasMessageContaining("letters, digits");
    assertThatThrownBy(() -> new ShadowVerifier(List.of(), at(NOW), Duration.ofSeconds(30), 10)).hasMessageContaining("at least one key");
    assertThat(NEW.toString()).doesNotContain("secret");
  }
}
