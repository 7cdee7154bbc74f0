package io.rest2grpc.transcoding.engine;

import com.google.rpc.Code;
import io.rest2grpc.transcoding.errors.ErrorReasons;

/**
 * A request the engine answers itself instead of calling the RPC, with the HTTP status it answers
 * and the gRPC code of the Status it writes the body from. Each has a reason, the
 * {@code ErrorInfo.reason} its body carries where the method's error format has a code member
 * ({@link HttpTranscoder.Builder#refusalReasons}).
 */
public enum Refusal {
  /** No route has the path. */
  NO_ROUTE(404, Code.NOT_FOUND),
  /** Routes have the path, none the method; the response carries {@code Allow}. */
  METHOD_NOT_ALLOWED(405, Code.UNIMPLEMENTED),
  /** {@code Accept} admits none of the media types the operation answers in. */
  NOT_ACCEPTABLE(406, Code.INVALID_ARGUMENT),
  /** The body's media type is none the operation takes. */
  UNSUPPORTED_MEDIA_TYPE(415, Code.INVALID_ARGUMENT),
  /** A path, query, header or cookie value that is no value of its field, or a parameter the policy refuses. */
  INVALID_PARAMETER(400, Code.INVALID_ARGUMENT),
  /**
   * A value of its field's type outside the bounds the API documents (a page length below its
   * minimum or above its maximum): what a legacy API's validation refuses, which APIs often
   * answer with another reason than a value that does not parse.
   */
  PARAMETER_OUT_OF_RANGE(400, Code.INVALID_ARGUMENT),
  /** A body that does not read as the operation's request: malformed, a value of the wrong type, an unknown enum value. */
  UNREADABLE_BODY(400, Code.INVALID_ARGUMENT),
  /** The RPC's options are ones the engine cannot follow ({@link HttpTranscoder#unsupported()}). */
  NOT_IMPLEMENTED(501, Code.UNIMPLEMENTED);

  private final int httpStatus;
  private final Code code;

  Refusal(int httpStatus, Code code) {
    this.httpStatus = httpStatus;
    this.code = code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Code code() {
    return code;
  }

  /** The status's name, as Spring's own problem handlers give it: {@code NOT_FOUND}, {@code BAD_REQUEST}. */
  public String defaultReason() {
    return ErrorReasons.normalize(null, httpStatus);
  }
}
