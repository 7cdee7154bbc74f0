package io.rest2grpc.transcoding.paging;

import io.rest2grpc.transcoding.http.QueryString;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.paging.PagingLayout.TokenKind;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The next_page_token rules: where the next page of a legacy list response starts, or empty at the
 * known end of the collection. Evidence in order: the body's "more" flag; the legacy API's own next
 * cursor or next URL (when it has one, its absence is the end); the total, when this page's offset
 * is known; else a full page (or, with no page length known, any item) means there may be more.
 */
final class NextPage {
  private final PagingLayout layout;
  private final RestQueryPaging queryPaging;

  NextPage(PagingLayout layout, RestQueryPaging queryPaging) {
    this.layout = layout;
    this.queryPaging = queryPaging;
  }

  /**
   * What a legacy list response says about the pages after it.
   *
   * @param count how many items it holds
   * @param lastItem its last item, where the next cursor may come from it; empty for an empty page
   *     or one counted without its items ({@link #counted})
   */
  record Facts(int count, Optional<Object> lastItem, Optional<Boolean> hasMore, Optional<BigInteger> total,
      Optional<String> nextCursor, Optional<String> nextUrl) {}

  /** The items of a list response body (a parsed {@link JsonTree}). */
  List<Object> items(Object body) {
    List<Object> items = JsonTree.asArray(TreePointers.find(layout.items(), body).orElse(null));
    if (items == null) {
      throw new IllegalArgumentException("the REST list response has no array at \"" + layout.items()
          + "\" (RestPaging.items); check that the legacy response matches the contract");
    }
    return items;
  }

  /** Reads the facts from the body (a parsed {@link JsonTree}), its {@link #items} and the headers. */
  Facts facts(Object body, List<Object> items, RestHeaders headers) {
    Optional<Boolean> hasMore = layout.hasMore().flatMap(p -> TreePointers.find(p, body))
        .filter(Boolean.class::isInstance).map(Boolean.class::cast);
    Optional<String> nextUrl = nextLink(headers).or(() -> layout.nextUrl().flatMap(p -> TreePointers.find(p, body)).map(JsonTree::scalarText));
    Optional<String> nextCursor = layout.nextCursor().flatMap(p -> TreePointers.find(p, body)).map(JsonTree::scalarText);
    return new Facts(items.size(), items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1)), hasMore,
        total(headers).or(() -> layout.total().flatMap(p -> TreePointers.find(p, body)).map(JsonTree::scalarText))
            .flatMap(NextPage::wholeNumber),
        nextCursor.filter(c -> !c.isEmpty()), nextUrl.filter(u -> !u.isEmpty()));
  }

  /**
   * The facts of a page whose body is the bare array of its {@code count} items, seen without them:
   * all the paging is in the query and the headers ({@link PagingTransform#needsTheBody} is empty).
   */
  Facts counted(int count, RestHeaders headers) {
    return new Facts(count, Optional.empty(), Optional.empty(), total(headers).flatMap(NextPage::wholeNumber), Optional.empty(),
        nextLink(headers).filter(u -> !u.isEmpty()));
  }

  private Optional<String> total(RestHeaders headers) {
    return layout.paging().getTotalHeader().isEmpty() ? Optional.empty() : headers.first(layout.paging().getTotalHeader());
  }

  private Optional<String> nextLink(RestHeaders headers) {
    return layout.paging().getLinkHeader() ? LinkHeader.next(headers.all("Link")) : Optional.empty();
  }

  /** The position of the next page, or empty at the end; {@code query} is the request that got this page. */
  Optional<RestPosition> after(Map<String, List<String>> query, Facts facts) {
    TokenKind kind = layout.kind();
    if (kind == TokenKind.NONE || facts.hasMore().filter(more -> !more).isPresent()) {
      return Optional.empty();
    }
    if (kind == TokenKind.CURSOR && layout.nextCursor().isPresent()) {
      return facts.nextCursor().map(RestPosition::cursor);
    }
    if (kind == TokenKind.QUERY) {
      return facts.nextUrl().map(NextPage::queryOf);
    }
    boolean more = facts.hasMore().isPresent()
        || (layout.hasNextUrl() ? facts.nextUrl().isPresent() : moreByCount(query, facts));
    if (!more) {
      return Optional.empty();
    }
    int returned = facts.count();
    return switch (kind) {
      case OFFSET -> Optional.of(RestPosition.offset(queryPaging.startOffset(query).getAsLong() + returned));
      case PAGE -> Optional.of(RestPosition.page(queryPaging.page(query) + 1, queryPaging.servedSize(query).getAsInt()));
      default -> lastItemCursor(facts.lastItem()); // CURSOR from cursor_item_member
    };
  }

  private boolean moreByCount(Map<String, List<String>> query, Facts facts) {
    int returned = facts.count();
    OptionalLong start = queryPaging.startOffset(query);
    if (facts.total().isPresent() && start.isPresent()) {
      return facts.total().get().compareTo(BigInteger.valueOf(start.getAsLong() + returned)) > 0;
    }
    OptionalInt size = queryPaging.servedSize(query);
    return size.isPresent() ? returned >= size.getAsInt() : returned > 0;
  }

  private Optional<RestPosition> lastItemCursor(Optional<Object> lastItem) {
    if (lastItem.isEmpty()) {
      return Optional.empty(); // no item to continue after
    }
    String member = layout.paging().getCursorItemMember();
    Map<String, Object> last = JsonTree.asObject(lastItem.get());
    String cursor = last == null || !last.containsKey(member) ? null : JsonTree.scalarText(last.get(member));
    if (cursor == null || cursor.isEmpty()) {
      throw new IllegalArgumentException("the last item of the REST list response has no '" + member
          + "' (RestPaging.cursor_item_member) to continue after; check that the legacy response matches the contract");
    }
    return Optional.of(RestPosition.cursor(cursor));
  }

  private static RestPosition queryOf(String nextUrl) {
    String query = QueryString.ofUrl(nextUrl);
    if (query.isEmpty()) {
      throw new IllegalArgumentException("the legacy next-page URL " + nextUrl
          + " has no query, so it cannot be told from the first page; LINK paging carries the next URL's query");
    }
    return RestPosition.cursor(query);
  }

  private static Optional<BigInteger> wholeNumber(String text) {
    try {
      return Optional.of(new BigInteger(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a total that is not a count is no evidence
    }
  }
}
