package io.rest2grpc.transcoding.paging;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;

/**
 * The INVALID_ARGUMENT errors of a page token, as AIP-193 wants them: an actionable message, one
 * {@code ErrorInfo} (domain {@value #DOMAIN}, a reason per cause, every dynamic part of the message
 * in its metadata) and a {@code BadRequest} naming {@code page_token}. None of them says anything
 * about the keys beyond the key id, which every token shows anyway.
 */
final class InvalidPageToken {
  static final String DOMAIN = "rest2grpc.io";
  private static final String START_OVER = "omit page_token to start again from the first page";
  private static final String RESEND = "send next_page_token exactly as received, or " + START_OVER;

  private InvalidPageToken() {}

  static StatusRuntimeException malformed() {
    return error("PAGE_TOKEN_MALFORMED", "page_token is not a page token (not base64url, cut short or damaged): " + RESEND,
        Map.of());
  }

  static StatusRuntimeException unsupportedVersion(int version) {
    return error("PAGE_TOKEN_VERSION_UNSUPPORTED", "page_token has format version " + version
        + ", which this server does not read (it reads " + PageTokens.VERSION + "): " + START_OVER,
        Map.of("version", Integer.toString(version), "supportedVersion", Integer.toString(PageTokens.VERSION)));
  }

  static StatusRuntimeException unknownKey(String keyId) {
    return error("PAGE_TOKEN_KEY_UNKNOWN", "page_token is signed with key '" + keyId
        + "', which this server does not accept (retired, or not yet deployed here): " + START_OVER,
        Map.of("keyId", keyId));
  }

  static StatusRuntimeException badSignature() {
    return error("PAGE_TOKEN_SIGNATURE_INVALID", "page_token was altered, or not issued by this service: " + RESEND,
        Map.of());
  }

  static StatusRuntimeException filtersMismatch() {
    return error("PAGE_TOKEN_FILTERS_MISMATCH", "page_token was issued for a request with other arguments: "
        + "repeat the first page's request with only page_token and page_size changed, or " + START_OVER, Map.of());
  }

  static StatusRuntimeException expired(Duration maxAge) {
    return error("PAGE_TOKEN_EXPIRED", "page_token is older than " + maxAge + ": " + START_OVER,
        Map.of("maxAge", maxAge.toString()));
  }

  private static StatusRuntimeException error(String reason, String message, Map<String, String> metadata) {
    return invalidArgument("page_token", reason, message, metadata);
  }

  /** INVALID_ARGUMENT with the same details for another paging field or REST parameter. */
  static StatusRuntimeException invalidArgument(String field, String reason, String message, Map<String, String> metadata) {
    BadRequest badRequest = BadRequest.newBuilder()
        .addFieldViolations(BadRequest.FieldViolation.newBuilder()
            .setField(field).setDescription(message).setReason(reason))
        .build();
    ErrorInfo info = ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN).putAllMetadata(metadata).build();
    return StatusProto.toStatusRuntimeException(Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage(message)
        .addDetails(Any.pack(info))
        .addDetails(Any.pack(badRequest))
        .build());
  }
}
