package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Value;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.RestErrorBody;
import java.util.List;
import java.util.function.IntFunction;

/** Error bodies as real REST services send them, each with the layout the converter would record for it. */
final class ErrorBodies {
  private ErrorBodies() {}

  /** One kind of error body: how the method documents it, and what a response with a given status carries. */
  record Sample(String name, RestErrorBody layout, String mediaType, IntFunction<String> body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final RestErrorBody PROBLEM = RestErrorBody.newBuilder()
      .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_PROBLEM).setMediaType("application/problem+json")
      .setMessage("/detail").setReason("/type").setHttpStatus("/status")
      .setFieldViolations("/errors").setViolationField("pointer").setViolationDescription("detail")
      .build();

  /** The sample app's RFC 7807 body: {@code code} and {@code request_id} always set, {@code errors[]} for validation. */
  static final RestErrorBody SAMPLE_APP = RestErrorBody.newBuilder()
      .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_PROBLEM).setMediaType("application/problem+json")
      .setMessage("/detail").setReason("/code").setHttpStatus("/status").setRequestId("/request_id")
      .setFieldViolations("/errors").setViolationField("field").setViolationDescription("message")
      .build();

  static final RestErrorBody STRIPE = RestErrorBody.newBuilder()
      .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE)
      .setMessage("/error/message").setReason("/error/code").setHelpUrl("/error/doc_url")
      .build();

  static final RestErrorBody AIP_193 = RestErrorBody.newBuilder()
      .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE)
      .setMessage("/error/message").setReason("/error/status").setHttpStatus("/error/code")
      .build();

  static final RestErrorBody SLACK = RestErrorBody.newBuilder()
      .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE)
      .setReason("/error")
      .putConstants("/ok", Value.newBuilder().setBoolValue(false).build())
      .build();

  static final RestErrorBody TWILIO = RestErrorBody.newBuilder()
      .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE)
      .setMessage("/message").setReason("/code").setHelpUrl("/more_info").setHttpStatus("/status")
      .build();

  static final RestErrorBody TEXT = RestErrorBody.newBuilder().setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_NONE).build();

  static String problem(int status) {
    return """
        {"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.",
         "status": %d, "detail": "Your current balance is 30, but that costs 50.",
         "instance": "/account/12345/msgs/abc", "balance": 30, "accounts": ["/account/12345", "/account/67890"],
         "errors": [{"detail": "must be a positive integer", "pointer": "#/age"},
                    {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}]}""".formatted(status);
  }

  static String sampleApp(int status) {
    return """
        {"type": "about:blank", "title": "%s", "status": %d, "detail": "Order 42 cannot be changed",
         "instance": "/orders/42", "code": "ORDER_NOT_CHANGEABLE", "request_id": "req-7f3a",
         "errors": [{"field": "quantity", "message": "must be greater than 0"}, {"field": "sku", "message": "unknown"}]}"""
        .formatted(HttpStatusCodes.reasonPhrase(status), status);
  }

  static String stripe(int status) {
    return """
        {"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined.",
         "param": "card_number", "doc_url": "https://stripe.com/docs/error-codes/card-declined"}}""";
  }

  static String aip193(int status) {
    return """
        {"error": {"code": %d, "message": "Book 7 is not available.", "status": "NOT_FOUND",
         "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "BOOK_UNAVAILABLE",
                      "domain": "library.example.com", "metadata": {"book": "7"}}]}}""".formatted(status);
  }

  static String slack(int status) {
    return """
        {"ok": false, "error": "channel_not_found", "warning": null}""";
  }

  static String twilio(int status) {
    return """
        {"code": 20404, "message": "The requested resource /2010-04-01/Accounts/AC1/Calls/CA1.json was not found",
         "more_info": "https://www.twilio.com/docs/errors/20404", "status": %d}""".formatted(status);
  }

  static final List<Sample> SAMPLES = List.of(
      new Sample("RFC 7807 problem", PROBLEM, "application/problem+json", ErrorBodies::problem),
      new Sample("sample app problem", SAMPLE_APP, "application/problem+json", ErrorBodies::sampleApp),
      new Sample("Stripe-like envelope", STRIPE, "application/json", ErrorBodies::stripe),
      new Sample("AIP-193", AIP_193, "application/json", ErrorBodies::aip193),
      new Sample("Slack-like", SLACK, "application/json; charset=utf-8", ErrorBodies::slack),
      new Sample("Twilio-like", TWILIO, "application/json", ErrorBodies::twilio),
      new Sample("text/plain", TEXT, "text/plain", status -> "Order 42 cannot be changed\n"),
      new Sample("HTML", TEXT, "text/html", status -> "<html><body><h1>" + status + " " + HttpStatusCodes.reasonPhrase(status) + "</h1></body></html>"),
      new Sample("empty body", PROBLEM, "", status -> ""),
      new Sample("JSON array", SAMPLE_APP, "application/json", status -> """
          [{"field": "quantity", "message": "must be greater than 0"}]"""),
      new Sample("invalid JSON", STRIPE, "application/json", status -> """
          {"error": {"message": "cut off"""),
      new Sample("number beyond double precision", STRIPE, "application/json", status -> """
          {"error": {"message": "no charge 9007199254740993", "charge": 9007199254740993}}"""),
      new Sample("JSON on a text method", TEXT, "application/json", ErrorBodies::stripe),
      new Sample("problem with nulls and unmapped nesting", SAMPLE_APP, "application/problem+json", status -> """
          {"status": "%d", "detail": null, "code": "", "errors": [], "context": {"order": {"id": 42, "lines": [1, 2]}}}"""
          .formatted(status)));
}
