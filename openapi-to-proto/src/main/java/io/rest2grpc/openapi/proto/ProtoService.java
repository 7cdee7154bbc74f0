package io.rest2grpc.openapi.proto;

import io.rest2grpc.options.v1.RestService;
import java.util.List;

/** A service; {@code options} holds the security the spec requires of all its operations. */
public record ProtoService(String name, String comment, List<ProtoRpc> rpcs, RestService options) {

  public ProtoService {
    rpcs = List.copyOf(rpcs);
  }

  public ProtoService withRpcs(List<ProtoRpc> rpcs) {
    return new ProtoService(name, comment, rpcs, options);
  }
}
