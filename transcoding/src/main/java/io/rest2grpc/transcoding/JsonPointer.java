package io.rest2grpc.transcoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer: the one type that parses, escapes and prints them. The options name
 * places in REST bodies with pointers ({@code "/error/code"}, {@code "/data"}); each JSON tree that
 * reads them (errors on protobuf {@code Value}s, paging on plain Java values, the converter on
 * OpenAPI documents) walks the tokens its own way.
 *
 * @param tokens the unescaped tokens; none for {@code ""}, the whole document
 */
public record JsonPointer(List<String> tokens) {
  public static final JsonPointer ROOT = new JsonPointer(List.of());

  public JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /** {@code ""} is the root; anything else starts with '/'. */
  public static JsonPointer parse(String text) {
    if (text.isEmpty()) {
      return ROOT;
    }
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("\"" + text + "\" is not a JSON pointer: it must start with '/', as in \"/" + text + "\"");
    }
    // by hand, not split("/"): the converter parses a pointer for every schema it files in the lock
    List<String> tokens = new ArrayList<>();
    int start = 1;
    for (int slash = text.indexOf('/', start); slash >= 0; slash = text.indexOf('/', start)) {
      tokens.add(unescape(text.substring(start, slash)));
      start = slash + 1;
    }
    tokens.add(unescape(text.substring(start)));
    return new JsonPointer(tokens);
  }

  /**
   * The text of the pointer written in a URI fragment, such as the part of a {@code $ref} after '#':
   * per RFC 6901 §6 the fragment is percent-encoded ({@code /paths/~1items~1%7Bid%7D} is
   * {@code /paths/~1items~1{id}}), so it is percent-decoded (as UTF-8) here; {@link #parse} then
   * unescapes ~1 and ~0. A '%' not followed by two hex digits is kept as written.
   */
  public static String fromUriFragment(String fragment) {
    if (fragment.indexOf('%') < 0) {
      return fragment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < fragment.length(); ) {
      int high = fragment.charAt(i) == '%' && i + 2 < fragment.length() ? Character.digit(fragment.charAt(i + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(fragment.charAt(i + 2), 16);
      if (low >= 0) {
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        int end = i + Character.charCount(fragment.codePointAt(i));
        bytes.writeBytes(fragment.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * {@code base} followed by one more token, as text ({@code child("/error", "code")} is
   * {@code "/error/code"}): for walkers that keep the pointer of each node they visit as text.
   */
  public static String child(String base, String token) {
    return base + "/" + escape(token);
  }

  public boolean isRoot() {
    return tokens.isEmpty();
  }

  /** The last token ("code" for "/error/code"); empty for the root. */
  public String lastToken() {
    return isRoot() ? "" : tokens.get(tokens.size() - 1);
  }

  public JsonPointer parent() {
    return isRoot() ? ROOT : new JsonPointer(tokens.subList(0, tokens.size() - 1));
  }

  public JsonPointer child(String token) {
    List<String> longer = new ArrayList<>(tokens);
    longer.add(token);
    return new JsonPointer(longer);
  }

  public JsonPointer append(JsonPointer relative) {
    List<String> longer = new ArrayList<>(tokens);
    longer.addAll(relative.tokens);
    return new JsonPointer(longer);
  }

  /** The array index a token stands for, or -1 ("0", "12"; not "01", "-1" or "x"). */
  public static int arrayIndex(String token) {
    if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }

  // Most tokens need no escaping; the converter makes one pointer per schema it visits.
  public static String escape(String token) {
    return token.indexOf('~') < 0 && token.indexOf('/') < 0 ? token : token.replace("~", "~0").replace("/", "~1");
  }

  public static String unescape(String token) {
    return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
  }

  /** The pointer as text, escaped ({@code "/a~1b"} for the token "a/b"). */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    tokens.forEach(token -> text.append('/').append(escape(token)));
    return text.toString();
  }
}
