package io.rest2grpc.transcoding.streams;

/**
 * Follows the bytes of one JSON text just far enough to tell when its value is complete (brackets
 * and strings, not grammar): JSON-seq may break a text over several lines, so a line end alone does
 * not end it. The JSON parser checks the rest.
 */
final class JsonValueScanner {
  private int depth;
  private boolean inString;
  private boolean escaped;
  private boolean inScalar;
  private boolean started;
  private boolean complete;

  void accept(byte b) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
        complete |= depth == 0;
      }
      return;
    }
    if (isWhitespace(b)) {
      if (inScalar) {
        inScalar = false;
        complete |= depth == 0;
      }
      return;
    }
    started = true;
    switch (b) {
      case '"' -> inString = true;
      case '{', '[' -> depth++;
      case '}', ']' -> {
        depth = Math.max(0, depth - 1);
        complete |= depth == 0;
      }
      default -> inScalar |= depth == 0;
    }
  }

  /** A value has ended: a closed object, array or string, or a scalar followed by whitespace. */
  boolean complete() {
    return complete;
  }

  /** Inside an object, an array or a string: more bytes are certainly due. */
  boolean open() {
    return inString || depth > 0;
  }

  boolean started() {
    return started;
  }

  void reset() {
    depth = 0;
    inString = escaped = inScalar = started = complete = false;
  }

  static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
