package io.rest2grpc.openapi.proto;

import java.util.List;

public record ProtoService(String name, String comment, List<ProtoRpc> rpcs) {}
