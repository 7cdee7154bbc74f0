package io.rest2grpc.transcoding.responses;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.transcoding.http.RestResponse;

/** A {@code bytes} field ({@code response_body}) as the body, with the recorded {@code response_media_type}. */
record RawBytesBody(FieldDescriptor field, String mediaType) implements ResponseBody {
  @Override
  public Payload print(Message response) {
    return new Payload(mediaType, (ByteString) response.getField(field));
  }

  @Override
  public void parse(RestResponse rest, Message.Builder response) {
    response.setField(field, rest.body());
  }
}
