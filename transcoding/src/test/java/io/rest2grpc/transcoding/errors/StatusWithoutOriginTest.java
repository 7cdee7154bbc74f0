package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Value;
import com.google.protobuf.util.Durations;
import com.google.rpc.BadRequest;
import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.RequestInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Status as a native gRPC implementation returns it after the migration (no RestErrorOrigin) → HTTP. */
class StatusWithoutOriginTest {

  static RestError documented(int status, Code code, RestErrorBody body) {
    return RestError.newBuilder().setHttpStatus(status).setCode(code).setBody(body).build();
  }

  static ErrorTransform transform(RestError... errors) {
    return ErrorTransform.of(RestMethod.newBuilder().addAllErrors(List.of(errors)).build(), "orders.example.com", "PUT");
  }

  static Status status(Code code, String message, Message... details) {
    Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    for (Message detail : details) {
      status.addDetails(Any.pack(detail));
    }
    return Trailers.roundTrip(status.build());
  }

  static void assertBody(RestResponse response, String expectedJson) {
    Comparison comparison = RestJsonEquivalence.compare(expectedJson, response.body().toStringUtf8());
    assertThat(comparison.equal()).as(comparison.describe() + "\nactual: " + response.body().toStringUtf8()).isTrue();
  }

  @Test
  void theBodyIsWrittenAtTheDocumentedPointers() {
    ErrorTransform transform = transform(documented(404, Code.NOT_FOUND, ErrorBodies.SAMPLE_APP), documented(422, Code.INVALID_ARGUMENT, ErrorBodies.SAMPLE_APP));
    RestResponse response = transform.toHttp(status(Code.INVALID_ARGUMENT, "Order 42 has invalid lines",
        ErrorInfo.newBuilder().setReason("ORDER_INVALID").setDomain("orders.example.com").build(),
        BadRequest.newBuilder().addFieldViolations(FieldViolation.newBuilder().setField("lines[0].quantity").setDescription("must be positive")).build(),
        RequestInfo.newBuilder().setRequestId("r-1").build()));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
    assertThat(response.headers()).isEqualTo(RestHeaders.NONE);
    assertBody(response, """
        {"type": "about:blank", "title": "Unprocessable Content", "detail": "Order 42 has invalid lines", "code": "ORDER_INVALID", "status": 422, "request_id": "r-1",
         "errors": [{"field": "lines[0].quantity", "message": "must be positive"}]}""");
  }

  @Test
  void aBodyWrittenForAStatusAloneNamesTheRequestPathAsItsInstance() {
    ErrorTransform transform = transform(documented(404, Code.NOT_FOUND, ErrorBodies.SAMPLE_APP.toBuilder().setInstance("/instance").build()));
    Status notFound = status(Code.NOT_FOUND, "No order 42", ErrorInfo.newBuilder().setReason("ORDER_NOT_FOUND").setDomain("orders.example.com").build());

    assertBody(transform.toHttp(notFound, "/v1/orders/42"), """
        {"type": "about:blank", "title": "Not Found", "detail": "No order 42", "code": "ORDER_NOT_FOUND", "status": 404,
         "instance": "/v1/orders/42"}""");
    assertBody(transform.toHttp(notFound), """
        {"type": "about:blank", "title": "Not Found", "detail": "No order 42", "code": "ORDER_NOT_FOUND", "status": 404}""");
  }

  @Test
  void aBodyTheRestSideWroteKeepsItsOwnInstanceOrNone() {
    ErrorTransform transform = transform(documented(404, Code.NOT_FOUND, ErrorBodies.SAMPLE_APP.toBuilder().setInstance("/instance").build()));
    RestResponse sent = new RestResponse(404, RestHeaders.NONE, "application/problem+json",
        ByteString.copyFromUtf8("{\"detail\":\"No order 42\",\"code\":\"ORDER_NOT_FOUND\",\"status\":404}"));

    assertThat(transform.toHttp(transform.toStatus(sent), "/v1/orders/42").body()).isEqualTo(sent.body());
  }

  @Test
  void theReasonAsSentComesFromTheMetadata() {
    RestResponse response = transform(documented(402, Code.FAILED_PRECONDITION, ErrorBodies.STRIPE)).toHttp(status(Code.FAILED_PRECONDITION, "Declined",
        ErrorInfo.newBuilder().setReason("CARD_DECLINED").setDomain("pay.example.com").putMetadata("code", "card_declined").build(),
        Help.newBuilder().addLinks(Help.Link.newBuilder().setUrl("https://example.com/declined")).build()));
    assertThat(response.status()).isEqualTo(402);
    assertBody(response, """
        {"error": {"message": "Declined", "code": "card_declined", "doc_url": "https://example.com/declined"}}""");
  }

  @Test
  void constantsAndNestedPointersCreateTheirParents() {
    RestErrorBody layout = RestErrorBody.newBuilder().setMessage("/error/detail/text").setReason("/errors/0/reason")
        .putConstants("/ok", Value.newBuilder().setBoolValue(false).build()).build();
    RestResponse response = transform(documented(404, Code.NOT_FOUND, layout)).toHttp(status(Code.NOT_FOUND, "gone",
        ErrorInfo.newBuilder().setReason("ORDER_NOT_FOUND").setDomain("orders.example.com").build()));
    assertBody(response, """
        {"ok": false, "error": {"detail": {"text": "gone"}}, "errors": [{"reason": "ORDER_NOT_FOUND"}]}""");
  }

  @ParameterizedTest(name = "{0} documented as {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // one documented status with the code: that one
      "FAILED_PRECONDITION | 412                 | 412",
      "INVALID_ARGUMENT    | 422                 | 422",
      // several: the table's if it is among them, else the lowest
      "INVALID_ARGUMENT    | 400 422             | 400",
      "FAILED_PRECONDITION | 428 412             | 412",
      "ABORTED             | 409                 | 409",
      // none: the table's
      "FAILED_PRECONDITION | 404                 | 400",
      "UNAVAILABLE         | 400                 | 503",
      "DATA_LOSS           | ''                  | 500"})
  void theStatusIsTheDocumentedOneForTheCode(Code code, String documentedStatuses, int expected) {
    RestMethod.Builder method = RestMethod.newBuilder();
    for (String status : documentedStatuses.split(" ")) {
      if (!status.isEmpty()) {
        int http = Integer.parseInt(status);
        method.addErrors(RestError.newBuilder().setHttpStatus(http).setBody(ErrorBodies.SAMPLE_APP)); // code from the table
      }
    }
    ErrorTransform transform = ErrorTransform.of(method.build(), "orders.example.com", "PUT");
    assertThat(transform.toHttp(status(code, "x")).status()).isEqualTo(expected);
  }

  @Test
  void aDocumentedCodeOverridesTheTable() {
    ErrorTransform transform = transform(documented(400, Code.OUT_OF_RANGE, ErrorBodies.SAMPLE_APP), documented(416, Code.OUT_OF_RANGE, ErrorBodies.SAMPLE_APP));
    assertThat(transform.toHttp(status(Code.OUT_OF_RANGE, "page 9 of 3")).status()).isEqualTo(400);
    assertThat(transform(documented(416, Code.OUT_OF_RANGE, ErrorBodies.SAMPLE_APP)).toHttp(status(Code.OUT_OF_RANGE, "x")).status()).isEqualTo(416);
  }

  @Test
  void anUndocumentedErrorIsTheMessageAsTextWithRetryAfterRoundedUp() throws Exception {
    RestResponse response = transform().toHttp(status(Code.UNAVAILABLE, "try again later",
        RetryInfo.newBuilder().setRetryDelay(Durations.parse("1.2s")).build()));
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers()).isEqualTo(RestHeaders.of("retry-after", "2"));
    assertThat(response.mediaType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.body().toStringUtf8()).isEqualTo("try again later");
  }

  @Test
  void anEmptyMessageOnATextMethodIsAnEmptyBody() {
    RestResponse response = transform().toHttp(status(Code.NOT_FOUND, ""));
    assertThat(response.mediaType()).isEmpty();
    assertThat(response.body().isEmpty()).isTrue();
  }
}
