package io.rest2grpc.transcoding;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6901 JSON pointers as text and as tokens: the one place that escapes and unescapes them. The
 * options name places in REST bodies with pointers ({@code "/error/code"}, {@code "/data"}); each
 * JSON tree that reads them (errors, paging, the converter's schemas) walks the tokens its own way.
 */
public final class JsonPointers {
  private JsonPointers() {}

  /** The unescaped tokens of a pointer; {@code ""} (the whole document) has none. */
  public static List<String> tokens(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("\"" + pointer + "\" is not a JSON pointer: it must start with '/', as in \"/" + pointer + "\"");
    }
    List<String> tokens = new ArrayList<>();
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(unescape(token));
    }
    return List.copyOf(tokens);
  }

  /** The pointer of these tokens. */
  public static String text(List<String> tokens) {
    StringBuilder text = new StringBuilder();
    tokens.forEach(token -> text.append('/').append(escape(token)));
    return text.toString();
  }

  /** {@code base} followed by one more token ({@code child("/error", "code")} is {@code "/error/code"}). */
  public static String child(String base, String token) {
    return base + "/" + escape(token);
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
}
