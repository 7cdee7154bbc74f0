package io.rest2grpc.transcoding.responses;

import io.rest2grpc.transcoding.json.RestJsonException;

/** A REST response body that does not read as the method's response: names the method and the JSON pointer into the body. */
public final class ResponseBodyException extends RuntimeException {
  private final String method;
  private final String pointer;

  ResponseBodyException(String method, String pointer, String problem, Throwable cause) {
    super("the REST response body of " + method + (pointer.isEmpty() ? "" : " at " + pointer) + " does not fit the method's response: "
        + problem, cause);
    this.method = method;
    this.pointer = pointer;
  }

  /**
   * From the codec's exception, whose pointer is into a document that held the body at
   * {@code from} and is reported at {@code to} instead (the body of a {@code response_body} field
   * was parsed as that field of the response).
   */
  static ResponseBodyException of(String method, RestJsonException e, String from, String to) {
    String pointer = e.pointer();
    String problem = e.problem();
    if (!from.isEmpty() && (pointer.equals(from) || pointer.startsWith(from + "/"))) {
      pointer = to + pointer.substring(from.length());
    }
    return new ResponseBodyException(method, pointer, problem, e);
  }

  /** The fully qualified name of the method ({@code shop.v1.Orders.GetOrder}). */
  public String method() {
    return method;
  }

  /** The RFC 6901 pointer into the REST body of the value that does not fit; empty for the body itself. */
  public String pointer() {
    return pointer;
  }
}
