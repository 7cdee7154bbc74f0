package io.rest2grpc.transcoding.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTokenKeysTest {
  private static final String SECRET_1 = Base64.getEncoder().encodeToString(secret(1));
  private static final String SECRET_2 = Base64.getEncoder().encodeToString(secret(2));

  static byte[] secret(int seed) {
    byte[] secret = new byte[PageTokenKeys.MIN_SECRET_BYTES];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (seed * 31 + i * 7);
    }
    return secret;
  }

  @Test
  void readsBase64SecretsAndACurrentKeyId() {
    PageTokenKeys keys = PageTokenKeys.fromBase64("k2", Map.of("k1", SECRET_1, "k2", " " + SECRET_2 + "\n"));

    assertThat(keys.currentKeyId()).isEqualTo("k2");
    assertThat(keys.keyIds()).containsExactly("k1", "k2");
    assertThat(keys).hasToString("PageTokenKeys[current=k2, accepted=[k1, k2]]");
  }

  @Test
  void refusesASecretShorterThan32Bytes() {
    assertThatThrownBy(() -> PageTokenKeys.of("k1", Map.of("k1", new byte[16])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page token key 'k1' has 16 bytes; use at least 32 random bytes, e.g. the output of openssl rand -base64 32");
  }

  @Test
  void refusesACurrentKeyIdWithoutASecret() {
    assertThatThrownBy(() -> PageTokenKeys.fromBase64("k3", Map.of("k1", SECRET_1, "k2", SECRET_2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the current page token key 'k3' is not among the keys [k1, k2]; add its secret, or make one of them current");
  }

  @Test
  void refusesAKeyIdThatIsNotShortAndPlain() {
    assertThatThrownBy(() -> PageTokenKeys.fromBase64("key 1", Map.of("key 1", SECRET_1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page token key id 'key 1' is not 1 to 32 letters, digits, '.', '_' or '-'; "
            + "every token carries it, so keep it short (e.g. 2025-06)");
  }

  @Test
  void refusesASecretThatIsNotBase64WithoutQuotingIt() {
    String secret = SECRET_1.substring(0, 20) + "*" + SECRET_1.substring(21);

    assertThatThrownBy(() -> PageTokenKeys.fromBase64("k1", Map.of("k1", secret)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page token key 'k1' is not base64 (standard alphabet, as openssl rand -base64 32 prints it)")
        .hasNoCause();
  }
}
