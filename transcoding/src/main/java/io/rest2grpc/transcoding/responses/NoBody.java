package io.rest2grpc.transcoding.responses;

import com.google.protobuf.Message;
import io.rest2grpc.transcoding.http.RestResponse;

/** {@code google.protobuf.Empty}: no body on the REST wire; a body the REST API sends anyway is not read. */
record NoBody() implements ResponseBody {
  @Override
  public Payload print(Message response) {
    return Payload.NONE;
  }

  @Override
  public void parse(RestResponse rest, Message.Builder response) {}
}
