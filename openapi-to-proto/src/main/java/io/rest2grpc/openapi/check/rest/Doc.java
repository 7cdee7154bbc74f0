package io.rest2grpc.openapi.check.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.transcoding.JsonPointer;

/** One spec document: where its component schemas are, and its local {@code $ref}s followed. */
final class Doc {
  private static final int MAX_REF_CHAIN = 64;

  private final JsonNode root;
  private final boolean swagger2;
  private final String schemasPointer;

  Doc(JsonNode root) {
    this.root = root;
    this.swagger2 = root.has("swagger");
    this.schemasPointer = swagger2 ? "/definitions" : "/components/schemas";
  }

  boolean swagger2() {
    return swagger2;
  }

  Site root() {
    return new Site(root, "");
  }

  /** {@code /components/schemas}, or {@code /definitions} in Swagger 2.0. */
  Site schemas() {
    return new Site(root.at(schemasPointer), schemasPointer);
  }

  static String ref(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref != null && ref.isTextual() ? ref.asText() : null;
  }

  static boolean external(String ref) {
    return ref != null && !ref.startsWith("#");
  }

  /** The component schema a {@code $ref} names ({@code Pet} for {@code #/components/schemas/Pet}), else null. */
  String schemaName(String ref) {
    String prefix = "#" + schemasPointer + "/";
    if (ref == null || !ref.startsWith(prefix)) {
      return null;
    }
    String token = JsonPointer.fromUriFragment(ref.substring(prefix.length()));
    return token.contains("/") ? null : JsonPointer.unescape(token);
  }

  /** How a {@code $ref} is matched across versions: by schema name, else as written. */
  String identity(String ref) {
    String name = schemaName(ref);
    return name != null ? "schema " + name : ref;
  }

  /**
   * Follows local {@code $ref}s from {@code site} to the node they end at; null when one leads into
   * another file, nowhere, or round in a circle.
   */
  Site resolve(Site site) {
    Site at = site;
    for (int i = 0; i < MAX_REF_CHAIN; i++) {
      String ref = ref(at.node());
      if (ref == null) {
        return at;
      }
      if (external(ref)) {
        return null;
      }
      String pointer = JsonPointer.fromUriFragment(ref.substring(1));
      JsonNode target;
      try {
        target = root.at(pointer);
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (target.isMissingNode()) {
        return null;
      }
      at = new Site(target, pointer);
    }
    return null;
  }
}
