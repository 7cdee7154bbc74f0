package io.rest2grpc.transcoding.streams;

/**
 * RFC 7464 JSON text sequences: each text starts with RS (0x1E) and ends with LF; a text may span
 * several lines, so it ends at the first LF after a complete value. Consecutive RS are ignored. A
 * text cut short by the next RS or by the end of the stream, or a number, true, false or null not
 * followed by whitespace (which may have lost digits, RFC 7464 2.4), is TRUNCATED. Only whitespace
 * (and a BOM at the start) may stand outside a text.
 */
final class JsonSeqSplitter implements FrameSplitter {
  static final byte RS = 0x1E;

  private final int maxFrameBytes;
  private final FrameBuffer text = new FrameBuffer();
  private final JsonValueScanner scanner = new JsonValueScanner();
  private boolean inText;
  private boolean beforeFirstRs = true;
  private int frames;

  JsonSeqSplitter(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  public void push(byte[] bytes, int start, int end, Sink out) {
    int from = start;
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b == RS) {
        if (inText) {
          text.append(bytes, from, i);
          endText(out, "the next record separator");
        }
        inText = true;
        beforeFirstRs = false;
        from = i + 1;
      } else if (!inText) {
        if (!JsonValueScanner.isWhitespace(b) && !(beforeFirstRs && (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF))) {
          throw new RestStreamException(RestStreamException.Problem.MALFORMED_FRAMING, frames + 1,
              "byte 0x" + Integer.toHexString(b & 0xFF) + " outside a JSON text; each text of application/json-seq starts with RS (0x1E)");
        }
        from = i + 1;
      } else {
        FrameBuffer.checkSize((long) text.size() + i - from + 1, maxFrameBytes, frames + 1);
        scanner.accept(b);
        if (b == '\n' && scanner.complete()) {
          text.append(bytes, from, i);
          emit(out);
          inText = false;
          from = i + 1;
        }
      }
    }
    if (inText) {
      text.append(bytes, from, end);
    }
  }

  private void endText(Sink out, String cutBy) {
    if (scanner.complete()) {
      emit(out);
    } else if (scanner.started()) {
      throw new RestStreamException(RestStreamException.Problem.TRUNCATED, frames + 1,
          "the JSON text is cut short by " + cutBy + (scanner.open() ? "" : " (a number, true, false or null must be followed by whitespace)"));
    }
    text.clear();
    scanner.reset();
  }

  private void emit(Sink out) {
    frames++;
    out.frame(text.bytes(), 0, text.size(), SseFields.NONE);
    text.clear();
    scanner.reset();
  }

  @Override
  public void end(Sink out) {
    if (inText) {
      endText(out, "the end of the stream");
      inText = false;
    }
  }

  @Override
  public int frames() {
    return frames;
  }
}
