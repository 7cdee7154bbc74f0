package io.rest2grpc.shadow.routes;

/**
 * How a read whose answer depends on the traffic itself is compared (an audit trail listing the very requests being
 * shadowed: REST and gRPC read it at different moments, and only REST's calls are audited).
 */
public enum TrafficDependence {
  /** Not traffic-dependent: compared in full. */
  NONE,
  /** The body compares by its shape: the same paths with the same JSON types, array positions folded, values aside. */
  SHAPE,
  /** Only the status and the compared headers; the body is not compared. */
  STATUS
}
