package io.rest2grpc.shadow.compare;

import io.rest2grpc.transcoding.JsonPointer;
import java.util.List;

/**
 * Body paths whose values differ by nature between two answers (a request id, a problem's {@code instance}, a
 * timestamp), named by the operator: JSON pointers where {@code *} stands for any one segment
 * ({@code /items/*}{@code /etag}). A difference at or under one of them is not a mismatch.
 */
public record IgnoredPaths(List<JsonPointer> patterns) {

  public IgnoredPaths {
    patterns = List.copyOf(patterns);
  }

  public static IgnoredPaths of(List<String> pointers) {
    return new IgnoredPaths(pointers.stream().map(JsonPointer::parse).toList());
  }

  public boolean hides(String pointer) {
    List<String> tokens = JsonPointer.parse(pointer).tokens();
    return patterns.stream().anyMatch(pattern -> matches(pattern.tokens(), tokens));
  }

  private static boolean matches(List<String> pattern, List<String> tokens) {
    if (tokens.size() < pattern.size()) {
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
