package io.rest2grpc.transcoding.paging;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets that sign page tokens: the current key, which mints, and older keys still accepted
 * when verifying, each under a short key id that tokens carry. Every party that mints or decodes a
 * service's tokens (generated server, shadow proxy, REST facade) must hold the same set; the
 * transcoding README describes the configuration and the rotation procedure. Immutable; never
 * prints a secret.
 */
public final class PageTokenKeys {
  /** HMAC-SHA256 keys shorter than the hash (32 bytes) weaken it (RFC 2104, section 3). */
  public static final int MIN_SECRET_BYTES = 32;

  static final String MAC_ALGORITHM = "HmacSHA256";
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private final String currentKeyId;
  private final Map<String, SecretKey> keys;

  private PageTokenKeys(String currentKeyId, Map<String, SecretKey> keys) {
    this.currentKeyId = currentKeyId;
    this.keys = keys;
  }

  /**
   * A key set from raw secrets: {@code currentKeyId} mints, every id of {@code secretsByKeyId}
   * (which must include it) verifies. Secrets are at least {@link #MIN_SECRET_BYTES} random bytes.
   */
  public static PageTokenKeys of(String currentKeyId, Map<String, byte[]> secretsByKeyId) {
    Map<String, SecretKey> keys = new TreeMap<>();
    secretsByKeyId.forEach((id, secret) -> keys.put(checkedId(id), checkedKey(id, secret)));
    if (currentKeyId == null || !keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("the current page token key '" + currentKeyId + "' is not among the keys "
          + keys.keySet() + "; add its secret, or make one of them current");
    }
    return new PageTokenKeys(currentKeyId, Collections.unmodifiableMap(keys));
  }

  /**
   * A key set from configuration: the current key id, and each key id with its secret in base64
   * (standard alphabet, e.g. the output of {@code openssl rand -base64 32}; surrounding whitespace
   * is ignored).
   */
  public static PageTokenKeys fromBase64(String currentKeyId, Map<String, String> base64SecretsByKeyId) {
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    base64SecretsByKeyId.forEach((id, base64) -> secrets.put(id, decodeBase64(id, base64)));
    return of(currentKeyId, secrets);
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  /** The ids of every key accepted when verifying, the current one included, in order. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  SecretKey currentKey() {
    return keys.get(currentKeyId);
  }

  Optional<SecretKey> acceptedKey(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public String toString() {
    return "PageTokenKeys[current=" + currentKeyId + ", accepted=" + keys.keySet() + "]";
  }

  static boolean isWellFormedId(String id) {
    return id != null && KEY_ID.matcher(id).matches();
  }

  private static String checkedId(String id) {
    if (!isWellFormedId(id)) {
      throw new IllegalArgumentException("page token key id '" + id
          + "' is not 1 to 32 letters, digits, '.', '_' or '-'; every token carries it, so keep it short (e.g. 2025-06)");
    }
    return id;
  }

  private static SecretKey checkedKey(String id, byte[] secret) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("page token key '" + id + "' has " + (secret == null ? 0 : secret.length)
          + " bytes; use at least " + MIN_SECRET_BYTES + " random bytes, e.g. the output of openssl rand -base64 32");
    }
    return new SecretKeySpec(secret, MAC_ALGORITHM); // copies the secret
  }

  private static byte[] decodeBase64(String id, String base64) {
    try {
      return Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
    } catch (IllegalArgumentException e) {
      // the decoder's message quotes a character of the secret: leave it out
      throw new IllegalArgumentException("page token key '" + id
          + "' is not base64 (standard alphabet, as openssl rand -base64 32 prints it)");
    }
  }
}
