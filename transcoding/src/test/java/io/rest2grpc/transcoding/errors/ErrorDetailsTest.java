package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.google.protobuf.Message;
import com.google.protobuf.util.Durations;
import com.google.rpc.BadRequest;
import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP error → Status: which detail carries what (the transcoding README, "Errors"). */
class ErrorDetailsTest {

  static Status toStatus(RestErrorBody layout, String httpMethod, int status, RestHeaders headers, String mediaType, String body) {
    RestMethod method = RestMethod.newBuilder().addErrors(RestError.newBuilder().setBody(layout)).build();
    return ErrorTransform.of(method, "orders.example.com", httpMethod).toStatus(RestResponse.of(status, headers, mediaType, body));
  }

  static Status sampleApp(int status) {
    return toStatus(ErrorBodies.SAMPLE_APP, "POST", status, RestHeaders.NONE, "application/problem+json", ErrorBodies.sampleApp(status));
  }

  static <T extends Message> T detail(Status status, Class<T> type) {
    assertThat(status.getDetailsList().stream().filter(d -> d.is(type))).as(type.getSimpleName()).hasSize(1);
    return StatusDetails.find(status, type).orElseThrow();
  }

  static boolean has(Status status, Class<? extends Message> type) {
    return status.getDetailsList().stream().anyMatch(d -> d.is(type));
  }

  @Nested
  class StatusMessage {
    @Test
    void isTheBodyMemberUnchanged() {
      String detail = "  Order 42: ‘quantity’ must be > 0 —\nsee https://example.com/q?x=1&y=2  ";
      Status status = toStatus(ErrorBodies.SAMPLE_APP, "POST", 422, RestHeaders.NONE, "application/problem+json",
          "{\"detail\": " + quote(detail) + "}");
      assertThat(Trailers.roundTrip(status).getMessage()).isEqualTo(detail);
    }

    @Test
    void isTheReasonPhraseWhenTheBodyHasNone() {
      assertThat(toStatus(ErrorBodies.SLACK, "GET", 404, RestHeaders.NONE, "application/json", ErrorBodies.slack(404)).getMessage())
          .isEqualTo("Not Found");
      assertThat(toStatus(ErrorBodies.PROBLEM, "GET", 502, RestHeaders.NONE, "", "").getMessage()).isEqualTo("Bad Gateway");
    }

    @Test
    void isAPlainTextBody() {
      assertThat(toStatus(ErrorBodies.TEXT, "GET", 500, RestHeaders.NONE, "text/plain;charset=UTF-8", "database is down").getMessage())
          .isEqualTo("database is down");
      assertThat(toStatus(ErrorBodies.TEXT, "GET", 502, RestHeaders.NONE, "text/html", "<h1>Bad gateway</h1>").getMessage())
          .isEqualTo("Bad Gateway");
    }
  }

  @Nested
  class ErrorInfoDetail {
    @Test
    void sampleApp() {
      ErrorInfo info = detail(ErrorDetailsTest.sampleApp(404), ErrorInfo.class);
      assertThat(info.getReason()).isEqualTo("ORDER_NOT_CHANGEABLE");
      assertThat(info.getDomain()).isEqualTo("orders.example.com");
      assertThat(info.getMetadataMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "code", "ORDER_NOT_CHANGEABLE", "type", "about:blank", "title", "Not Found", "status", "404",
          "detail", "Order 42 cannot be changed", "instance", "/orders/42", "requestId", "req-7f3a"));
    }

    @Test
    void envelopeMembersComeFromTheErrorObject() {
      ErrorInfo info = detail(toStatus(ErrorBodies.STRIPE, "POST", 402, RestHeaders.NONE, "application/json", ErrorBodies.stripe(402)), ErrorInfo.class);
      assertThat(info.getReason()).isEqualTo("CARD_DECLINED");
      assertThat(info.getMetadataMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "code", "card_declined", "type", "card_error", "message", "Your card was declined.", "param", "card_number",
          "docUrl", "https://stripe.com/docs/error-codes/card-declined"));
    }

    @Test
    void aNumericReasonGetsAPrefixAndKeepsItsValue() {
      ErrorInfo info = detail(toStatus(ErrorBodies.TWILIO, "GET", 404, RestHeaders.NONE, "application/json", ErrorBodies.twilio(404)), ErrorInfo.class);
      assertThat(info.getReason()).isEqualTo("ERROR_20404");
      assertThat(info.getMetadataMap()).containsEntry("code", "20404").containsEntry("status", "404")
          .containsEntry("moreInfo", "https://www.twilio.com/docs/errors/20404");
    }

    @Test
    void aProblemTypeUriGivesItsLastSegment() {
      ErrorInfo info = detail(toStatus(ErrorBodies.PROBLEM, "POST", 403, RestHeaders.NONE, "application/problem+json", ErrorBodies.problem(403)), ErrorInfo.class);
      assertThat(info.getReason()).isEqualTo("OUT_OF_CREDIT");
      assertThat(info.getMetadataMap()).containsEntry("type", "https://example.com/probs/out-of-credit").containsEntry("balance", "30")
          .doesNotContainKeys("accounts", "errors");
    }

    @Test
    void withoutAReasonItIsTheStatusReasonPhrase() {
      ErrorInfo info = detail(toStatus(ErrorBodies.TEXT, "GET", 503, RestHeaders.NONE, "", ""), ErrorInfo.class);
      assertThat(info.getReason()).isEqualTo("SERVICE_UNAVAILABLE");
      assertThat(info.getMetadataMap()).isEmpty();
    }
  }

  @Test
  void badRequestFromTheViolationsArray() {
    assertThat(detail(sampleApp(422), BadRequest.class).getFieldViolationsList()).containsExactly(
        FieldViolation.newBuilder().setField("quantity").setDescription("must be greater than 0").build(),
        FieldViolation.newBuilder().setField("sku").setDescription("unknown").build());
    assertThat(detail(toStatus(ErrorBodies.PROBLEM, "POST", 400, RestHeaders.NONE, "application/problem+json", ErrorBodies.problem(400)),
        BadRequest.class).getFieldViolationsList()).extracting(FieldViolation::getField).containsExactly("#/age", "#/profile/color");
    assertThat(has(toStatus(ErrorBodies.STRIPE, "POST", 400, RestHeaders.NONE, "application/json", ErrorBodies.stripe(400)), BadRequest.class)).isFalse();
  }

  @Nested
  class Retry {
    private final RestErrorBody withRetryDelay = ErrorBodies.STRIPE.toBuilder().setRetryDelay("/error/retry_after").build();

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', value = {
        "120                           | Wed, 21 Oct 2026 07:28:00 GMT | 120s",
        "Wed, 21 Oct 2026 07:29:30 GMT | Wed, 21 Oct 2026 07:28:00 GMT | 90s",
        "Wed, 21 Oct 2026 07:20:00 GMT | Wed, 21 Oct 2026 07:28:00 GMT | 0s"})
    void fromTheHeaderInBothForms(String retryAfter, String date, String delay) throws Exception {
      Status status = toStatus(ErrorBodies.STRIPE, "GET", 503, RestHeaders.of("Date", date, "Retry-After", retryAfter),
          "application/json", ErrorBodies.stripe(503));
      assertThat(detail(status, RetryInfo.class).getRetryDelay()).isEqualTo(Durations.parse(delay));
    }

    @Test
    void fromTheBodyWhenThereIsNoHeader() throws Exception {
      Status status = toStatus(withRetryDelay, "GET", 429, RestHeaders.NONE, "application/json", """
          {"error": {"message": "slow down", "retry_after": 1.5}}""");
      assertThat(detail(status, RetryInfo.class).getRetryDelay()).isEqualTo(Durations.parse("1.5s"));
    }

    @Test
    void theHeaderWinsOverTheBody() throws Exception {
      Status status = toStatus(withRetryDelay, "GET", 429, RestHeaders.of("Retry-After", "7"), "application/json", """
          {"error": {"message": "slow down", "retry_after": "30"}}""");
      assertThat(detail(status, RetryInfo.class).getRetryDelay()).isEqualTo(Durations.parse("7s"));
    }

    @Test
    void noneWithoutEither() {
      assertThat(has(toStatus(ErrorBodies.STRIPE, "GET", 503, RestHeaders.of("Retry-After", "soon"), "application/json",
          ErrorBodies.stripe(503)), RetryInfo.class)).isFalse();
    }
  }

  @Test
  void helpFromTheDocumentationUrl() {
    Help help = detail(toStatus(ErrorBodies.STRIPE, "POST", 402, RestHeaders.NONE, "application/json", ErrorBodies.stripe(402)), Help.class);
    assertThat(help.getLinksList()).extracting(Help.Link::getUrl).containsExactly("https://stripe.com/docs/error-codes/card-declined");
  }

  @Test
  void requestInfoFromTheRequestId() {
    assertThat(detail(sampleApp(500), RequestInfo.class).getRequestId()).isEqualTo("req-7f3a");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"PUT, 412", "PUT, 428", "POST, 418"})
  void preconditionFailureForFailedPrecondition(String httpMethod, int httpStatus) {
    Status status = toStatus(ErrorBodies.SAMPLE_APP, httpMethod, httpStatus, RestHeaders.NONE, "application/problem+json",
        ErrorBodies.sampleApp(httpStatus));
    assertThat(status.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
    assertThat(detail(status, PreconditionFailure.class).getViolationsList()).containsExactly(PreconditionFailure.Violation.newBuilder()
        .setType("ORDER_NOT_CHANGEABLE").setDescription("Order 42 cannot be changed").build());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"GET, 404, NOT_FOUND", "DELETE, 410, NOT_FOUND", "POST, 409, ALREADY_EXISTS"})
  void resourceInfoForNotFoundAndAlreadyExists(String httpMethod, int httpStatus, Code code) {
    Status status = toStatus(ErrorBodies.SAMPLE_APP, httpMethod, httpStatus, RestHeaders.NONE, "application/problem+json",
        ErrorBodies.sampleApp(httpStatus));
    assertThat(status.getCode()).isEqualTo(code.getNumber());
    assertThat(detail(status, ResourceInfo.class)).isEqualTo(ResourceInfo.newBuilder().setDescription("Order 42 cannot be changed").build());
  }

  @Test
  void aConflictingUpdateIsAbortedWithoutResourceInfo() {
    Status status = toStatus(ErrorBodies.SAMPLE_APP, "PUT", 409, RestHeaders.NONE, "application/problem+json", ErrorBodies.sampleApp(409));
    assertThat(status.getCode()).isEqualTo(Code.ABORTED_VALUE);
    assertThat(has(status, ResourceInfo.class)).isFalse();
  }

  @Test
  void quotaFailureForResourceExhausted() {
    Status status = toStatus(ErrorBodies.SLACK, "POST", 429, RestHeaders.NONE, "application/json", """
        {"ok": false, "error": "ratelimited"}""");
    assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("RATELIMITED");
    assertThat(detail(status, QuotaFailure.class).getViolationsList())
        .containsExactly(QuotaFailure.Violation.newBuilder().setDescription("Too Many Requests").build());
  }

  @Test
  void theOriginKeepsTheErrorHeadersOnly() {
    RestMethod method = RestMethod.newBuilder().addErrors(RestError.newBuilder().setHttpStatus(401)
        .setCode(Code.UNAUTHENTICATED).addHeaders("X-Auth-Hint").setBody(ErrorBodies.SAMPLE_APP)).build();
    RestResponse sent = RestResponse.of(401, RestHeaders.of("Date", "Wed, 21 Oct 2026 07:28:00 GMT", "WWW-Authenticate", "Bearer",
        "x-auth-hint", "use a token", "Server", "legacy/1.0", "WWW-Authenticate", "Basic realm=\"x\""),
        "application/problem+json", ErrorBodies.sampleApp(401));
    RestErrorOrigin origin = ErrorRoundTripTest.origin(ErrorTransform.of(method, "orders.example.com", "GET").toStatus(sent));
    assertThat(origin.getHeadersList()).extracting(h -> h.getName() + ": " + h.getValue())
        .containsExactly("www-authenticate: Bearer", "x-auth-hint: use a token", "www-authenticate: Basic realm=\"x\"");
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    JsonStringEncoder.getInstance().quoteAsString(text, json);
    return json.append('"').toString();
  }
}
