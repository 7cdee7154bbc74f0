package io.rest2grpc.shadow.primary;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** REST's answer as the comparison reads it: its headers, and its body decoded from its content coding. */
final class RestAnswers {

  private RestAnswers() {}

  /** Empty for a body in a coding the proxy does not read, or above {@code limit} bytes once decoded. */
  static Optional<RestResponse> of(int status, HttpHeaders upstream, byte[] body, int limit) {
    List<RestHeaders.Header> headers = new ArrayList<>();
    upstream.forEach(header -> headers.add(new RestHeaders.Header(header.getKey(), header.getValue())));
    String mediaType = upstream.get(HttpHeaderNames.CONTENT_TYPE, "");
    return ContentCodings.decoded(upstream.get(HttpHeaderNames.CONTENT_ENCODING), body, limit)
        .map(decoded -> new RestResponse(status, new RestHeaders(headers), mediaType, decoded));
  }
}
