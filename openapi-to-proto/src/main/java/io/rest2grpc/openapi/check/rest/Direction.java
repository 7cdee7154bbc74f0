package io.rest2grpc.openapi.check.rest;

/** Which way a schema travels: what breaks a request (the server accepts less) differs from what breaks a response. */
enum Direction {
  REQUEST,
  RESPONSE,
  /** Used by both, or by neither (a component no operation reaches is judged strictly). */
  BOTH;

  boolean request() {
    return this != RESPONSE;
  }

  boolean response() {
    return this != REQUEST;
  }
}
