package io.rest2grpc.transcoding.paging;

import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.Optional;

/**
 * A {@link RestPaging} checked once, with its JSON pointers parsed and the kind of position its
 * page tokens carry decided.
 */
record PagingLayout(
    RestPaging paging,
    TokenKind kind,
    JsonPointer items,
    Optional<JsonPointer> hasMore,
    Optional<JsonPointer> total,
    Optional<JsonPointer> nextCursor,
    Optional<JsonPointer> nextUrl) {

  /** What a page token carries. */
  enum TokenKind {
    OFFSET,
    PAGE,
    /** The legacy cursor, from {@code next_cursor} or the last item's {@code cursor_item_member}. */
    CURSOR,
    /** The query of the legacy API's next-page URL (LINK, or CURSOR known only through that URL). */
    QUERY,
    NONE
  }

  static PagingLayout of(RestPaging paging) {
    if (paging.getItemsField().isEmpty()) {
      throw invalid(paging, "has no items_field; name the repeated field of the gRPC response that holds the items");
    }
    int min = paging.getMinPageSize();
    int max = paging.getMaxPageSize();
    int standard = paging.getDefaultPageSize();
    if (min < 0 || standard < 0 || max < 0 || max > 0 && (standard > max || min > max) || standard > 0 && standard < min) {
      throw invalid(paging, "has min_page_size " + min + ", default_page_size " + standard + " and max_page_size " + max
          + "; each is 0 (unknown) or positive, the default and the minimum at most the maximum, the default at least the minimum");
    }
    return new PagingLayout(paging, kind(paging),
        TreePointers.parse(paging.getItems(), "items"),
        pointer(paging.getHasMore(), "has_more"),
        pointer(paging.getTotal(), "total"),
        pointer(paging.getNextCursor(), "next_cursor"),
        pointer(paging.getNextUrl(), "next_url"));
  }

  /** The legacy API says where the next page is: a {@code Link} header or a URL in the body. */
  boolean hasNextUrl() {
    return paging.getLinkHeader() || nextUrl.isPresent();
  }

  private static TokenKind kind(RestPaging paging) {
    PagingStyle style = paging.getStyle();
    switch (style) {
      case PAGING_STYLE_OFFSET -> {
        require(paging, !paging.getOffsetParameter().isEmpty(), "offset_parameter");
        return TokenKind.OFFSET;
      }
      case PAGING_STYLE_PAGE -> {
        require(paging, !paging.getPageParameter().isEmpty(), "page_parameter");
        // a page number means nothing without the page length it counts in
        require(paging, paging.getDefaultPageSize() > 0, "default_page_size (the legacy default page length)");
        if (paging.getFirstPage() < 0) {
          throw invalid(paging, "has first_page " + paging.getFirstPage() + "; legacy pages count from 0 or 1");
        }
        return TokenKind.PAGE;
      }
      case PAGING_STYLE_CURSOR -> {
        require(paging, !paging.getCursorParameter().isEmpty(), "cursor_parameter");
        if (!paging.getNextCursor().isEmpty() || !paging.getCursorItemMember().isEmpty()) {
          return TokenKind.CURSOR;
        }
        require(paging, paging.getLinkHeader() || !paging.getNextUrl().isEmpty(),
            "next_cursor, cursor_item_member, next_url or link_header (where the next cursor comes from)");
        return TokenKind.QUERY;
      }
      case PAGING_STYLE_LINK -> {
        require(paging, paging.getLinkHeader() || !paging.getNextUrl().isEmpty(), "next_url or link_header");
        return TokenKind.QUERY;
      }
      case PAGING_STYLE_NONE -> {
        return TokenKind.NONE;
      }
      default -> throw invalid(paging, "has style " + style + "; set one of OFFSET, PAGE, CURSOR, LINK or NONE");
    }
  }

  private static Optional<JsonPointer> pointer(String text, String what) {
    return text.isEmpty() ? Optional.empty() : Optional.of(TreePointers.parse(text, what));
  }

  private static void require(RestPaging paging, boolean present, String what) {
    if (!present) {
      throw invalid(paging, "of style " + paging.getStyle() + " has no " + what + "; set it (x-grpc-pagination)");
    }
  }

  private static IllegalArgumentException invalid(RestPaging paging, String problem) {
    return new IllegalArgumentException("RestPaging " + problem);
  }
}
