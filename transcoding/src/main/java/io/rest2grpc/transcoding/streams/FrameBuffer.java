package io.rest2grpc.transcoding.streams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The bytes of the frame being read: grows as chunks arrive, never beyond the reader's maximum. */
final class FrameBuffer {
  private byte[] bytes = new byte[256];
  private int size;

  int size() {
    return size;
  }

  byte[] bytes() {
    return bytes;
  }

  byte at(int index) {
    return bytes[index];
  }

  void append(byte[] from, int start, int end) {
    int length = end - start;
    ensure(size + length);
    System.arraycopy(from, start, bytes, size, length);
    size += length;
  }

  void append(byte b) {
    ensure(size + 1);
    bytes[size++] = b;
  }

  /** Drops the last byte (SSE: the data buffer's final LF). */
  void dropLast() {
    size--;
  }

  void clear() {
    size = 0;
    if (bytes.length > 64 * 1024) {
      bytes = new byte[256]; // a large frame once does not keep its memory for the rest of the stream
    }
  }

  String text(int start, int end) {
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /** Whether the bytes from {@code from} on are only JSON whitespace (and so no frame). */
  boolean isBlank(int from) {
    for (int i = from; i < size; i++) {
      if (!JsonValueScanner.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }

  /** The check each splitter makes before a frame grows: a typed error instead of unbounded memory. */
  static void checkSize(long size, int max, int frame) {
    if (size > max) {
      throw new RestStreamException(RestStreamException.Problem.FRAME_TOO_LARGE, frame,
          "longer than " + max + " bytes before its end; raise the reader's maximum frame size if such frames are expected");
    }
  }
}
