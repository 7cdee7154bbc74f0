package io.rest2grpc.maven.mappers;

/** Which way a mapper converts: DTO → proto (responses), proto → DTO (requests), or both. */
public enum Direction {
  TO_PROTO,
  FROM_PROTO,
  BOTH;

  public boolean toProto() {
    return this != FROM_PROTO;
  }

  public boolean fromProto() {
    return this != TO_PROTO;
  }
}
