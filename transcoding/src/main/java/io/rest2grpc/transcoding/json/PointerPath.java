package io.rest2grpc.transcoding.json;

import io.rest2grpc.transcoding.JsonPointer;
import java.util.Arrays;

/** The JSON pointer of the value being parsed, kept as a stack so errors can say where they are. */
final class PointerPath {
  private String[] segments = new String[16];
  private int size;

  void push(String property) {
    if (size == segments.length) {
      segments = Arrays.copyOf(segments, size * 2);
    }
    segments[size++] = property;
  }

  void push(int index) {
    push(Integer.toString(index));
  }

  void pop() {
    segments[--size] = null;
  }

  int depth() {
    return size;
  }

  /** Back to an earlier depth, after an attempt that failed somewhere below it. */
  void truncate(int depth) {
    while (size > depth) {
      pop();
    }
  }

  @Override
  public String toString() {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < size; i++) {
      pointer.append('/').append(JsonPointer.escape(segments[i]));
    }
    return pointer.toString();
  }
}
