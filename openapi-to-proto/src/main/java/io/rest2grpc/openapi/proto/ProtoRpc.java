package io.rest2grpc.openapi.proto;

/** One RPC; {@code http} is null when no HttpRule can express the operation. */
public record ProtoRpc(
    String name, String comment, String requestType, TypeRef responseType, HttpRule http, boolean deprecated) {}
