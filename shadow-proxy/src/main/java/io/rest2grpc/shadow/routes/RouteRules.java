package io.rest2grpc.shadow.routes;

import java.util.Map;

/** The rule of every RPC: its own where the configuration names it ({@code routes:}), the proxy-wide one otherwise. */
public record RouteRules(RouteRule defaults, Map<String, RouteRule> byRpc) {

  public RouteRules {
    byRpc = Map.copyOf(byRpc);
  }

  /** The rule of the RPC with this full name ({@code orders.v1.OrderService.GetOrder}). */
  public RouteRule rule(String rpc) {
    return byRpc.getOrDefault(rpc, defaults);
  }
}
