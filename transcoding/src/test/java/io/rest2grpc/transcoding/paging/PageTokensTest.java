package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PageTokenKeysTest.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.paging.v1.PageTokenPayload;
import io.rest2grpc.test.v1.ListBooksRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PageTokensTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ListBooksRequest REQUEST = ListBooksRequest.newBuilder().setParent("shelves/1").setFilter("year > 2000").build();
  private static final FiltersHash FILTERS = RequestFilters.hash(REQUEST);
  private static final PageTokenKeys K1 = PageTokenKeys.of("k1", Map.of("k1", secret(1)));
  private static final List<RestPosition> POSITIONS = List.of(
      RestPosition.offset(40), RestPosition.page(3, 25), RestPosition.cursor("eyJpZCI6NDJ9-ü"));

  private static PageTokens tokens(PageTokenKeys keys) {
    return new PageTokens(keys, null, CLOCK);
  }

  @Test
  void decodesThePositionItMintedForEachKind() {
    PageTokens tokens = tokens(K1);
    for (RestPosition position : POSITIONS) {
      String token = tokens.mint(position, FILTERS);

      assertThat(token).matches("[A-Za-z0-9_-]+");
      assertThat(tokens.decode(token, FILTERS)).contains(position);
    }
  }

  @Test
  void decodesTheFirstPageFromAnEmptyToken() {
    assertThat(tokens(K1).decode("", FILTERS)).isEmpty();
  }

  @Test
  void decodesATokenBuiltByTheDocumentedFormat() throws Exception {
    PageTokenPayload payload = PageTokenPayload.newBuilder()
        .setKeyId("k1").setOffset(40).setFiltersHash(FILTERS.bytes()).setIssuedAtSeconds(NOW.getEpochSecond()).build();

    String token = sign(1, payload.toByteArray(), secret(1));

    assertThat(tokens(K1).decode(token, FILTERS)).contains(RestPosition.offset(40));
    assertThat(tokens(K1).mint(RestPosition.offset(40), FILTERS)).isEqualTo(token);
  }

  @Test
  void rejectsEverySingleBitFlipOfTheTokenBytes() {
    PageTokens tokens = tokens(K1);
    for (RestPosition position : POSITIONS) {
      byte[] token = Base64.getUrlDecoder().decode(tokens.mint(position, FILTERS));
      for (int bit = 0; bit < token.length * 8; bit++) {
        byte[] flipped = token.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));

        assertInvalid(tokens, encode(flipped), position + ", bit " + bit);
      }
    }
  }

  @Test
  void rejectsEverySingleBitFlipOfTheTokenText() {
    PageTokens tokens = tokens(K1);
    for (RestPosition position : POSITIONS) {
      char[] token = tokens.mint(position, FILTERS).toCharArray();
      for (int bit = 0; bit < token.length * 8; bit++) {
        char[] flipped = token.clone();
        flipped[bit / 8] ^= (char) (1 << (bit % 8));

        assertInvalid(tokens, new String(flipped), position + ", character bit " + bit);
      }
    }
  }

  @Test
  void rejectsEveryTruncationAndExtension() {
    PageTokens tokens = tokens(K1);
    for (RestPosition position : POSITIONS) {
      String token = tokens.mint(position, FILTERS);
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      for (int length = 1; length < token.length(); length++) {
        assertInvalid(tokens, token.substring(0, length), position + ", first " + length + " characters");
      }
      for (int length = 1; length < bytes.length; length++) {
        assertInvalid(tokens, encode(Arrays.copyOf(bytes, length)), position + ", first " + length + " bytes");
      }
      for (String suffix : List.of("A", "AA", "AAA", "AAAA", "=", "==", "_-_-")) {
        assertInvalid(tokens, token + suffix, position + " + '" + suffix + "'");
      }
      for (int extra = 1; extra <= 4; extra++) {
        assertInvalid(tokens, encode(Arrays.copyOf(bytes, bytes.length + extra)), position + " + " + extra + " zero bytes");
      }
    }
  }

  @Test
  void rejectsAReplayWithOtherFilters() throws Exception {
    PageTokens tokens = tokens(K1);
    String token = tokens.mint(RestPosition.offset(40), FILTERS);
    FiltersHash otherFilters = RequestFilters.hash(REQUEST.toBuilder().setFilter("year > 1900").build());

    StatusRuntimeException e = assertInvalid(tokens, token, otherFilters);

    assertThat(e.getStatus().getDescription()).isEqualTo("page_token was issued for a request with other arguments: "
        + "repeat the first page's request with only page_token and page_size changed, "
        + "or omit page_token to start again from the first page");
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    assertThat(details.getDetailsList()).hasSize(2);
    assertThat(errorInfo(e)).isEqualTo(ErrorInfo.newBuilder()
        .setReason("PAGE_TOKEN_FILTERS_MISMATCH").setDomain("rest2grpc.io").build());
    assertThat(details.getDetails(1).unpack(BadRequest.class).getFieldViolationsList())
        .singleElement()
        .satisfies(violation -> {
          assertThat(violation.getField()).isEqualTo("page_token");
          assertThat(violation.getReason()).isEqualTo("PAGE_TOKEN_FILTERS_MISMATCH");
          assertThat(violation.getDescription()).isEqualTo(e.getStatus().getDescription());
        });
  }

  @Test
  void acceptsARetiredKeyWhileItIsListedAndRejectsItOnceRemoved() {
    String mintedWithK1 = tokens(K1).mint(RestPosition.cursor("c-17"), FILTERS);
    PageTokens rotated = tokens(PageTokenKeys.of("k2", Map.of("k1", secret(1), "k2", secret(2))));
    PageTokens k1Removed = tokens(PageTokenKeys.of("k2", Map.of("k2", secret(2))));

    assertThat(rotated.decode(mintedWithK1, FILTERS)).contains(RestPosition.cursor("c-17"));
    String mintedWithK2 = rotated.mint(RestPosition.cursor("c-18"), FILTERS);
    assertThat(k1Removed.decode(mintedWithK2, FILTERS)).contains(RestPosition.cursor("c-18"));
    StatusRuntimeException e = assertInvalid(k1Removed, mintedWithK1, FILTERS);
    assertThat(errorInfo(e).getReason()).isEqualTo("PAGE_TOKEN_KEY_UNKNOWN");
    assertThat(errorInfo(e).getMetadataMap()).isEqualTo(Map.of("keyId", "k1"));
    assertThat(e.getStatus().getDescription()).isEqualTo("page_token is signed with key 'k1', which this server does not "
        + "accept (retired, or not yet deployed here): omit page_token to start again from the first page");
  }

  @Test
  void rejectsATokenSignedWithAnotherSecretUnderTheSameKeyId() {
    String forged = tokens(PageTokenKeys.of("k1", Map.of("k1", secret(9)))).mint(RestPosition.offset(0), FILTERS);

    StatusRuntimeException e = assertInvalid(tokens(K1), forged, FILTERS);

    assertThat(errorInfo(e).getReason()).isEqualTo("PAGE_TOKEN_SIGNATURE_INVALID");
    assertThat(e.getStatus().getDescription()).isEqualTo("page_token was altered, or not issued by this service: "
        + "send next_page_token exactly as received, or omit page_token to start again from the first page");
  }

  @Test
  void rejectsAnUnknownVersionEvenWhenSigned() throws Exception {
    byte[] payload = Base64.getUrlDecoder().decode(tokens(K1).mint(RestPosition.offset(40), FILTERS));
    String version2 = sign(2, Arrays.copyOfRange(payload, 1, payload.length - PageTokens.MAC_BYTES), secret(1));

    StatusRuntimeException e = assertInvalid(tokens(K1), version2, FILTERS);

    assertThat(errorInfo(e).getReason()).isEqualTo("PAGE_TOKEN_VERSION_UNSUPPORTED");
    assertThat(errorInfo(e).getMetadataMap()).isEqualTo(Map.of("version", "2", "supportedVersion", "1"));
  }

  @Test
  void rejectsASignedTokenWithoutAPosition() throws Exception {
    PageTokenPayload payload = PageTokenPayload.newBuilder().setKeyId("k1").setFiltersHash(FILTERS.bytes()).build();

    StatusRuntimeException e = assertInvalid(tokens(K1), sign(1, payload.toByteArray(), secret(1)), FILTERS);

    assertThat(errorInfo(e).getReason()).isEqualTo("PAGE_TOKEN_MALFORMED");
  }

  @Test
  void rejectsATokenOlderThanTheMaximumAge() {
    String token = tokens(K1).withMaxAge(Duration.ofDays(3)).mint(RestPosition.offset(40), FILTERS);
    PageTokens threeDaysLater = new PageTokens(K1, Duration.ofDays(3), Clock.offset(CLOCK, Duration.ofDays(3)));
    PageTokens oneSecondMore = new PageTokens(K1, Duration.ofDays(3), Clock.offset(CLOCK, Duration.ofDays(3).plusSeconds(1)));

    assertThat(threeDaysLater.decode(token, FILTERS)).contains(RestPosition.offset(40));
    assertThat(PageTokens.create(K1).decode(token, FILTERS)).contains(RestPosition.offset(40));
    StatusRuntimeException e = assertInvalid(oneSecondMore, token, FILTERS);
    assertThat(errorInfo(e).getReason()).isEqualTo("PAGE_TOKEN_EXPIRED");
    assertThat(e.getStatus().getDescription())
        .isEqualTo("page_token is older than PT72H: omit page_token to start again from the first page");
  }

  @Test
  void rejectsTextThatIsNotAToken() {
    for (String text : List.of("not a token", "%%%", "AAAA", "next", "AQ")) {
      StatusRuntimeException e = assertInvalid(tokens(K1), text, FILTERS);

      assertThat(errorInfo(e).getReason()).as(text).isIn("PAGE_TOKEN_MALFORMED", "PAGE_TOKEN_VERSION_UNSUPPORTED");
    }
  }

  private static void assertInvalid(PageTokens tokens, String token, String what) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> tokens.decode(token, FILTERS));
    assertThat(e).as(what + " should be rejected").isNotNull();
    assertThat(e.getStatus().getCode()).as(what).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  private static StatusRuntimeException assertInvalid(PageTokens tokens, String token, FiltersHash filters) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> tokens.decode(token, filters));
    assertThat(e).as(token + " should be rejected").isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).doesNotContain(Base64.getEncoder().encodeToString(secret(1)));
    return e;
  }

  private static ErrorInfo errorInfo(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(ErrorInfo.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException x) {
      throw new AssertionError(x);
    }
  }

  /** A token as the format documents it: base64url(version | payload | first 16 bytes of HMAC-SHA256). */
  private static String sign(int version, byte[] payload, byte[] secret) throws Exception {
    ByteString signed = ByteString.copyFrom(new byte[] {(byte) version}).concat(ByteString.copyFrom(payload));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] tag = Arrays.copyOf(mac.doFinal(signed.toByteArray()), 16);
    return encode(signed.concat(ByteString.copyFrom(tag)).toByteArray());
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
