package io.rest2grpc.transcoding.streams;

/**
 * One JSON text per line (NDJSON, JSON Lines): lines end with LF (a CR before it is whitespace), blank
 * lines are skipped, a BOM at the start is skipped. The last line may lack its LF (JSON Lines
 * allows it), unless it stops inside an object, array or string.
 */
final class NdjsonSplitter implements FrameSplitter {
  private final int maxFrameBytes;
  private final FrameBuffer line = new FrameBuffer();
  private boolean firstLine = true;
  private int frames;
  private int blanks;
  private int blanksBefore;

  NdjsonSplitter(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  public void push(byte[] bytes, int start, int end, Sink out) {
    int from = start;
    for (int i = start; i < end; i++) {
      if (bytes[i] == '\n') {
        append(bytes, from, i);
        emit(out);
        from = i + 1;
      }
    }
    append(bytes, from, end);
  }

  private void append(byte[] bytes, int from, int to) {
    FrameBuffer.checkSize((long) line.size() + to - from, maxFrameBytes, frames + 1);
    line.append(bytes, from, to);
  }

  private void emit(Sink out) {
    int start = firstLine ? FrameSplitter.afterBom(line) : 0;
    firstLine = false;
    if (line.isBlank(start)) {
      blanks++;
    } else {
      frames++;
      blanksBefore = blanks;
      blanks = 0;
      out.frame(line.bytes(), start, line.size(), SseFields.NONE);
    }
    line.clear();
  }

  @Override
  public void end(Sink out) {
    JsonValueScanner scanner = new JsonValueScanner();
    for (int i = 0; i < line.size(); i++) {
      scanner.accept(line.at(i));
    }
    if (scanner.open()) {
      throw new RestStreamException(RestStreamException.Problem.TRUNCATED, frames + 1,
          "the stream ended inside a JSON value (the last line stops inside an object, array or string)");
    }
    emit(out);
  }

  @Override
  public int frames() {
    return frames;
  }

  @Override
  public int blankLinesBefore() {
    return blanksBefore;
  }
}
