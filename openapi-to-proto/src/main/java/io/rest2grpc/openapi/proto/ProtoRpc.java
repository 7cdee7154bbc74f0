package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.SourceLocation;

/**
 * One RPC; {@code http} is null when no HttpRule can express the operation (or it streams both
 * ways); {@code idempotency} is null when the method may have side effects on a retry; {@code source}
 * is the operation it was made from.
 */
public record ProtoRpc(String name, String comment, String requestType, TypeRef responseType, HttpRule http, boolean deprecated,
    boolean clientStreaming, boolean serverStreaming, Idempotency idempotency, SourceLocation source) {

  /** protobuf's {@code MethodOptions.IdempotencyLevel}, as far as the converter sets it. */
  public enum Idempotency {
    /** GET, HEAD: safe to call again. */
    NO_SIDE_EFFECTS,
    /** PUT, DELETE, or POST/PATCH with an idempotency key: calling again has the effect of calling once. */
    IDEMPOTENT
  }
}
