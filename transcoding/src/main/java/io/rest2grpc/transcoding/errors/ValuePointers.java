package io.rest2grpc.transcoding.errors;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link JsonPointer}s read, written and removed in a {@link Value} tree. */
final class ValuePointers {
  private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

  private ValuePointers() {}

  static Optional<Value> find(JsonPointer pointer, Value root) {
    Value node = root;
    for (String token : pointer.tokens()) {
      if (node.hasStructValue() && node.getStructValue().containsFields(token)) {
        node = node.getStructValue().getFieldsOrThrow(token);
      } else if (node.hasListValue() && JsonPointer.arrayIndex(token) >= 0 && JsonPointer.arrayIndex(token) < node.getListValue().getValuesCount()) {
        node = node.getListValue().getValues(JsonPointer.arrayIndex(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /**
   * The tree with {@code leaf} at the pointer. Missing parents are created: an array where the
   * token is an index ("0", "-" to append), an object otherwise; a scalar in the way is replaced.
   */
  static Value with(JsonPointer pointer, Value root, Value leaf) {
    return with(pointer, root, 0, leaf);
  }

  private static Value with(JsonPointer pointer, Value node, int depth, Value leaf) {
    List<String> tokens = pointer.tokens();
    if (depth == tokens.size()) {
      return leaf;
    }
    String token = tokens.get(depth);
    boolean array = node.hasListValue() || (!node.hasStructValue() && (token.equals("-") || JsonPointer.arrayIndex(token) >= 0));
    if (array) {
      ListValue.Builder list = node.hasListValue() ? node.getListValue().toBuilder() : ListValue.newBuilder();
      int at = token.equals("-") ? list.getValuesCount() : JsonPointer.arrayIndex(token);
      if (at < 0) {
        throw new IllegalArgumentException("JSON pointer " + pointer + " names member \"" + token + "\" of an array");
      }
      while (list.getValuesCount() <= at) {
        list.addValues(NULL);
      }
      list.setValues(at, with(pointer, list.getValues(at), depth + 1, leaf));
      return Value.newBuilder().setListValue(list).build();
    }
    Struct.Builder object = node.hasStructValue() ? node.getStructValue().toBuilder() : Struct.newBuilder();
    Value child = object.getFieldsOrDefault(token, Value.getDefaultInstance());
    object.putFields(token, with(pointer, child, depth + 1, leaf));
    return Value.newBuilder().setStructValue(object).build();
  }

  /** The tree without the member or element at the pointer; unchanged if there is none. */
  static Value without(JsonPointer pointer, Value root) {
    JsonPointer parentPointer = pointer.parent();
    if (pointer.isRoot() || find(parentPointer, root).isEmpty()) {
      return root;
    }
    Value parent = find(parentPointer, root).get();
    String last = pointer.lastToken();
    if (parent.hasStructValue() && parent.getStructValue().containsFields(last)) {
      return with(parentPointer, root, Value.newBuilder().setStructValue(parent.getStructValue().toBuilder().removeFields(last)).build());
    }
    int at = JsonPointer.arrayIndex(last);
    if (parent.hasListValue() && at >= 0 && at < parent.getListValue().getValuesCount()) {
      List<Value> values = new ArrayList<>(parent.getListValue().getValuesList());
      values.remove(at);
      return with(parentPointer, root, Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(values)).build());
    }
    return root;
  }
}
