package io.rest2grpc.transcoding.paging;

import io.rest2grpc.transcoding.JsonPointer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JsonPointer}s into a {@link JsonTree}, as {@code RestPaging} names the places of the
 * items, the total, the "more" flag, the next cursor and the next URL ({@code "/data"},
 * {@code "/meta/next"}; {@code ""} is the whole body). Reads follow objects and array indexes;
 * writes and removals address object members.
 */
final class TreePointers {
  private TreePointers() {}

  /** {@code what} names the RestPaging field in the error. */
  static JsonPointer parse(String text, String what) {
    try {
      return JsonPointer.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("RestPaging." + what + ": " + e.getMessage(), e);
    }
  }

  static Optional<Object> find(JsonPointer pointer, Object root) {
    Object at = root;
    for (String token : pointer.tokens()) {
      Map<String, Object> object = JsonTree.asObject(at);
      List<Object> array = JsonTree.asArray(at);
      if (object != null && object.containsKey(token)) {
        at = object.get(token);
      } else if (array != null && JsonPointer.arrayIndex(token) >= 0 && JsonPointer.arrayIndex(token) < array.size()) {
        at = array.get(JsonPointer.arrayIndex(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  /** Removes the member and returns it; empty when there is none. */
  static Optional<Object> remove(JsonPointer pointer, Object root) {
    if (pointer.isRoot()) {
      return Optional.empty();
    }
    Map<String, Object> parent = JsonTree.asObject(find(pointer.parent(), root).orElse(null));
    String last = pointer.lastToken();
    return parent == null || !parent.containsKey(last) ? Optional.empty() : Optional.of(parent.remove(last));
  }

  /** Sets the member, creating the objects on the way that are missing. */
  static void set(JsonPointer pointer, Map<String, Object> root, Object value) {
    if (pointer.isRoot()) {
      throw new IllegalArgumentException("cannot set the whole body through the pointer \"\"");
    }
    List<String> tokens = pointer.tokens();
    Map<String, Object> at = root;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      Map<String, Object> next = JsonTree.asObject(at.get(token));
      if (next == null) {
        next = new LinkedHashMap<>();
        at.put(token, next);
      }
      at = next;
    }
    at.put(pointer.lastToken(), value);
  }
}
