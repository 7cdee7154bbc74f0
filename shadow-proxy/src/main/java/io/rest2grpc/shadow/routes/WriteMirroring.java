package io.rest2grpc.shadow.routes;

/** Whether a route's writes (POST, PUT, PATCH, DELETE) are mirrored, and where to. */
public enum WriteMirroring {
  /** Not mirrored: the gRPC side shares REST's database, so a mirrored write would apply twice. */
  OFF,
  /** Mirrored to the isolated candidate, an instance of the service with its own copy of the database. */
  CANDIDATE,
  /** Mirrored to the gRPC side REST shares its database with: every write applies twice. Logged at start. */
  UNSAFE
}
