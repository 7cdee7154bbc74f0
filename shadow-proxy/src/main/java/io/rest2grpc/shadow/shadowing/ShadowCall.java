package io.rest2grpc.shadow.shadowing;

import com.google.protobuf.Message;
import io.rest2grpc.transcoding.engine.Routed;
import java.util.List;

/**
 * A call the proxy makes for a REST request: the engine's routing of it, and the messages it sends (a unary or
 * server-streaming call's one; a client stream's every frame of the REST body).
 */
public record ShadowCall(Routed.Call routed, List<Message> requests) {
  public ShadowCall {
    requests = List.copyOf(requests);
  }

  public String rpc() {
    return routed.call().method().getFullName();
  }

  /** Whether the RPC answers with a stream, compared frame by frame. */
  public boolean streamed() {
    return routed.call().method().isServerStreaming();
  }
}
