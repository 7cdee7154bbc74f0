package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Value;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A documented {@link RestErrorBody} with its pointers parsed: where each part of a Status sits in
 * the REST error body. Style NONE (and an error documented without a body) is a text body.
 */
final class ErrorBodyLayout {
  static final ErrorBodyLayout TEXT = new ErrorBodyLayout(RestErrorBody.newBuilder().setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_NONE).build(), "");

  final boolean text;
  /** RFC 9457 problem details: a body written from a Status starts with {@code type} and {@code title}. */
  final boolean problem;
  final String mediaType;
  final Optional<JsonPointer> message;
  final Optional<JsonPointer> reason;
  final Optional<JsonPointer> httpStatus;
  final Optional<JsonPointer> violations;
  final Optional<JsonPointer> violationField;
  final Optional<JsonPointer> violationDescription;
  final Optional<JsonPointer> helpUrl;
  final Optional<JsonPointer> requestId;
  final Optional<JsonPointer> retryDelay;
  final Optional<JsonPointer> instance;
  final Map<JsonPointer, Value> constants = new LinkedHashMap<>();
  /** The object whose scalar members go into ErrorInfo.metadata: the message's parent, else the reason's, else the body. */
  final JsonPointer errorObject;
  /** The ErrorInfo.metadata key of the reason as sent: the reason pointer's last token, in lowerCamelCase. */
  final Optional<String> reasonKey;

  /** {@code where} names the options the body comes from, for messages about bad pointers. */
  ErrorBodyLayout(RestErrorBody body, String where) {
    text = body.getStyle() == ErrorBodyStyle.ERROR_BODY_STYLE_NONE;
    problem = body.getStyle() == ErrorBodyStyle.ERROR_BODY_STYLE_PROBLEM;
    message = pointer(body.getMessage(), where, "message");
    reason = pointer(body.getReason(), where, "reason");
    httpStatus = pointer(body.getHttpStatus(), where, "http_status");
    violations = pointer(body.getFieldViolations(), where, "field_violations");
    violationField = member(body.getViolationField(), where, "violation_field");
    violationDescription = member(body.getViolationDescription(), where, "violation_description");
    helpUrl = pointer(body.getHelpUrl(), where, "help_url");
    requestId = pointer(body.getRequestId(), where, "request_id");
    retryDelay = pointer(body.getRetryDelay(), where, "retry_delay");
    instance = pointer(body.getInstance(), where, "instance");
    body.getConstantsMap().forEach((at, value) -> constants.put(parse(at, where, "constants"), value));
    mediaType = !body.getMediaType().isEmpty() ? body.getMediaType() : text ? "text/plain; charset=utf-8" : "application/json";
    errorObject = message.or(() -> reason).map(JsonPointer::parent).orElse(JsonPointer.ROOT);
    reasonKey = reason.flatMap(p -> ErrorReasons.metadataKey(p.lastToken()));
  }

  private static Optional<JsonPointer> pointer(String text, String where, String field) {
    return text.isEmpty() ? Optional.empty() : Optional.of(parse(text, where, field));
  }

  /** A member name of a violation ("field"), or a pointer into it ("/location/field"). */
  private static Optional<JsonPointer> member(String text, String where, String field) {
    return text.isEmpty() ? Optional.empty()
        : Optional.of(text.startsWith("/") ? parse(text, where, field) : JsonPointer.ROOT.child(text));
  }

  private static JsonPointer parse(String text, String where, String field) {
    try {
      JsonPointer pointer = JsonPointer.parse(text);
      if (pointer.isRoot()) {
        throw new IllegalArgumentException("the root pointer \"\" names the whole body, not a member");
      }
      return pointer;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("RestErrorBody." + field + " of " + where + ": " + e.getMessage()
          + "; fix the spec's error response or the options and re-run convert", e);
    }
  }
}
