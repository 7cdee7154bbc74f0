package io.rest2grpc.transcoding.engine;

import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.requests.GrpcRequest;
import io.rest2grpc.transcoding.responses.ResponseContext;
import io.rest2grpc.transcoding.routing.Route;

/** What a REST request comes to: a call of one RPC, or the 4xx response the server sends instead. */
public sealed interface Routed {
  /**
   * The request routes to {@code call}'s RPC by {@code route} and binds to {@code request}. For a
   * client-streaming RPC, {@code request.message()} holds what the path and query bound: the base
   * every streamed message starts from ({@code call.requestStream().get().reader(base)}).
   */
  record Call(MethodCall call, Route route, RestRequest rest, GrpcRequest request) implements Routed {
    /** What the response transcoder needs of the request. */
    public ResponseContext context() {
      return new ResponseContext(rest.method(), rest.path(), rest.query(), request.message());
    }
  }

  /**
   * No call: the engine answers {@code refusal} itself with {@code response}, in the API's error
   * format; {@code detail} says why (for a 400, which parameter and what was wrong with it).
   */
  record Refused(Refusal refusal, RestResponse response, String detail) implements Routed {}
}
