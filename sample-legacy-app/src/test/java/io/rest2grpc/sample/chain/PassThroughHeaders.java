package io.rest2grpc.sample.chain;

import io.grpc.Metadata;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.requests.RequestSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The pass-through headers ({@link RequestSettings#DEFAULT_PASS_THROUGH}: trace context, request
 * ids) on the way back. The engine carries them from a REST request into metadata; a response
 * carries only the headers its operation documents, and the sample's contract documents
 * {@code X-Request-Id} on one response though the app sends it on all. So the front does what a
 * facade would: the generated services return the app's pass-through headers as response metadata
 * (the runtime's bridge), the front writes them back where the engine's response has none.
 */
final class PassThroughHeaders {

  private PassThroughHeaders() {}

  /** {@code response} with the pass-through entries of {@code metadata} it lacks, as headers. */
  static RestResponse toRest(RestResponse response, Metadata metadata) {
    return new RestResponse(response.status(), with(response.headers(), metadata), response.mediaType(), response.body());
  }

  /** {@code headers} and the pass-through entries of {@code metadata} they lack. */
  static RestHeaders with(RestHeaders headers, Metadata metadata) {
    List<RestHeaders.Header> all = new ArrayList<>(headers.list());
    for (String name : RequestSettings.DEFAULT_PASS_THROUGH) {
      Iterable<String> values = metadata.getAll(key(name));
      if (values != null && headers.first(name).isEmpty()) {
        values.forEach(value -> all.add(new RestHeaders.Header(name, value)));
      }
    }
    return new RestHeaders(all);
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
