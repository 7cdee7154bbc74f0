package io.rest2grpc.transcoding;

import com.google.api.HttpRule;

/** The HTTP method and path template of a {@code google.api.http} rule, whichever of its pattern fields is set. */
public final class HttpRulePatterns {
  private HttpRulePatterns() {}

  /** {@code GET}, {@code POST}, …, a custom rule's kind as written ({@code HEAD}); empty when the rule has no pattern. */
  public static String method(HttpRule rule) {
    return switch (rule.getPatternCase()) {
      case GET -> "GET";
      case PUT -> "PUT";
      case POST -> "POST";
      case DELETE -> "DELETE";
      case PATCH -> "PATCH";
      case CUSTOM -> rule.getCustom().getKind();
      case PATTERN_NOT_SET -> "";
    };
  }

  /** The path template; empty when the rule has no pattern. */
  public static String path(HttpRule rule) {
    return switch (rule.getPatternCase()) {
      case GET -> rule.getGet();
      case PUT -> rule.getPut();
      case POST -> rule.getPost();
      case DELETE -> rule.getDelete();
      case PATCH -> rule.getPatch();
      case CUSTOM -> rule.getCustom().getPath();
      case PATTERN_NOT_SET -> "";
    };
  }
}
