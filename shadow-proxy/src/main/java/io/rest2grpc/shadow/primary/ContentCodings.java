package io.rest2grpc.shadow.primary;

import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A REST body as it was before its {@code Content-Encoding}, for the comparison only: the client gets the encoded
 * bytes as they came.
 */
final class ContentCodings {

  private ContentCodings() {}

  /**
   * {@code body} decoded ({@code gzip}, {@code x-gzip}, {@code deflate}; none or {@code identity} as it is); empty for
   * another coding, a body that does not decode, or one above {@code limit} bytes decoded.
   */
  static Optional<ByteString> decoded(String contentEncoding, byte[] body, int limit) {
    String coding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    try {
      return switch (coding) {
        case "", "identity" -> Optional.of(ByteString.copyFrom(body));
        case "gzip", "x-gzip" -> read(new GZIPInputStream(new ByteArrayInputStream(body)), limit);
        case "deflate" -> read(new InflaterInputStream(new ByteArrayInputStream(body)), limit);
        default -> Optional.empty();
      };
    } catch (IOException notEncodedAsSaid) {
      return Optional.empty();
    }
  }

  private static Optional<ByteString> read(InputStream in, int limit) throws IOException {
    try (in) {
      byte[] decoded = in.readNBytes(limit + 1);
      return decoded.length > limit ? Optional.empty() : Optional.of(ByteString.copyFrom(decoded));
    }
  }
}
