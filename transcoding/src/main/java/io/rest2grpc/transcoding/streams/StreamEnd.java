package io.rest2grpc.transcoding.streams;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * How a written stream ends: the last bytes to send, and whether to end the HTTP body abnormally
 * afterwards (HTTP/1.1: close the connection without the last chunk; HTTP/2: RST_STREAM) so that a
 * client never takes a failed stream for a complete one.
 */
public record StreamEnd(ByteString lastBytes, boolean abort) {
  static final StreamEnd CLEAN = new StreamEnd(ByteString.EMPTY, false);

  public StreamEnd {
    Objects.requireNonNull(lastBytes, "lastBytes");
  }
}
