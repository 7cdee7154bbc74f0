package io.rest2grpc.transcoding.http;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * A REST request as it travels: the method, the path as sent (percent-encoded), the query without
 * its {@code ?} ("" when none), the headers, and the body with its media type ("" when there is no
 * body). As with {@link RestResponse}, {@code Content-Type} is {@link #contentType()}, not a header.
 */
public record RestRequest(String method, String path, String query, RestHeaders headers, String contentType, ByteString body) {
  public RestRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  /** A request without a body, for a target ({@code /v1/orders?limit=5}). */
  public static RestRequest of(String method, String target, RestHeaders headers) {
    return of(method, target, headers, "", ByteString.EMPTY);
  }

  /** A request for a target ({@code /v1/orders?limit=5}) with a body. */
  public static RestRequest of(String method, String target, RestHeaders headers, String contentType, ByteString body) {
    int q = target.indexOf('?');
    return new RestRequest(method, q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
        headers, contentType, body);
  }

  /** The path and query, as in a request line. */
  public String target() {
    return query.isEmpty() ? path : path + "?" + query;
  }
}
