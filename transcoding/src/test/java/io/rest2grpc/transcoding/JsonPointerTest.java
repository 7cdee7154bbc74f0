package io.rest2grpc.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonPointerTest {
  @Test
  void parsesAndPrintsEscapedTokens() {
    JsonPointer pointer = JsonPointer.parse("/a~1b/c~0d/~01");
    assertThat(pointer.tokens()).containsExactly("a/b", "c~d", "~1");
    assertThat(pointer).hasToString("/a~1b/c~0d/~01");
    assertThat(JsonPointer.parse("")).isEqualTo(JsonPointer.ROOT);
    assertThat(JsonPointer.parse("/")).isEqualTo(JsonPointer.ROOT.child(""));
  }

  @Test
  void aPointerWithoutTheLeadingSlashSaysHowToWriteIt() {
    assertThatThrownBy(() -> JsonPointer.parse("data"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"data\" is not a JSON pointer: it must start with '/', as in \"/data\"");
  }

  @Test
  void childrenAndParentsAsRecordsAndAsText() {
    JsonPointer error = JsonPointer.parse("/error");
    assertThat(error.child("a/b")).hasToString("/error/a~1b");
    assertThat(JsonPointer.child("/error", "a/b")).isEqualTo("/error/a~1b");
    assertThat(error.child("code").parent()).isEqualTo(error);
    assertThat(error.child("code").lastToken()).isEqualTo("code");
    assertThat(JsonPointer.ROOT.parent()).isEqualTo(JsonPointer.ROOT);
    assertThat(error.append(JsonPointer.parse("/details/0"))).hasToString("/error/details/0");
  }

  @Test
  void onlyCanonicalNumbersAreArrayIndexes() {
    assertThat(JsonPointer.arrayIndex("0")).isZero();
    assertThat(JsonPointer.arrayIndex("12")).isEqualTo(12);
    assertThat(JsonPointer.arrayIndex("01")).isEqualTo(-1);
    assertThat(JsonPointer.arrayIndex("-1")).isEqualTo(-1);
    assertThat(JsonPointer.arrayIndex("x")).isEqualTo(-1);
  }

  @Test
  void aUriFragmentIsPercentDecodedBeforeItsTokensAreUnescaped() {
    String pointer = JsonPointer.fromUriFragment("/paths/~1items~1%7Bid%7D/get");
    assertThat(pointer).isEqualTo("/paths/~1items~1{id}/get");
    assertThat(JsonPointer.parse(pointer).tokens()).containsExactly("paths", "/items/{id}", "get");
    assertThat(JsonPointer.fromUriFragment("/a%25~01/caf%C3%A9/\uD83D\uDE00")).isEqualTo("/a%~01/café/\uD83D\uDE00");
    assertThat(JsonPointer.fromUriFragment("/100%/50%zz/%4")).isEqualTo("/100%/50%zz/%4");
  }
}
