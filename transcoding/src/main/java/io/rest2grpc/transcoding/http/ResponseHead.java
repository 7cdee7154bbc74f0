package io.rest2grpc.transcoding.http;

import java.util.Objects;

/** The status and headers of a successful response; its body is the REST JSON codec's business. */
public record ResponseHead(int status, RestHeaders headers) {
  public ResponseHead {
    Objects.requireNonNull(headers, "headers");
  }
}
