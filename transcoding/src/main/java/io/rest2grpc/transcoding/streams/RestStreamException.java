package io.rest2grpc.transcoding.streams;

import java.util.List;

/**
 * A REST stream that cannot be read: names the frame (from 1) and what is wrong with it. Client
 * input, so the engine answers it with a 400 (a request stream) or fails the call (a response).
 */
public final class RestStreamException extends RuntimeException {
  /** What is wrong. */
  public enum Problem {
    /** The frame is not REST JSON of the stream's message type. */
    INVALID_JSON,
    /** The frame grew beyond the reader's maximum frame size before it ended. */
    FRAME_TOO_LARGE,
    /** The stream ended inside a frame. */
    TRUNCATED,
    /** Bytes outside any frame (JSON-seq: before a record separator). */
    MALFORMED_FRAMING
  }

  private final Problem problem;
  private final int frame;
  private final List<StreamItem> itemsBefore;

  RestStreamException(Problem problem, int frame, String detail, Throwable cause) {
    this("frame " + frame + " of the REST stream: " + detail, cause, problem, frame, List.of());
  }

  private RestStreamException(String message, Throwable cause, Problem problem, int frame, List<StreamItem> itemsBefore) {
    super(message, cause);
    this.problem = problem;
    this.frame = frame;
    this.itemsBefore = List.copyOf(itemsBefore);
  }

  /** The same error, with the frames the failing chunk completed before it. */
  RestStreamException withItemsBefore(List<StreamItem> items) {
    RestStreamException copy = new RestStreamException(getMessage(), getCause(), problem, frame, items);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  RestStreamException(Problem problem, int frame, String detail) {
    this(problem, frame, detail, null);
  }

  public Problem problem() {
    return problem;
  }

  /** The frame's number in the stream, from 1. */
  public int frame() {
    return frame;
  }

  /** The frames the chunk being pushed completed before this one: the caller may still forward them. */
  public List<StreamItem> itemsBefore() {
    return itemsBefore;
  }
}
