/**
 * A unary method's responses, both ways: {@link io.rest2grpc.transcoding.responses.ResponseTranscoder}
 * turns a gRPC answer (a response message with its headers, or a Status) into the exact REST
 * response the legacy API gave, and a REST response into the gRPC answer
 * ({@link io.rest2grpc.transcoding.responses.GrpcResponse}), composing the success, error and paging
 * transforms and the REST JSON codec. The rules are in the transcoding README ("Responses").
 */
package io.rest2grpc.transcoding.responses;
