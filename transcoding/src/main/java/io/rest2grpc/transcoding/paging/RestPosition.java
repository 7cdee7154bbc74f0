package io.rest2grpc.transcoding.paging;

import java.util.Objects;

/**
 * Where the next page of a list starts, in the legacy REST API's own terms: exactly one of an
 * offset, a page number or a cursor. A page token carries one.
 */
public sealed interface RestPosition {

  /** Offset/limit APIs: the number of items to skip. */
  record Offset(long value) implements RestPosition {
    public Offset {
      if (value < 0) {
        throw new IllegalArgumentException("offset is " + value + "; an offset counts items to skip and is 0 or more");
      }
    }
  }

  /**
   * Page/per_page APIs: the page number as the legacy API counts it (from 0 or from 1), and the page
   * length it counts in, so a later request with another page_size can be translated.
   */
  record Page(long number, int size) implements RestPosition {
    public Page {
      if (number < 0) {
        throw new IllegalArgumentException("page number is " + number + "; legacy page numbers start at 0 or 1");
      }
      if (size <= 0) {
        throw new IllegalArgumentException("page size is " + size + "; pass the per_page the page number counts in (1 or more)");
      }
    }
  }

  /** Cursor APIs: the cursor the legacy API sent for the next page. */
  record Cursor(String value) implements RestPosition {
    public Cursor {
      Objects.requireNonNull(value, "value");
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            "the cursor is empty, which ends the list: answer an empty next_page_token instead of minting a token");
      }
    }
  }

  static RestPosition offset(long value) {
    return new Offset(value);
  }

  static RestPosition page(long number, int size) {
    return new Page(number, size);
  }

  static RestPosition cursor(String value) {
    return new Cursor(value);
  }
}
