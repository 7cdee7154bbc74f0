package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorReasonsTest {
  private static final String AIP_193_REASON = "[A-Z][A-Z0-9_]+[A-Z0-9]";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "https://example.com/probs/out-of-credit      | OUT_OF_CREDIT",
      "https://example.com/probs/out-of-credit/     | OUT_OF_CREDIT",
      "https://example.com/errors?lang=en#rate-limited | RATE_LIMITED",
      "https://example.com/errors/quota#            | QUOTA",
      "urn:problem-type:acme:insufficient-funds     | INSUFFICIENT_FUNDS",
      "/problems/order-not-found                    | ORDER_NOT_FOUND",
      "orderNotFound                                | ORDER_NOT_FOUND",
      "OrderNotFoundException                       | ORDER_NOT_FOUND_EXCEPTION",
      "HTTPError                                    | HTTP_ERROR",
      "invalidJSONBody                              | INVALID_JSON_BODY",
      "card_declined                                | CARD_DECLINED",
      "card-declined                                | CARD_DECLINED",
      "invalid.request.body                         | INVALID_REQUEST_BODY",
      "Quota exceeded for project                   | QUOTA_EXCEEDED_FOR_PROJECT",
      "don't panic!                                 | DONT_PANIC",
      "  __already--exists__                        | ALREADY_EXISTS",
      "NOT_FOUND                                    | NOT_FOUND",
      "20404                                        | ERROR_20404",
      "404NotFound                                  | ERROR_404_NOT_FOUND",
      "ok                                           | ERROR_OK",
      "x                                            | ERROR_X",
      "v2Error                                      | V2_ERROR"})
  void normalizesWhatBodiesCallTheirErrors(String value, String reason) {
    assertThat(ErrorReasons.normalize(value, 400)).isEqualTo(reason).matches(AIP_193_REASON);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"about:blank", "ABOUT:BLANK", "  ", "https://example.com/", "https://example.com", "¿¡!?", "#"})
  void nothingUsableGivesTheReasonPhrase(String value) {
    assertThat(ErrorReasons.normalize(value, 412)).isEqualTo("PRECONDITION_FAILED");
    assertThat(ErrorReasons.normalize(value, 418)).isEqualTo("IM_A_TEAPOT");
    assertThat(ErrorReasons.normalize(value, 599)).isEqualTo("SERVER_ERROR");
  }

  @Test
  void longValuesAreCutTo63CharactersWithoutATrailingUnderscore() {
    String value = "the-quick-brown-fox-jumps-over-the-lazy-dog-and-keeps-runningx-far-away"; // character 63 is a separator
    String reason = ErrorReasons.normalize(value, 400);
    assertThat(reason).hasSizeLessThanOrEqualTo(63).matches(AIP_193_REASON)
        .isEqualTo("THE_QUICK_BROWN_FOX_JUMPS_OVER_THE_LAZY_DOG_AND_KEEPS_RUNNINGX");
    assertThat(ErrorReasons.normalize("A".repeat(200), 400)).hasSize(63);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "request_id, requestId",
      "doc_url, docUrl",
      "more_info, moreInfo",
      "X-Request-ID, xRequestId",
      "HTTPStatus, httpStatus",
      "@type, type",
      "status, status",
      "ok, ok"})
  void metadataKeysAreLowerCamelCase(String name, String key) {
    assertThat(ErrorReasons.metadataKey(name)).contains(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "2fa", "", "__", "é"})
  void namesThatMakeNoValidKeyGiveNone(String name) {
    assertThat(ErrorReasons.metadataKey(name)).isEmpty();
  }

  @Test
  void keysLongerThan64CharactersGiveNone() {
    assertThat(ErrorReasons.metadataKey("a".repeat(64))).isPresent();
    assertThat(ErrorReasons.metadataKey("a".repeat(65))).isEmpty();
  }
}
