package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.diagnostics.SourceLocation;

/**
 * One RPC; {@code http} is null when no HttpRule can express the operation (or it streams both
 * ways); {@code idempotency} is null when the method may have side effects on a retry; {@code source}
 * is the operation it was made from; {@code options} what the operation says beyond proto and HttpRule.
 */
public record ProtoRpc(String name, String comment, String requestType, TypeRef responseType, HttpRule http, boolean deprecated,
    boolean clientStreaming, boolean serverStreaming, Idempotency idempotency, SourceLocation source, RpcOptions options) {

  /** protobuf's {@code MethodOptions.IdempotencyLevel}, as far as the converter sets it. */
  public enum Idempotency {
    /** GET, HEAD: safe to call again. */
    NO_SIDE_EFFECTS,
    /** PUT, DELETE, or POST/PATCH with an idempotency key: calling again has the effect of calling once. */
    IDEMPOTENT
  }

  public ProtoRpc withTypes(String requestType, TypeRef responseType) {
    return new ProtoRpc(name, comment, requestType, responseType, http, deprecated, clientStreaming, serverStreaming, idempotency,
        source, options);
  }

  public ProtoRpc withHttp(HttpRule http) {
    return new ProtoRpc(name, comment, requestType, responseType, http, deprecated, clientStreaming, serverStreaming, idempotency,
        source, options);
  }
}
