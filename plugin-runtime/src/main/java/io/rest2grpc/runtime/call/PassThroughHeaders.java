package io.rest2grpc.runtime.call;

import io.grpc.Metadata;
import io.rest2grpc.transcoding.requests.RequestSettings;
import io.rest2grpc.transcoding.http.RestHeaders;

/**
 * The app's pass-through response headers ({@link RequestSettings#DEFAULT_PASS_THROUGH}: trace context,
 * request ids) as response metadata. A REST response's documented headers cross by the contract's
 * options; these cross whatever the operation documents, as the engine carries them on requests.
 */
public final class PassThroughHeaders {

  private PassThroughHeaders() {}

  /** {@code metadata} with the app's pass-through headers added. */
  public static Metadata fromApp(RestHeaders app, Metadata metadata) {
    for (String name : RequestSettings.DEFAULT_PASS_THROUGH) {
      app.all(name).forEach(value -> metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
    }
    return metadata;
  }
}
