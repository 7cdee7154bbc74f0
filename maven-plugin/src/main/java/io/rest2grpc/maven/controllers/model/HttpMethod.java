package io.rest2grpc.maven.controllers.model;

/** The HTTP methods a mapping can name, as in Spring's {@code RequestMethod}. */
public enum HttpMethod {
  GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE
}
