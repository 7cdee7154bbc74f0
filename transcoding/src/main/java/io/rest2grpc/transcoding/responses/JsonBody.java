package io.rest2grpc.transcoding.responses;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;

/** The whole response message as REST JSON. */
record JsonBody(RestJson json, String method, String mediaType) implements ResponseBody {
  @Override
  public Payload print(Message response) {
    return new Payload(mediaType, ByteString.copyFromUtf8(json.print(response)));
  }

  @Override
  public void parse(RestResponse rest, Message.Builder response) {
    String text = rest.body().toStringUtf8();
    if (text.isBlank()) {
      return; // nothing sent: the message stays at its defaults
    }
    try {
      json.parse(text, response);
    } catch (RestJsonException e) {
      throw ResponseBodyException.of(method, e, "", "");
    }
  }
}
