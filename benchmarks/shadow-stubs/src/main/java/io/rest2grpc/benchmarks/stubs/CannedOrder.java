package io.rest2grpc.benchmarks.stubs;

import com.google.protobuf.DynamicMessage;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.responses.GrpcResponse;
import io.rest2grpc.transcoding.responses.ResponseTranscoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one answer every stub gives: {@code GET /v1/orders/1001} of the sample app's contract, an order with an
 * {@code ETag}. Written once in REST terms ({@code canned-order.json}); the gRPC stub answers it as the engine reads
 * it into the RPC's response and metadata, and the REST stubs answer it as the engine writes that gRPC answer back,
 * which is what the shadow proxy compares REST's answer with: parity by construction, through the engine under test.
 */
public record CannedOrder(io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> method, GrpcResponse.Success grpc, RestResponse rest) {
  public static final String PATH = "/v1/orders/1001";
  private static final String ETAG = "\"order-1001-v3\"";

  public static CannedOrder of(Path descriptorSet) throws IOException {
    HttpTranscoder engine = HttpTranscoder.of(descriptorSet);
    if (!(engine.toGrpc(RestRequest.of("GET", PATH, RestHeaders.NONE)) instanceof Routed.Call call)) {
      throw new IllegalStateException("the contract does not route GET " + PATH + " to an RPC");
    }
    ResponseTranscoder responses = call.call().responses().orElseThrow();
    String json;
    try (InputStream in = CannedOrder.class.getResourceAsStream("/canned-order.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    DynamicMessage order = RestJson.create().parse(json, DynamicMessage.newBuilder(call.call().method().getOutputType())).build();
    RestResponse written = RestResponse.of(200, RestHeaders.of("ETag", ETAG), "application/json", RestJson.create().print(order));
    GrpcResponse.Success grpc = (GrpcResponse.Success) responses.toGrpc(written, call.context());
    RestResponse rest = responses.toRest(grpc, call.context());
    return new CannedOrder(GrpcStub.unary(call.call().method()), grpc, rest);
  }
}
