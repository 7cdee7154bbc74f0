package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;

class JsonPointerTest {
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
    assertThat(pointer.find(json("{\"a/b\": {\"c~d\": 1}}"))).contains(ONE);
  }

  @Test
  void writingCreatesObjectsAndArraysOnTheWay() {
    Value empty = json("{}");
    assertThat(print(JsonPointer.parse("/error/details/0/code").with(empty, ONE))).isEqualTo("{\"error\":{\"details\":[{\"code\":1}]}}");
    assertThat(print(JsonPointer.parse("/list/2").with(empty, ONE))).isEqualTo("{\"list\":[null,null,1]}");
    assertThat(print(JsonPointer.parse("/list/-").with(json("{\"list\": [0]}"), ONE))).isEqualTo("{\"list\":[0,1]}");
  }

  @Test
  void removingLeavesEverythingElse() {
    Value body = json("{\"a\": {\"b\": 1, \"c\": [1, 2]}}");
    assertThat(print(JsonPointer.parse("/a/b").without(body))).isEqualTo("{\"a\":{\"c\":[1,2]}}");
    assertThat(print(JsonPointer.parse("/a/c/0").without(body))).isEqualTo("{\"a\":{\"b\":1,\"c\":[2]}}");
    assertThat(JsonPointer.parse("/x/y").without(body)).isEqualTo(body);
  }
}
