package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PageTokenKeysTest.secret;

import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.test.v1.ListWidgetsRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The RestPaging of each legacy style the tests use, and the helpers they share. */
final class PagingFixtures {
  static final PageTokens TOKENS = PageTokens.create(PageTokenKeys.of("k1", Map.of("k1", secret(1))));
  static final ListWidgetsRequest REQUEST = ListWidgetsRequest.newBuilder().setParent("shelves/1").setStatus("active").build();
  static final FiltersHash FILTERS = RequestFilters.hash(REQUEST);

  private static final Pattern ITEM_ID = Pattern.compile("\"id\":\"w(\\d+)\"");

  private PagingFixtures() {}

  /** offset/limit, {entries, total_count, limit, offset} (Box). */
  static RestPaging offsetEntries() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_OFFSET).setOffsetParameter("offset")
        .setSizeParameter("limit").setItems("/entries").setTotal("/total_count").setDefaultPageSize(100)
        .setMaxPageSize(1000).setItemsField("entries").build();
  }

  /** offset/limit, a bare array with X-Total-Count. */
  static RestPaging offsetBareArray() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_OFFSET).setOffsetParameter("offset")
        .setSizeParameter("limit").setItems("").setTotalHeader("X-Total-Count").setItemsField("widgets").build();
  }

  /** page/per_page from 1, a bare array with Link and X-Total-Count (GitHub). */
  static RestPaging pageLink() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_PAGE).setPageParameter("page").setFirstPage(1)
        .setSizeParameter("per_page").setItems("").setLinkHeader(true).setTotalHeader("X-Total-Count")
        .setDefaultPageSize(30).setMaxPageSize(100).setItemsField("widgets").build();
  }

  /** page/size from 0, {items, total, next}. */
  static RestPaging pageZeroBased() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_PAGE).setPageParameter("page").setFirstPage(0)
        .setSizeParameter("size").setItems("/items").setTotal("/total").setNextUrl("/next")
        .setDefaultPageSize(20).setItemsField("items").build();
  }

  /** cursor with the next cursor in the body, {ok, members, response_metadata: {next_cursor}} (Slack). */
  static RestPaging cursorInBody() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_CURSOR).setCursorParameter("cursor")
        .setSizeParameter("limit").setItems("/members").setNextCursor("/response_metadata/next_cursor")
        .setItemsField("members").build();
  }

  /** starting_after=<last id>, {object, data, has_more, url} (Stripe). */
  static RestPaging cursorLastItem() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_CURSOR).setCursorParameter("starting_after")
        .setSizeParameter("limit").setItems("/data").setCursorItemMember("id").setHasMore("/has_more")
        .setDefaultPageSize(10).setMaxPageSize(100).setItemsField("data").build();
  }

  /** Link rel="next" only, a bare array (Mastodon). */
  static RestPaging linkHeader() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_LINK).setSizeParameter("limit").setItems("")
        .setLinkHeader(true).setDefaultPageSize(40).setMaxPageSize(80).setItemsField("widgets").build();
  }

  /** The next page's URL in the body, {calls, next_page_uri, page, page_size, …} (Twilio). */
  static RestPaging nextUrlInBody() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_CURSOR).setCursorParameter("PageToken")
        .setSizeParameter("PageSize").setItems("/calls").setNextUrl("/next_page_uri").setDefaultPageSize(50)
        .setMaxPageSize(1000).setItemsField("calls").build();
  }

  /** No paging: the whole collection as a bare array. */
  static RestPaging none() {
    return RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_NONE).setItems("").setItemsField("widgets").build();
  }

  static PagingTransform transform(RestPaging paging) {
    return PagingTransform.of(paging, TOKENS);
  }

  /** {@code query("offset", "20", "limit", "10")}: names and values in pairs, in order. */
  static Map<String, List<String>> query(String... namesAndValues) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return query;
  }

  /** {@code n} items {"id": "w<first>"}, … as a JSON array. */
  static String items(int first, int n) {
    StringBuilder json = new StringBuilder("[");
    for (int i = first; i < first + n; i++) {
      json.append(i == first ? "" : ",").append("{\"id\":\"w").append(i).append("\",\"n\":").append(i).append('}');
    }
    return json.append(']').toString();
  }

  /** The numbers of the {@link #items} ("w<n>") in a JSON text, in order. */
  static List<Integer> ids(String json) {
    List<Integer> ids = new ArrayList<>();
    Matcher m = ITEM_ID.matcher(json);
    while (m.find()) {
      ids.add(Integer.parseInt(m.group(1)));
    }
    return ids;
  }
}
