package io.rest2grpc.transcoding.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * REST query parameters: {@code application/x-www-form-urlencoded} text ⇄ names with their values,
 * in order. Paging reads and rewrites them; routing matches a route's query discriminator against them.
 */
public final class QueryString {
  private QueryString() {}

  /** The query of a URL or URI reference ({@code https://h/p?a=1#f} → {@code a=1}); "" when it has none. */
  public static String ofUrl(String url) {
    int start = url.indexOf('?');
    if (start < 0) {
      return "";
    }
    int end = url.indexOf('#', start);
    return url.substring(start + 1, end < 0 ? url.length() : end);
  }

  public static Map<String, List<String>> decode(String query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.computeIfAbsent(unescape(name), n -> new ArrayList<>()).add(unescape(value));
    }
    return parameters;
  }

  public static String encode(Map<String, List<String>> parameters) {
    StringJoiner query = new StringJoiner("&");
    parameters.forEach((name, values) -> values.forEach(value -> query.add(escape(name) + "=" + escape(value))));
    return query.toString();
  }

  /** {@code base} with each parameter of {@code replacements} set in place (or appended), other values kept. */
  public static Map<String, List<String>> overlay(Map<String, List<String>> base, Map<String, List<String>> replacements) {
    Map<String, List<String>> merged = new LinkedHashMap<>(base);
    merged.putAll(replacements);
    return merged;
  }

  /**
   * Form encoding, but spaces as {@code %20} and commas kept: a comma is a sub-delimiter RFC 3986
   * allows in a query, and what Spring's UriComponentsBuilder and browsers leave as is
   * ({@code sort=createdAt,asc}, {@code ids=1,2}); decoding reads both forms alike.
   */
  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
  }

  private static String unescape(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray '%': the legacy API's own spelling, kept as it was
    }
  }
}
