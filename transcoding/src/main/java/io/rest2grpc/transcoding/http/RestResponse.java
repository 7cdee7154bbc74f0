package io.rest2grpc.transcoding.http;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * An HTTP response as seen on the wire, as a servlet filter, a Netty proxy or a gRPC server can
 * capture it.
 *
 * @param status the HTTP status
 * @param headers the response headers, without {@code Content-Type}
 * @param mediaType the {@code Content-Type} as sent, parameters included; empty (or {@code null},
 *     as a servlet answers) when there was none
 * @param body the body bytes; empty when there was none
 */
public record RestResponse(int status, RestHeaders headers, String mediaType, ByteString body) {
  public RestResponse {
    Objects.requireNonNull(headers, "headers");
    mediaType = mediaType == null ? "" : mediaType;
    Objects.requireNonNull(body, "body");
  }

  /** A response with a text body, encoded as UTF-8. */
  public static RestResponse of(int status, RestHeaders headers, String mediaType, String body) {
    return new RestResponse(status, headers, mediaType, ByteString.copyFromUtf8(body));
  }
}
