package io.rest2grpc.transcoding.paging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.StatusRuntimeException;
import io.rest2grpc.paging.v1.PageNumber;
import io.rest2grpc.paging.v1.PageTokenPayload;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Mints and decodes AIP-158 page tokens that carry a legacy REST position. Whoever emits a token
 * mints it (the generated server from a legacy response, the proxy or the facade from a REST
 * request) and every party decodes it with the same {@link PageTokenKeys}. Immutable, thread-safe.
 *
 * <p>A token is {@code base64url_no_padding(version | payload | mac)}: one version byte ({@value
 * #VERSION}), a serialized {@code rest2grpc.paging.v1.PageTokenPayload} (key id, position, filters
 * hash, minting time) and the first {@value #MAC_BYTES} bytes of HMAC-SHA256 over version and
 * payload. 128 bits of tag leave a forger about 2^127 guesses, each a request to the service
 * (RFC 2104 allows truncation to half the hash), and keep tokens 22 characters shorter.
 *
 * <p>A token is opaque to clients by contract, not encrypted: it holds a position the REST client
 * already saw and a hash. It never authorizes anything; the request's own credentials decide what
 * the next page may show.
 */
public final class PageTokens {
  static final int VERSION = 1;
  static final int MAC_BYTES = 16;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final PageTokenKeys keys;
  private final Duration maxAge; // null: tokens do not expire
  private final Clock clock;

  PageTokens(PageTokenKeys keys, Duration maxAge, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** Tokens signed with the key set's current key, that do not expire. */
  public static PageTokens create(PageTokenKeys keys) {
    return new PageTokens(keys, null, Clock.systemUTC());
  }

  /**
   * The same, refusing tokens minted longer ago than {@code maxAge} (to the second). AIP-158 allows
   * expiry; three days is typical. A retired key can be removed once it has not minted for this long.
   */
  public PageTokens withMaxAge(Duration maxAge) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("a page token's maximum age is " + maxAge + "; make it positive, e.g. PT72H");
    }
    return new PageTokens(keys, maxAge, clock);
  }

  /** A token that continues the list at {@code position}, for requests with these filters. */
  public String mint(RestPosition position, FiltersHash filters) {
    Objects.requireNonNull(position, "position");
    PageTokenPayload.Builder payload = PageTokenPayload.newBuilder()
        .setKeyId(keys.currentKeyId())
        .setFiltersHash(filters.bytes())
        .setIssuedAtSeconds(clock.instant().getEpochSecond());
    if (position instanceof RestPosition.Offset offset) {
      payload.setOffset(offset.value());
    } else if (position instanceof RestPosition.Page page) {
      payload.setPage(PageNumber.newBuilder().setNumber(page.number()).setSize(page.size()));
    } else if (position instanceof RestPosition.Cursor cursor) {
      payload.setCursor(cursor.value());
    }
    byte[] payloadBytes = payload.build().toByteArray();
    int macStart = 1 + payloadBytes.length;
    byte[] token = new byte[macStart + MAC_BYTES];
    token[0] = VERSION;
    System.arraycopy(payloadBytes, 0, token, 1, payloadBytes.length);
    System.arraycopy(mac(keys.currentKey(), token, macStart), 0, token, macStart, MAC_BYTES);
    return BASE64URL.encodeToString(token);
  }

  /**
   * The position a request's {@code page_token} continues from; empty when the token is empty (the
   * first page). Throws INVALID_ARGUMENT (a {@link StatusRuntimeException} with {@code ErrorInfo}
   * and {@code BadRequest}) when the token is malformed, of an unknown version, signed with a key
   * the set does not hold, altered, minted for other filters, or older than the maximum age.
   */
  public Optional<RestPosition> decode(String pageToken, FiltersHash filters) {
    if (pageToken.isEmpty()) {
      return Optional.empty();
    }
    byte[] token = base64url(pageToken);
    int version = token[0] & 0xff;
    if (version != VERSION) {
      throw InvalidPageToken.unsupportedVersion(version);
    }
    int macStart = token.length - MAC_BYTES;
    if (macStart < 1) {
      throw InvalidPageToken.malformed();
    }
    // parsed before the MAC is checked only to learn the key id; nothing else is read until it is
    PageTokenPayload payload = payload(token, macStart);
    String keyId = payload.getKeyId();
    if (!PageTokenKeys.isWellFormedId(keyId)) {
      throw InvalidPageToken.malformed();
    }
    SecretKey key = keys.acceptedKey(keyId).orElseThrow(() -> InvalidPageToken.unknownKey(keyId));
    byte[] expectedMac = Arrays.copyOf(mac(key, token, macStart), MAC_BYTES);
    if (!MessageDigest.isEqual(expectedMac, Arrays.copyOfRange(token, macStart, token.length))) {
      throw InvalidPageToken.badSignature();
    }
    if (!payload.getFiltersHash().equals(filters.bytes())) {
      throw InvalidPageToken.filtersMismatch();
    }
    if (maxAge != null
        && Duration.between(Instant.ofEpochSecond(payload.getIssuedAtSeconds()), clock.instant()).compareTo(maxAge) > 0) {
      throw InvalidPageToken.expired(maxAge);
    }
    return Optional.of(position(payload));
  }

  private static byte[] base64url(String pageToken) {
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(pageToken);
    } catch (IllegalArgumentException e) {
      throw InvalidPageToken.malformed();
    }
    // one encoding per token: padding, or stray bits in the last character, do not make a second
    if (token.length == 0 || !BASE64URL.encodeToString(token).equals(pageToken)) {
      throw InvalidPageToken.malformed();
    }
    return token;
  }

  private static PageTokenPayload payload(byte[] token, int macStart) {
    try {
      return PageTokenPayload.parseFrom(Arrays.copyOfRange(token, 1, macStart));
    } catch (InvalidProtocolBufferException e) {
      throw InvalidPageToken.malformed();
    }
  }

  private static RestPosition position(PageTokenPayload payload) {
    return switch (payload.getPositionCase()) {
      case OFFSET -> RestPosition.offset(payload.getOffset());
      case PAGE -> RestPosition.page(payload.getPage().getNumber(), payload.getPage().getSize());
      case CURSOR -> RestPosition.cursor(payload.getCursor());
      case POSITION_NOT_SET -> throw InvalidPageToken.malformed();
    };
  }

  private static byte[] mac(SecretKey key, byte[] input, int length) {
    try {
      Mac mac = Mac.getInstance(PageTokenKeys.MAC_ALGORITHM);
      mac.init(key);
      mac.update(input, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime provides " + PageTokenKeys.MAC_ALGORITHM, e);
    }
  }
}
