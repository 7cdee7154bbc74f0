package io.rest2grpc.transcoding.responses;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.transcoding.http.RestResponse;

/**
 * A {@code google.api.HttpBody} (the response, or its {@code response_body} field): its
 * {@code data} is the body, its {@code content_type} the media type (else the recorded
 * {@code response_media_type}). Its {@code extensions} have no place on the REST wire.
 */
record RawHttpBody(FieldDescriptor field, String mediaType) implements ResponseBody {
  @Override
  public Payload print(Message response) {
    Message body = field == null ? response : (Message) response.getField(field);
    Descriptor type = body.getDescriptorForType();
    String contentType = (String) body.getField(type.findFieldByName("content_type"));
    return new Payload(contentType.isEmpty() ? mediaType : contentType, (ByteString) body.getField(type.findFieldByName("data")));
  }

  @Override
  public void parse(RestResponse rest, Message.Builder response) {
    Message.Builder body = field == null ? response : response.newBuilderForField(field);
    Descriptor type = body.getDescriptorForType();
    body.setField(type.findFieldByName("content_type"), rest.mediaType());
    body.setField(type.findFieldByName("data"), rest.body());
    if (field != null) {
      response.setField(field, body.build());
    }
  }
}
