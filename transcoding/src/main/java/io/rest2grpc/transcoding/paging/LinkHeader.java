package io.rest2grpc.transcoding.paging;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Link} response header (RFC 8288): finds the target of the first link whose relation
 * types include {@code next}, across every field value and every comma-separated link in them,
 * with parameters as tokens or quoted strings (which may hold commas, semicolons and escapes), and
 * writes one.
 */
final class LinkHeader {
  private LinkHeader() {}

  static Optional<String> next(List<String> fieldValues) {
    for (String value : fieldValues) {
      Optional<String> next = new Scanner(value).next();
      if (next.isPresent()) {
        return next;
      }
    }
    return Optional.empty();
  }

  static String link(String url, String relation) {
    return "<" + url + ">; rel=\"" + relation + "\"";
  }

  private static final class Scanner {
    private final String text;
    private int at;

    Scanner(String text) {
      this.text = text;
    }

    Optional<String> next() {
      while (true) {
        skip(" \t,");
        if (at >= text.length() || text.charAt(at) != '<') {
          return Optional.empty(); // the end, or not a link-value: nothing more can be trusted
        }
        int close = text.indexOf('>', at);
        if (close < 0) {
          return Optional.empty();
        }
        String target = text.substring(at + 1, close).strip();
        at = close + 1;
        String rel = null;
        while (true) {
          skip(" \t");
          if (at >= text.length() || text.charAt(at) != ';') {
            break;
          }
          at++;
          skip(" \t");
          String name = token().toLowerCase(Locale.ROOT);
          skip(" \t");
          String paramValue = "";
          if (at < text.length() && text.charAt(at) == '=') {
            at++;
            skip(" \t");
            paramValue = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
          }
          if (name.equals("rel") && rel == null) { // RFC 8288 3.3: only the first rel counts
            rel = paramValue;
          }
        }
        if (rel != null && List.of(rel.toLowerCase(Locale.ROOT).split("[ \t]+")).contains("next")) {
          return Optional.of(target);
        }
      }
    }

    private String token() {
      int start = at;
      while (at < text.length() && ";,= \t\"".indexOf(text.charAt(at)) < 0) {
        at++;
      }
      return text.substring(start, at);
    }

    private String quoted() {
      StringBuilder value = new StringBuilder();
      at++; // the opening quote
      while (at < text.length() && text.charAt(at) != '"') {
        if (text.charAt(at) == '\\' && at + 1 < text.length()) {
          at++;
        }
        value.append(text.charAt(at++));
      }
      at++; // the closing quote
      return value.toString();
    }

    private void skip(String characters) {
      while (at < text.length() && characters.indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }
  }
}
