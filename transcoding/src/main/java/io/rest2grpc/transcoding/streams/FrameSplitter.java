package io.rest2grpc.transcoding.streams;

/** Cuts a framing's bytes into frames, keeping only the frame in progress. One per stream. */
interface FrameSplitter {
  /** A complete frame: its JSON bytes ({@code json[start..end)}, valid until the next call) and its SSE fields. */
  interface Sink {
    void frame(byte[] json, int start, int end, SseFields sse);
  }

  /** The bytes {@code bytes[start..end)}, split anywhere from the stream's previous ones. */
  void push(byte[] bytes, int start, int end, Sink out);

  /** The stream ended cleanly: flush the last frame, or throw TRUNCATED if it is incomplete. */
  void end(Sink out);

  /** Frames handed out so far. */
  int frames();

  /** The blank lines skipped right before the frame just handed out (NDJSON only; else 0). */
  default int blankLinesBefore() {
    return 0;
  }

  /** 3 when the buffer starts with a UTF-8 byte order mark, else 0: where the text after it starts. */
  static int afterBom(FrameBuffer buffer) {
    return buffer.size() >= 3 && buffer.at(0) == (byte) 0xEF && buffer.at(1) == (byte) 0xBB && buffer.at(2) == (byte) 0xBF ? 3 : 0;
  }
}
