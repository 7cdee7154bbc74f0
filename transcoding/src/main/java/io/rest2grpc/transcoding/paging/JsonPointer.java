package io.rest2grpc.transcoding.paging;

import java.util.ArrayList;
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
    if (text.isEmpty()) {
      return ROOT;
    }
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("RestPaging." + what + " \"" + text
          + "\" is not a JSON pointer: start it with '/', as in \"/" + text + "\"");
    }
    List<String> tokens = new ArrayList<>();
    for (String token : text.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return new JsonPointer(text, tokens);
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
      } else if (array != null && token.matches("0|[1-9][0-9]{0,8}") && Integer.parseInt(token) < array.size()) {
        at = array.get(Integer.parseInt(token));
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
