package io.rest2grpc.transcoding.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.rest2grpc.transcoding.JsonPointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The text of the scalar a JSON pointer names in a printed message (an SSE event's name or id
 * member), read by streaming over the JSON: no tree is built for it.
 */
final class MemberText {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private MemberText() {}

  /** A string's value, a number's or boolean's text; empty when absent, null, an object or an array. */
  static Optional<String> find(String json, JsonPointer pointer) {
    try (JsonParser in = FACTORY.createParser(json)) {
      JsonToken token = in.nextToken();
      for (String name : pointer.tokens()) {
        if (!step(in, token, name)) {
          return Optional.empty();
        }
        token = in.currentToken();
      }
      return token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL ? Optional.of(in.getText()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the codec's own output is valid JSON
    }
  }

  /** Moves onto the member {@code name} of the object, or the element of the array, the parser stands on. */
  private static boolean step(JsonParser in, JsonToken container, String name) throws IOException {
    if (container == JsonToken.START_OBJECT) {
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        boolean found = in.currentName().equals(name);
        in.nextToken();
        if (found) {
          return true;
        }
        in.skipChildren();
      }
      return false;
    }
    if (container == JsonToken.START_ARRAY) {
      int index = JsonPointer.arrayIndex(name);
      for (int i = 0; index >= 0 && in.nextToken() != JsonToken.END_ARRAY; i++) {
        if (i == index) {
          return true;
        }
        in.skipChildren();
      }
    }
    return false;
  }
}
