package io.rest2grpc.transcoding.requests;

/**
 * What binding does with a query parameter, or a part of a multipart body, that names no field of
 * the request (transcoding README, "Requests").
 */
public enum UnknownParameters {
  /** Bind the rest and report the name ({@link GrpcRequest#unknownParameters()}), as a Spring MVC service ignores it. */
  IGNORE,
  /** Refuse the request: {@link InvalidRequest}, 400. */
  REJECT
}
