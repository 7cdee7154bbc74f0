package io.rest2grpc.transcoding.errors;

import com.google.rpc.Code;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP status ⇄ gRPC code for application errors, by the server-side tables (the transcoding
 * README, "Errors"): never the client-only table of grpc-java's {@code GrpcUtil.httpStatusToGrpcStatus},
 * which turns a legacy 404 into UNIMPLEMENTED and a 400 into INTERNAL.
 */
public final class HttpStatusCodes {

  /** A status's code, and whether the code was chosen by the status's class rather than a table row. */
  public record Mapping(int httpStatus, Code code, boolean byClass) {}

  private static final Map<Integer, Code> ROWS = Map.ofEntries(
      Map.entry(400, Code.INVALID_ARGUMENT),
      Map.entry(401, Code.UNAUTHENTICATED),
      Map.entry(403, Code.PERMISSION_DENIED),
      Map.entry(404, Code.NOT_FOUND),
      // grpc-gateway answers an unmatched method with 405 and reads it back as UNIMPLEMENTED
      Map.entry(405, Code.UNIMPLEMENTED),
      // the request asks for a representation the method cannot give, whatever the server's state
      Map.entry(406, Code.INVALID_ARGUMENT),
      Map.entry(408, Code.DEADLINE_EXCEEDED),
      // the resource existed and is gone for good: a NOT_FOUND the client must not retry
      Map.entry(410, Code.NOT_FOUND),
      Map.entry(412, Code.FAILED_PRECONDITION),
      Map.entry(413, Code.INVALID_ARGUMENT),
      Map.entry(414, Code.INVALID_ARGUMENT),
      Map.entry(415, Code.INVALID_ARGUMENT),
      Map.entry(416, Code.OUT_OF_RANGE),
      Map.entry(422, Code.INVALID_ARGUMENT),
      Map.entry(428, Code.FAILED_PRECONDITION),
      Map.entry(429, Code.RESOURCE_EXHAUSTED),
      Map.entry(431, Code.INVALID_ARGUMENT),
      Map.entry(499, Code.CANCELLED),
      Map.entry(500, Code.INTERNAL),
      Map.entry(501, Code.UNIMPLEMENTED),
      // an upstream failed or is down: the call as a whole may be retried, like 503
      Map.entry(502, Code.UNAVAILABLE),
      Map.entry(503, Code.UNAVAILABLE),
      Map.entry(504, Code.DEADLINE_EXCEEDED));

  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
      Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Timeout"),
      Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(411, "Length Required"),
      Map.entry(412, "Precondition Failed"), Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
      Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Range Not Satisfiable"), Map.entry(417, "Expectation Failed"),
      Map.entry(418, "I'm a teapot"), Map.entry(421, "Misdirected Request"), Map.entry(422, "Unprocessable Content"),
      Map.entry(423, "Locked"), Map.entry(424, "Failed Dependency"), Map.entry(425, "Too Early"),
      Map.entry(426, "Upgrade Required"), Map.entry(428, "Precondition Required"), Map.entry(429, "Too Many Requests"),
      Map.entry(431, "Request Header Fields Too Large"), Map.entry(451, "Unavailable For Legal Reasons"),
      Map.entry(499, "Client Closed Request"), Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
      Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"),
      Map.entry(505, "HTTP Version Not Supported"), Map.entry(507, "Insufficient Storage"), Map.entry(508, "Loop Detected"),
      Map.entry(511, "Network Authentication Required"));

  private HttpStatusCodes() {}

  /**
   * The code of an application error with this status, answered to this HTTP method (REST → gRPC).
   * 409 depends on the method: a conflicting create is ALREADY_EXISTS, a conflicting change of an
   * existing resource is ABORTED (retry the whole read-modify-write). A 4xx or 5xx without a row
   * maps by its class: FAILED_PRECONDITION (the client must change something first) or INTERNAL.
   */
  public static Mapping toCode(int httpStatus, String httpMethod) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("not an error status: " + httpStatus);
    }
    if (httpStatus == 409) {
      return new Mapping(409, "POST".equalsIgnoreCase(httpMethod) ? Code.ALREADY_EXISTS : Code.ABORTED, false);
    }
    Code code = ROWS.get(httpStatus);
    if (code != null) {
      return new Mapping(httpStatus, code, false);
    }
    return new Mapping(httpStatus, httpStatus < 500 ? Code.FAILED_PRECONDITION : Code.INTERNAL, true);
  }

  /** The HTTP status of a code when nothing per method says otherwise (gRPC → HTTP; google/rpc/code.proto). */
  public static int toHttpStatus(Code code) {
    return switch (code) {
      case OK -> 200;
      case CANCELLED -> 499;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case DEADLINE_EXCEEDED -> 504;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      default -> 500;
    };
  }

  /** The reason phrase of a status ("Precondition Failed"), else its class ("Client Error"). */
  public static String reasonPhrase(int httpStatus) {
    String phrase = PHRASES.get(httpStatus);
    if (phrase != null) {
      return phrase;
    }
    return httpStatus >= 500 ? "Server Error" : "Client Error";
  }

  /** The reason phrase as an ErrorInfo reason ("PRECONDITION_FAILED"). */
  public static String reasonOf(int httpStatus) {
    return reasonPhrase(httpStatus).replace("'", "").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }
}
