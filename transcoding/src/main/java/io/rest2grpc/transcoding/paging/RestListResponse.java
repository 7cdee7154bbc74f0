package io.rest2grpc.transcoding.paging;

import io.rest2grpc.transcoding.http.RestHeaders;
import java.util.Objects;

/**
 * A REST list response rebuilt from a gRPC one: the JSON body and the paging headers
 * ({@code X-Total-Count} or whichever {@code total_header} names, {@code Link} with
 * {@code rel="next"}). The caller adds its status and its other headers.
 */
public record RestListResponse(String body, RestHeaders headers) {
  public RestListResponse {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headers, "headers");
  }
}
