package io.rest2grpc.transcoding.errors;

import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.BadRequest;
import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.RequestInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.Map;
import java.util.Optional;

/**
 * A REST error body as the gRPC → HTTP direction writes it.
 *
 * @param mediaType the Content-Type; empty with an empty body
 * @param json the body as a tree, for JSON layouts
 */
record ErrorBody(String mediaType, ByteString bytes, Optional<Struct> json) {
  private static final JsonPointer PROBLEM_TYPE = JsonPointer.ROOT.child("type");
  private static final JsonPointer PROBLEM_TITLE = JsonPointer.ROOT.child("title");

  /**
   * The body the layout gives a Status, from its message and standard details alone: a text layout
   * writes the message; a JSON layout starts from the constants (a problem layout, before them, from
   * RFC 9457's {@code "type": "about:blank"} and the status phrase as {@code title}, as Spring's
   * ProblemDetail writes them) and writes the message, the reason
   * (as sent, from ErrorInfo.metadata, else ErrorInfo.reason), the HTTP status, the violations, the
   * help URL, the request id and the retry delay at their pointers.
   */
  static ErrorBody render(Status status, int httpStatus, ErrorBodyLayout layout) {
    if (layout.text) {
      ByteString text = ByteString.copyFromUtf8(status.getMessage());
      return new ErrorBody(text.isEmpty() ? "" : layout.mediaType, text, Optional.empty());
    }
    Value body = Value.newBuilder().setStructValue(Struct.getDefaultInstance()).build();
    if (layout.problem) {
      body = put(body, Optional.of(PROBLEM_TYPE), string("about:blank"));
      body = put(body, Optional.of(PROBLEM_TITLE), string(HttpStatusCodes.reasonPhrase(httpStatus)));
    }
    for (Map.Entry<JsonPointer, Value> constant : layout.constants.entrySet()) {
      body = ValuePointers.with(constant.getKey(), body, constant.getValue());
    }
    body = put(body, layout.message, string(status.getMessage()));
    Optional<ErrorInfo> info = StatusDetails.find(status, ErrorInfo.class);
    body = put(body, layout.reason, info.flatMap(i -> string(layout.reasonKey.map(i.getMetadataMap()::get).orElse(i.getReason()))));
    body = put(body, layout.httpStatus, Optional.of(Value.newBuilder().setNumberValue(httpStatus).build()));
    body = put(body, layout.violations, StatusDetails.find(status, BadRequest.class)
        .filter(b -> b.getFieldViolationsCount() > 0)
        .map(b -> violations(b, layout)));
    body = put(body, layout.helpUrl, StatusDetails.find(status, Help.class)
        .filter(h -> h.getLinksCount() > 0)
        .flatMap(h -> string(h.getLinks(0).getUrl())));
    body = put(body, layout.requestId, StatusDetails.find(status, RequestInfo.class).flatMap(r -> string(r.getRequestId())));
    body = put(body, layout.retryDelay, StatusDetails.find(status, RetryInfo.class)
        .map(r -> Value.newBuilder().setNumberValue(r.getRetryDelay().getSeconds() + r.getRetryDelay().getNanos() / 1e9).build()));
    return new ErrorBody(layout.mediaType, JsonBodies.print(body), Optional.of(body.getStructValue()));
  }

  /** This body with the request's path at the layout's instance member, for a body written for a Status alone. */
  ErrorBody withInstance(ErrorBodyLayout layout, String requestPath) {
    if (json.isEmpty() || layout.instance.isEmpty() || requestPath.isEmpty()) {
      return this;
    }
    Value body = ValuePointers.with(layout.instance.get(), Value.newBuilder().setStructValue(json.get()).build(),
        Value.newBuilder().setStringValue(requestPath).build());
    return new ErrorBody(mediaType, JsonBodies.print(body), Optional.of(body.getStructValue()));
  }

  /**
   * Records in {@code origin} what turns this rebuild into the body that was sent: for two JSON
   * objects, the residual members and absent pointers; for anything else that differs, the sent
   * bytes; for an empty body, the absent root {@code ""}; and the sent media type where it is not
   * this one's (always, with an empty body). {@code sentJson} is the sent body as a tree, when a
   * tree holds it exactly.
   */
  void recordDifferences(RestResponse sent, Optional<Value> sentJson, RestErrorOrigin.Builder origin) {
    if (sent.body().isEmpty()) {
      if (!bytes.isEmpty()) {
        origin.addAbsent("");
      }
    } else if (json.isPresent() && sentJson.filter(Value::hasStructValue).isPresent()) {
      Residual residual = Residual.between(sentJson.get().getStructValue(), json.get());
      origin.setResidual(residual.members()).addAllAbsent(residual.absent());
    } else if (!sent.body().equals(bytes)) {
      origin.setRawBody(sent.body());
    }
    if (sent.body().isEmpty() || !sent.mediaType().equals(mediaType)) {
      origin.setMediaType(sent.mediaType());
    }
  }

  /** The body that was sent, from this rebuild and what {@link #recordDifferences} kept: raw bytes win over everything. */
  ErrorBody restoredBy(RestErrorOrigin origin) {
    String type = origin.getMediaType().isEmpty() ? mediaType : origin.getMediaType();
    if (!origin.getRawBody().isEmpty()) {
      return new ErrorBody(type, origin.getRawBody(), Optional.empty());
    }
    if (origin.getAbsentList().contains("")) {
      return new ErrorBody(origin.getMediaType(), ByteString.EMPTY, Optional.empty());
    }
    if (json.isEmpty()) {
      return new ErrorBody(type, bytes, json);
    }
    Struct restored = new Residual(origin.getResidual(), origin.getAbsentList()).applyTo(json.get());
    return new ErrorBody(type, JsonBodies.print(restored), Optional.of(restored));
  }

  private static Value violations(BadRequest badRequest, ErrorBodyLayout layout) {
    ListValue.Builder list = ListValue.newBuilder();
    for (FieldViolation violation : badRequest.getFieldViolationsList()) {
      Value element = Value.newBuilder().setStructValue(Struct.getDefaultInstance()).build();
      element = put(element, layout.violationField, string(violation.getField()));
      element = put(element, layout.violationDescription, string(violation.getDescription()));
      list.addValues(element);
    }
    return Value.newBuilder().setListValue(list).build();
  }

  private static Value put(Value body, Optional<JsonPointer> at, Optional<Value> value) {
    return at.isPresent() && value.isPresent() ? ValuePointers.with(at.get(), body, value.get()) : body;
  }

  /** A string value; nothing for an empty string, which the body then leaves out. */
  private static Optional<Value> string(String text) {
    return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Value.newBuilder().setStringValue(text).build());
  }
}
