package io.rest2grpc.transcoding.shadow;

import java.util.Arrays;

/**
 * A secret the shadow proxy and the gRPC side share, named by an id so keys can rotate: the
 * signer uses one, the verifier accepts every key it is given.
 */
public record ShadowKey(String id, byte[] secret) {
  /** HMAC-SHA256 keys shorter than its output weaken it (RFC 2104 §3). */
  public static final int MIN_SECRET_BYTES = 32;

  public ShadowKey {
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("shadow key id '" + id + "': use 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("shadow key '" + id + "' has " + (secret == null ? 0 : secret.length)
          + " bytes: use at least " + MIN_SECRET_BYTES + " random bytes (openssl rand -base64 32)");
    }
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShadowKey k && k.id.equals(id) && Arrays.equals(k.secret, secret);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "ShadowKey[" + id + "]";  // never the secret
  }
}
