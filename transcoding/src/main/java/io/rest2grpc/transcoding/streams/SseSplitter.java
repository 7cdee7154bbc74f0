package io.rest2grpc.transcoding.streams;

import java.util.OptionalLong;

/**
 * text/event-stream by the HTML standard's parsing rules ("Server-sent events", 9.2.6): lines end
 * with CRLF, LF or CR; a BOM at the start is skipped; {@code data:} lines join with LF; {@code id:}
 * (without NUL) carries over to later events; {@code retry:} takes ASCII digits only; comments and
 * unknown fields are ignored; a blank line dispatches the event, none when no data was sent.
 */
final class SseSplitter implements FrameSplitter {
  private final int maxFrameBytes;
  private final FrameBuffer line = new FrameBuffer();
  private final FrameBuffer data = new FrameBuffer();
  private boolean firstLine = true;
  private boolean afterCr;
  private String event = "";
  private String lastEventId = "";
  private OptionalLong retryMs = OptionalLong.empty();
  private int frames;

  SseSplitter(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  public void push(byte[] bytes, int start, int end, Sink out) {
    int from = start;
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b != '\n' && b != '\r') {
        continue;
      }
      boolean lfOfCrLf = b == '\n' && afterCr && i == from && line.size() == 0;
      afterCr = b == '\r';
      if (lfOfCrLf) {
        from = i + 1;
        continue;
      }
      grow(i - from);
      line.append(bytes, from, i);
      processLine(out);
      from = i + 1;
    }
    if (from < end) {
      afterCr = false;
      grow(end - from);
      line.append(bytes, from, end);
    }
  }

  /** A CR ends a line at once; the LF that may follow it in the next chunk is skipped then. */
  private void processLine(Sink out) {
    int start = firstLine ? FrameSplitter.afterBom(line) : 0;
    firstLine = false;
    int size = line.size();
    if (size == start) {
      dispatch(out);
    } else if (line.at(start) != ':') {
      int colon = start;
      while (colon < size && line.at(colon) != ':') {
        colon++;
      }
      int value = colon < size ? colon + 1 : size;
      if (value < size && line.at(value) == ' ') {
        value++;
      }
      field(line.text(start, colon), value, size);
    }
    line.clear();
  }

  private void field(String name, int value, int end) {
    switch (name) {
      case "event" -> event = line.text(value, end);
      case "data" -> {
        data.append(line.bytes(), value, end);
        data.append((byte) '\n');
      }
      case "id" -> {
        String id = line.text(value, end);
        if (id.indexOf('\0') < 0) {
          lastEventId = id;
        }
      }
      case "retry" -> {
        String digits = line.text(value, end);
        if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          retryMs = OptionalLong.of(Long.parseLong(digits));
        }
      }
      default -> { }
    }
  }

  private void dispatch(Sink out) {
    if (data.size() == 0) {
      event = "";
      return;
    }
    data.dropLast();
    frames++;
    out.frame(data.bytes(), 0, data.size(), new SseFields(event, lastEventId, retryMs));
    data.clear();
    event = "";
  }

  private void grow(int more) {
    FrameBuffer.checkSize((long) line.size() + data.size() + more, maxFrameBytes, frames + 1);
  }

  @Override
  public void end(Sink out) {
    String pending = line.text(0, line.size());
    boolean pendingData = pending.equals("data") || pending.startsWith("data:");
    if (data.size() > 0 || pendingData) {
      throw new RestStreamException(RestStreamException.Problem.TRUNCATED, frames + 1,
          "the stream ended inside an event (data without the blank line that ends it)");
    }
  }

  @Override
  public int frames() {
    return frames;
  }
}
