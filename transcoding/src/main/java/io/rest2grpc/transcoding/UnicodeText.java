package io.rest2grpc.transcoding;

/**
 * Java strings may hold a surrogate without its pair (a JSON {@code "\ud800"}, an adapter's
 * string), which no UTF-8 can encode: a proto string or a Status message holding one fails when it
 * is serialized. One check, for whoever takes text from a client.
 */
public final class UnicodeText {
  private UnicodeText() {}

  /** The index of the first surrogate at or after {@code from} without its pair, or -1. */
  public static int firstUnpaired(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The text with each unpaired surrogate replaced by U+FFFD. */
  public static String replacingUnpaired(String text) {
    int at = firstUnpaired(text, 0);
    if (at < 0) {
      return text;
    }
    StringBuilder replaced = new StringBuilder(text);
    for (; at >= 0; at = firstUnpaired(text, at + 1)) {
      replaced.setCharAt(at, '\uFFFD');
    }
    return replaced.toString();
  }
}
