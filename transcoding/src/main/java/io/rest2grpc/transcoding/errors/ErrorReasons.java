package io.rest2grpc.transcoding.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names in AIP-193's forms: {@code ErrorInfo.reason} ({@code [A-Z][A-Z0-9_]+[A-Z0-9]}, at most 63
 * characters) from whatever a REST body calls its error, and {@code ErrorInfo.metadata} keys
 * ({@code [a-z][a-zA-Z0-9-_]+}, lowerCamelCase, at most 64 characters) from member names.
 */
public final class ErrorReasons {
  private static final int MAX_REASON = 63;
  private static final int MAX_KEY = 64;
  private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9-_]+");
  // absolute URIs with an authority, URNs and absolute paths: RFC 7807 "type" values and the like
  private static final Pattern URI = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*|urn:.*|/.*");

  private ErrorReasons() {}

  /**
   * The reason for a value found in an error body. A URI gives its fragment, else its last non-empty
   * path segment; camelCase, kebab-case, dots and spaces separate words; other characters are
   * dropped; a leading digit, or a reason shorter than three characters, gets the prefix
   * {@code ERROR_}; the result is cut to 63 characters. Nothing usable ({@code null}, empty,
   * {@code about:blank}, a URI without a path) gives the status's reason phrase
   * ({@code NOT_FOUND}).
   */
  public static String normalize(String value, int httpStatus) {
    String text = value == null ? "" : value.strip();
    if (URI.matcher(text).matches()) {
      text = lastSegmentOrFragment(text);
    }
    List<String> words = text.equalsIgnoreCase("about:blank") ? List.of() : words(text);
    if (words.isEmpty()) {
      return HttpStatusCodes.reasonOf(httpStatus);
    }
    String reason = String.join("_", words).toUpperCase(Locale.ROOT);
    if (Character.isDigit(reason.charAt(0)) || reason.length() < 3) {
      reason = "ERROR_" + reason;
    }
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON).replaceAll("_+$", "");
    }
    return reason;
  }

  /** The metadata key for a member name ({@code request_id} → {@code requestId}); empty if none fits. */
  public static Optional<String> metadataKey(String name) {
    StringBuilder key = new StringBuilder();
    for (String word : words(name)) {
      String lower = word.toLowerCase(Locale.ROOT);
      key.append(key.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    }
    return key.length() <= MAX_KEY && KEY.matcher(key).matches() ? Optional.of(key.toString()) : Optional.empty();
  }

  private static String lastSegmentOrFragment(String uri) {
    int hash = uri.indexOf('#');
    if (hash >= 0 && hash < uri.length() - 1) {
      return uri.substring(hash + 1);
    }
    String path = uri.replaceFirst("[#?].*", "");
    int authority = path.indexOf("://");
    if (authority >= 0) {
      int slash = path.indexOf('/', authority + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    String last = "";
    for (String segment : path.split("[/:]")) {
      if (!segment.isEmpty()) {
        last = segment;
      }
    }
    return last;
  }

  /**
   * ASCII letters and digits grouped into words: spaces, '-', '_' and '.' separate, a lower-case
   * letter or digit followed by an upper-case one separates ("orderId"), so does an upper-case run
   * followed by a capitalized word ("HTTPError"); other characters are dropped.
   */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char previous = ' ';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '-' || c == '_' || c == '.') {
        flush(word, words);
      } else if (isAsciiLetterOrDigit(c)) {
        boolean upper = c >= 'A' && c <= 'Z';
        boolean nextLower = i + 1 < text.length() && text.charAt(i + 1) >= 'a' && text.charAt(i + 1) <= 'z';
        boolean previousUpper = previous >= 'A' && previous <= 'Z';
        if (upper && !word.isEmpty() && (!previousUpper || nextLower)) {
          flush(word, words);
        }
        word.append(c);
      }
      previous = c;
    }
    flush(word, words);
    return words;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (!word.isEmpty()) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
