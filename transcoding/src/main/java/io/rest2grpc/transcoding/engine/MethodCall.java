package io.rest2grpc.transcoding.engine;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.transcoding.requests.RequestBinding;
import io.rest2grpc.transcoding.responses.ResponseTranscoder;
import io.rest2grpc.transcoding.streams.StreamCodec;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine knows of one RPC: how each of its routes binds requests, how its unary
 * answer crosses ({@link #responses()}), and how its streams are framed. Immutable, thread-safe.
 *
 * @param bindings one per REST route of the RPC, the primary route first
 * @param responses the unary response transcoder; empty for a server-streaming RPC
 * @param requestStream the framing of a client stream; empty unless the RPC takes one
 * @param responseStream the framing of a server stream; empty unless the RPC gives one
 */
public record MethodCall(MethodDescriptor method, List<RequestBinding> bindings, Optional<ResponseTranscoder> responses,
    Optional<StreamCodec> requestStream, Optional<StreamCodec> responseStream) {
  public MethodCall {
    bindings = List.copyOf(bindings);
  }

  /** The binding a gRPC → REST request uses: the RPC's primary route. */
  public RequestBinding primary() {
    return bindings.get(0);
  }
}
