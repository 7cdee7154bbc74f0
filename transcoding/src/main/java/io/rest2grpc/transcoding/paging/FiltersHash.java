package io.rest2grpc.transcoding.paging;

import com.google.protobuf.ByteString;
import java.util.HexFormat;

/**
 * The hash of a list request's filters ({@link RequestFilters#hash}): the first 16 bytes of a
 * SHA-256. A page token carries it so that it only continues the list it was minted for. 128 bits
 * tell filters apart with room to spare; a collision would only let a client continue a list with
 * filters it chose itself, since a token never authorizes anything.
 */
public record FiltersHash(ByteString bytes) {
  public static final int LENGTH = 16;

  public FiltersHash {
    if (bytes.size() != LENGTH) {
      throw new IllegalArgumentException("a filters hash is " + LENGTH + " bytes, not " + bytes.size()
          + "; compute it with RequestFilters.hash");
    }
  }

  @Override
  public String toString() {
    return "FiltersHash[" + HexFormat.of().formatHex(bytes.toByteArray()) + "]";
  }
}
