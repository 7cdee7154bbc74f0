package io.rest2grpc.transcoding.errors;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.rest2grpc.transcoding.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An RFC 6901 JSON pointer, read, written and removed in a {@link Value} tree. */
record JsonPointer(List<String> tokens) {
  static final JsonPointer ROOT = new JsonPointer(List.of());
  private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

  JsonPointer {
    tokens = List.copyOf(tokens);
  }

  /** {@code ""} is the root; anything else starts with '/'. */
  static JsonPointer parse(String text) {
    return new JsonPointer(JsonPointers.tokens(text));
  }

  boolean isRoot() {
    return tokens.isEmpty();
  }

  /** The last token ("code" for "/error/code"); empty for the root. */
  String lastToken() {
    return isRoot() ? "" : tokens.get(tokens.size() - 1);
  }

  JsonPointer parent() {
    return isRoot() ? ROOT : new JsonPointer(tokens.subList(0, tokens.size() - 1));
  }

  JsonPointer child(String token) {
    List<String> longer = new ArrayList<>(tokens);
    longer.add(token);
    return new JsonPointer(longer);
  }

  JsonPointer append(JsonPointer relative) {
    List<String> longer = new ArrayList<>(tokens);
    longer.addAll(relative.tokens);
    return new JsonPointer(longer);
  }

  Optional<Value> find(Value root) {
    Value node = root;
    for (String token : tokens) {
      if (node.hasStructValue() && node.getStructValue().containsFields(token)) {
        node = node.getStructValue().getFieldsOrThrow(token);
      } else if (node.hasListValue() && JsonPointers.arrayIndex(token) >= 0 && JsonPointers.arrayIndex(token) < node.getListValue().getValuesCount()) {
        node = node.getListValue().getValues(JsonPointers.arrayIndex(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /**
   * The tree with {@code leaf} at this pointer. Missing parents are created: an array where the
   * token is an index ("0", "-" to append), an object otherwise; a scalar in the way is replaced.
   */
  Value with(Value root, Value leaf) {
    return with(root, 0, leaf);
  }

  private Value with(Value node, int depth, Value leaf) {
    if (depth == tokens.size()) {
      return leaf;
    }
    String token = tokens.get(depth);
    boolean array = node.hasListValue() || (!node.hasStructValue() && (token.equals("-") || JsonPointers.arrayIndex(token) >= 0));
    if (array) {
      ListValue.Builder list = node.hasListValue() ? node.getListValue().toBuilder() : ListValue.newBuilder();
      int at = token.equals("-") ? list.getValuesCount() : JsonPointers.arrayIndex(token);
      if (at < 0) {
        throw new IllegalArgumentException("JSON pointer " + this + " names member \"" + token + "\" of an array");
      }
      while (list.getValuesCount() <= at) {
        list.addValues(NULL);
      }
      list.setValues(at, with(list.getValues(at), depth + 1, leaf));
      return Value.newBuilder().setListValue(list).build();
    }
    Struct.Builder object = node.hasStructValue() ? node.getStructValue().toBuilder() : Struct.newBuilder();
    Value child = object.getFieldsOrDefault(token, Value.getDefaultInstance());
    object.putFields(token, with(child, depth + 1, leaf));
    return Value.newBuilder().setStructValue(object).build();
  }

  /** The tree without the member or element at this pointer; unchanged if there is none. */
  Value without(Value root) {
    if (isRoot() || parent().find(root).isEmpty()) {
      return root;
    }
    Value parent = parent().find(root).get();
    String last = lastToken();
    if (parent.hasStructValue() && parent.getStructValue().containsFields(last)) {
      return parent().with(root, Value.newBuilder().setStructValue(parent.getStructValue().toBuilder().removeFields(last)).build());
    }
    int at = JsonPointers.arrayIndex(last);
    if (parent.hasListValue() && at >= 0 && at < parent.getListValue().getValuesCount()) {
      List<Value> values = new ArrayList<>(parent.getListValue().getValuesList());
      values.remove(at);
      return parent().with(root, Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(values)).build());
    }
    return root;
  }

  @Override
  public String toString() {
    return JsonPointers.text(tokens);
  }
}
