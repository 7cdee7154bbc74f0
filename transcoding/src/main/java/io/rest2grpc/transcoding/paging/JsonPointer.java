package io.rest2grpc.transcoding.paging;

import io.rest2grpc.transcoding.JsonPointers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 6901 JSON pointer into a {@link JsonTree}, as {@code RestPaging} names the places of the
 * items, the total, the "more" flag, the next cursor and the next URL ({@code "/data"},
 * {@code "/meta/next"}; {@code ""} is the whole body). Reads follow objects and array indexes;
 * writes and removals address object members.
 */
record JsonPointer(String text, List<String> tokens) {
  static final JsonPointer ROOT = new JsonPointer("", List.of());

  JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /** {@code what} names the RestPaging field in the error. */
  static JsonPointer parse(String text, String what) {
    try {
      return text.isEmpty() ? ROOT : new JsonPointer(text, JsonPointers.tokens(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("RestPaging." + what + ": " + e.getMessage(), e);
    }
  }

  boolean isRoot() {
    return tokens.isEmpty();
  }

  Optional<Object> find(Object root) {
    Object at = root;
    for (String token : tokens) {
      Map<String, Object> object = JsonTree.asObject(at);
      List<Object> array = JsonTree.asArray(at);
      if (object != null && object.containsKey(token)) {
        at = object.get(token);
      } else if (array != null && JsonPointers.arrayIndex(token) >= 0 && JsonPointers.arrayIndex(token) < array.size()) {
        at = array.get(JsonPointers.arrayIndex(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  /** Removes the member and returns it; empty when there is none. */
  Optional<Object> remove(Object root) {
    if (isRoot()) {
      return Optional.empty();
    }
    Map<String, Object> parent = JsonTree.asObject(parent().find(root).orElse(null));
    return parent == null || !parent.containsKey(last()) ? Optional.empty() : Optional.of(parent.remove(last()));
  }

  /** Sets the member, creating the objects on the way that are missing. */
  void set(Map<String, Object> root, Object value) {
    if (isRoot()) {
      throw new IllegalArgumentException("cannot set the whole body through the pointer \"\"");
    }
    Map<String, Object> at = root;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      Map<String, Object> next = JsonTree.asObject(at.get(token));
      if (next == null) {
        next = new LinkedHashMap<>();
        at.put(token, next);
      }
      at = next;
    }
    at.put(last(), value);
  }

  private JsonPointer parent() {
    return new JsonPointer(text.substring(0, text.lastIndexOf('/')), tokens.subList(0, tokens.size() - 1));
  }

  private String last() {
    return tokens.get(tokens.size() - 1);
  }
}
