package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Value;
import io.rest2grpc.transcoding.JsonPointer;
import org.junit.jupiter.api.Test;

class ValuePointersTest {
  private static final Value ONE = Value.newBuilder().setNumberValue(1).build();

  private static Value json(String text) {
    return JsonBodies.parse(ByteString.copyFromUtf8(text)).orElseThrow().value();
  }

  private static String print(Value value) {
    return JsonBodies.print(value).toStringUtf8();
  }

  @Test
  void escapedTokensNameMembersWithSlashAndTilde() {
    JsonPointer pointer = JsonPointer.parse("/a~1b/c~0d");
    assertThat(pointer.tokens()).containsExactly("a/b", "c~d");
    assertThat(pointer).hasToString("/a~1b/c~0d");
    assertThat(ValuePointers.find(pointer, json("{\"a/b\": {\"c~d\": 1}}"))).contains(ONE);
  }

  @Test
  void writingCreatesObjectsAndArraysOnTheWay() {
    Value empty = json("{}");
    assertThat(print(ValuePointers.with(JsonPointer.parse("/error/details/0/code"), empty, ONE))).isEqualTo("{\"error\":{\"details\":[{\"code\":1}]}}");
    assertThat(print(ValuePointers.with(JsonPointer.parse("/list/2"), empty, ONE))).isEqualTo("{\"list\":[null,null,1]}");
    assertThat(print(ValuePointers.with(JsonPointer.parse("/list/-"), json("{\"list\": [0]}"), ONE))).isEqualTo("{\"list\":[0,1]}");
  }

  @Test
  void removingLeavesEverythingElse() {
    Value body = json("{\"a\": {\"b\": 1, \"c\": [1, 2]}}");
    assertThat(print(ValuePointers.without(JsonPointer.parse("/a/b"), body))).isEqualTo("{\"a\":{\"c\":[1,2]}}");
    assertThat(print(ValuePointers.without(JsonPointer.parse("/a/c/0"), body))).isEqualTo("{\"a\":{\"b\":1,\"c\":[2]}}");
    assertThat(ValuePointers.without(JsonPointer.parse("/x/y"), body)).isEqualTo(body);
  }
}
