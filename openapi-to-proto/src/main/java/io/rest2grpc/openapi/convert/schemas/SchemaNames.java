package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.Set;

/** The name a schema takes from where it is: what messages, enums and union variants are named after. */
public final class SchemaNames {
  private SchemaNames() {}

  /**
   * The name a referenced schema takes: its component name, the file name for a whole-file
   * reference, else the last pointer token that is not a keyword.
   */
  public static String of(SourceLocation location) {
    String pointer = location.pointer();
    if (pointer.isEmpty()) {
      String file = location.file();
      String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
      int dot = base.indexOf('.');
      return dot > 0 ? base.substring(0, dot) : base;
    }
    String[] tokens = pointer.substring(1).split("/");
    for (int i = tokens.length - 1; i >= 0; i--) {
      String token = JsonPointer.unescape(tokens[i]);
      if (!STRUCTURAL.contains(token) && !isDigits(token) && !token.contains("/")) {
        return token;
      }
    }
    return "Schema";
  }

  private static boolean isDigits(String token) {
    return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static final Set<String> STRUCTURAL = Set.of("schema", "schemas", "items", "properties", "additionalProperties",
      "allOf", "oneOf", "anyOf", "content", "responses", "requestBody", "parameters", "components", "definitions",
      "get", "put", "post", "delete", "patch", "head", "options", "trace", "paths");
}
