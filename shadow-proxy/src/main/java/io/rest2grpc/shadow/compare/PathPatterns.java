package io.rest2grpc.shadow.compare;

import io.rest2grpc.transcoding.JsonPointer;
import java.util.List;

/**
 * Body paths named by the operator: JSON pointers where {@code *} stands for any one segment
 * ({@code /items/*}{@code /etag}). What they name: fields whose values differ by nature between two answers (a
 * request id, a problem's {@code instance}, a timestamp), arrays whose order means nothing, secrets to redact.
 */
public record PathPatterns(List<JsonPointer> patterns) {

  public PathPatterns {
    patterns = List.copyOf(patterns);
  }

  public static PathPatterns of(List<String> pointers) {
    return new PathPatterns(pointers.stream().map(JsonPointer::parse).toList());
  }

  /** Whether {@code pointer} is at or under one of the patterns. */
  public boolean covers(String pointer) {
    List<String> tokens = JsonPointer.parse(pointer).tokens();
    return patterns.stream().anyMatch(pattern -> matches(pattern.tokens(), tokens, false));
  }

  /** Whether {@code pointer} is exactly one of the patterns. */
  public boolean names(JsonPointer pointer) {
    return patterns.stream().anyMatch(pattern -> matches(pattern.tokens(), pointer.tokens(), true));
  }

  private static boolean matches(List<String> pattern, List<String> tokens, boolean exactly) {
    if (tokens.size() < pattern.size() || exactly && tokens.size() != pattern.size()) {
      return false;
    }
    for (int i = 0; i < pattern.size(); i++) {
      if (!pattern.get(i).equals("*") && !pattern.get(i).equals(tokens.get(i))) {
        return false;
      }
    }
    return true;
  }
}
