package io.rest2grpc.sample.user;

import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.error.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Opaque cursors for keyset paging over user ids: base64url of {@code after:<id>}. */
final class Cursors {

  private static final String PREFIX = "after:";

  private Cursors() {}

  static String after(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
  }

  static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return Long.parseLong(text.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CURSOR", "The cursor is not one this API issued",
        List.of(new FieldViolation("cursor", "pass the next_cursor of a previous page unchanged")));
  }
}
