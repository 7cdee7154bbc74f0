package io.rest2grpc.transcoding.responses;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;

/**
 * One field of the response as the body ({@code response_body}): a message, a bare array (a
 * repeated field), a bare map or a scalar, printed and parsed by the codec as that field's value, so
 * every REST JSON rule of the field (its format, int64 encoding, enum values) stays the codec's.
 */
final class JsonFieldBody implements ResponseBody {
  private final RestJson json;
  private final String method;
  private final FieldDescriptor field;
  private final String mediaType;

  JsonFieldBody(RestJson json, String method, FieldDescriptor field, String mediaType) {
    this.json = json;
    this.method = method;
    this.field = field;
    this.mediaType = mediaType;
  }

  @Override
  public Payload print(Message response) {
    return new Payload(mediaType, ByteString.copyFromUtf8(json.printField(response, field)));
  }

  @Override
  public void parse(RestResponse rest, Message.Builder response) {
    String text = rest.body().toStringUtf8();
    if (text.isBlank()) {
      return;
    }
    try {
      json.parseField(text, response, field);
    } catch (RestJsonException e) {
      throw ResponseBodyException.of(method, e, "", "");
    }
  }
}
