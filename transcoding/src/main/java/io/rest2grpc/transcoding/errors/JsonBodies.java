package io.rest2grpc.transcoding.errors;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Value;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import java.util.Optional;

/** Error bodies as {@link Value} trees, read and written by the REST JSON codec. */
final class JsonBodies {
  private static final RestJson CODEC = RestJson.create();

  private JsonBodies() {}

  /**
   * A body that is UTF-8 JSON, as a tree.
   *
   * @param exact whether the tree holds the body exactly: a number beyond a double's precision or a
   *     repeated member cannot be held, and such a body, like one that is not JSON, travels as bytes
   */
  record Parsed(Value value, boolean exact) {}

  static Optional<Parsed> parse(ByteString body) {
    if (body.isEmpty() || !body.isValidUtf8()) {
      return Optional.empty();
    }
    String text = body.toStringUtf8();
    try {
      Value value = CODEC.parse(text, Value.newBuilder()).build();
      return Optional.of(new Parsed(value, RestJsonEquivalence.compare(text, CODEC.print(value)).equal()));
    } catch (RestJsonException e) {
      return Optional.empty();
    }
  }

  static ByteString print(MessageOrBuilder value) {
    return ByteString.copyFromUtf8(CODEC.print(value));
  }

  /** A scalar as text: a string as it is, anything else as compact JSON ({@code 404}, {@code true}). */
  static String text(Value value) {
    return value.hasStringValue() ? value.getStringValue() : CODEC.print(value);
  }
}
