package io.rest2grpc.transcoding.json;

/** Bad REST JSON for the message type: says where (JSON pointer) and what. */
public final class RestJsonException extends RuntimeException {
  private final String pointer;
  private final String problem;

  RestJsonException(String pointer, String problem) {
    this(pointer, problem, null);
  }

  RestJsonException(String pointer, String problem, Throwable cause) {
    super((pointer.isEmpty() ? "at the root" : "at " + pointer) + ": " + problem, cause);
    this.pointer = pointer;
    this.problem = problem;
  }

  /** The RFC 6901 JSON pointer of the offending value; empty for the document itself. */
  public String pointer() {
    return pointer;
  }

  /** What was wrong, without where. */
  public String problem() {
    return problem;
  }
}
