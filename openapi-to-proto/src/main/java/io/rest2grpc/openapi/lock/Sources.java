package io.rest2grpc.openapi.lock;

import io.rest2grpc.openapi.SourceLocation;
import io.rest2grpc.transcoding.JsonPointers;
import java.util.List;
import java.util.Locale;

/**
 * The keys a lock files things under, the same in every version of a spec: a schema by its JSON
 * pointer ({@code #/components/schemas/Pet}, with the file name only for a referenced document,
 * since the entry document's own name changes between versions), an operation by its route.
 */
public final class Sources {
  private Sources() {}

  /** {@code #/pointer} in the entry document, {@code file#/pointer} in another. */
  public static String key(SourceLocation source, String entryFile) {
    return (source.file().equals(entryFile) ? "" : source.file()) + "#" + source.pointer();
  }

  /**
   * {@code GET /pets/{}} for the operation at {@code #/paths/~1pets~1{petId}/get}: path variables
   * are unnamed, so renaming one keeps the route. Null for a location that is not an operation.
   */
  public static String route(SourceLocation operation) {
    List<String> tokens = JsonPointers.tokens(operation.pointer());
    if (tokens.size() != 3 || !tokens.get(0).equals("paths")) {
      return null;
    }
    return tokens.get(2).toUpperCase(Locale.ROOT) + " " + tokens.get(1).replaceAll("\\{[^}/]*}", "{}");
  }
}
