package io.rest2grpc.shadow.shadowing;

import io.grpc.Channel;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.WriteMirroring;
import java.util.Optional;

/** Where shadow calls go: reads and {@code unsafe} writes to the gRPC side, {@code candidate} writes to the candidate. */
public record ShadowTargets(Channel grpc, Optional<Channel> candidate) {

  /** The channel of a request on a route with {@code rule}; empty for a write the rule does not mirror. */
  public Optional<Channel> of(RouteRule rule, boolean safe) {
    if (safe || rule.writes() == WriteMirroring.UNSAFE) {
      return Optional.of(grpc);
    }
    return rule.writes() == WriteMirroring.CANDIDATE ? candidate : Optional.empty();
  }
}
