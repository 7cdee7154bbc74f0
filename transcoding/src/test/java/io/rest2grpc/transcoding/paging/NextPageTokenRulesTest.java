package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PagingFixtures.FILTERS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.TOKENS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.items;
import static io.rest2grpc.transcoding.paging.PagingFixtures.query;
import static io.rest2grpc.transcoding.paging.PagingFixtures.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** next_page_token is empty only at the known end of the collection. */
class NextPageTokenRulesTest {

  private static Optional<RestPosition> next(RestPaging paging, Map<String, List<String>> query, RestHeaders headers,
      String body) {
    String json = transform(paging).toGrpcResponse(query, RestResponse.of(200, headers, "application/json", body), FILTERS);
    String token = json.replaceAll(".*\"next_page_token\":\"([^\"]*)\".*", "$1");
    return TOKENS.decode(token, FILTERS);
  }

  private static Optional<RestPosition> offsetPage(String sizeAndTotal, int returned) {
    return next(PagingFixtures.offsetEntries(), query("offset", "10", "limit", "10"), RestHeaders.NONE,
        "{\"entries\":" + items(10, returned) + sizeAndTotal + "}");
  }

  @Test
  void offsetWithoutHasMoreOrTotalGoesOnWhileThePageIsFull() {
    assertThat(offsetPage("", 10)).contains(RestPosition.offset(20));
    assertThat(offsetPage("", 9)).isEmpty();
  }

  @Test
  void aTotalDecidesOverFullness() {
    assertThat(offsetPage(",\"total_count\":25", 4)).contains(RestPosition.offset(14)); // a short page, not the end
    assertThat(offsetPage(",\"total_count\":20", 10)).isEmpty();                       // full, and the last
    assertThat(next(PagingFixtures.offsetBareArray(), query("offset", "3"), RestHeaders.of("x-total-count", "5"), items(3, 2)))
        .isEmpty();
  }

  @Test
  void aTotalWithAHugeExponentIsNoCountAndCostsNothing() {
    // its plain form would be a billion digits: read as no total, the page's fullness decides
    assertThat(offsetPage(",\"total_count\":1e999999999", 10)).contains(RestPosition.offset(20));
    assertThat(offsetPage(",\"total_count\":2.5e1", 4)).as("a plain 25").contains(RestPosition.offset(14));
  }

  @Test
  void aMoreFlagDecidesOverEverythingElse() {
    RestPaging withFlag = PagingFixtures.offsetEntries().toBuilder().setHasMore("/has_more").build();
    Map<String, List<String>> query = query("offset", "10", "limit", "10");

    assertThat(next(withFlag, query, RestHeaders.NONE, "{\"entries\":" + items(10, 3) + ",\"has_more\":true}"))
        .contains(RestPosition.offset(13));
    assertThat(next(withFlag, query, RestHeaders.NONE,
        "{\"entries\":" + items(10, 10) + ",\"has_more\":false,\"total_count\":99}")).isEmpty();
  }

  @Test
  void withNoPageLengthKnownAnyItemMayHaveMoreAfterIt() {
    assertThat(next(PagingFixtures.offsetBareArray(), query(), RestHeaders.NONE, items(0, 3))).contains(RestPosition.offset(3));
    assertThat(next(PagingFixtures.offsetBareArray(), query("offset", "3"), RestHeaders.NONE, "[]")).isEmpty();
  }

  @Test
  void pagesUseTheDefaultLengthAndALegacyNextLinkWhenThereIsOne() {
    RestPaging noLink = PagingFixtures.pageLink().toBuilder().setLinkHeader(false).clearTotalHeader().build();

    assertThat(next(noLink, query("page", "2"), RestHeaders.NONE, items(30, 30))).contains(RestPosition.page(3, 30));
    assertThat(next(noLink, query("page", "2"), RestHeaders.NONE, items(30, 29))).isEmpty();
    assertThat(next(PagingFixtures.pageLink(), query("page", "2"), RestHeaders.NONE, items(30, 30))).isEmpty();
  }

  @Test
  void aNextCursorThatIsNullEmptyOrAbsentEndsTheList() {
    for (String end : List.of("{\"next_cursor\":null}", "{\"next_cursor\":\"\"}", "{}")) {
      assertThat(next(PagingFixtures.cursorInBody(), query("limit", "2"), RestHeaders.NONE,
          "{\"members\":" + items(0, 2) + ",\"response_metadata\":" + end + "}")).as(end).isEmpty();
    }
    RestPaging withFlag = PagingFixtures.cursorInBody().toBuilder().setHasMore("/has_more").build();
    assertThat(next(withFlag, query(), RestHeaders.NONE,
        "{\"members\":[],\"has_more\":false,\"response_metadata\":{\"next_cursor\":\"abc\"}}")).isEmpty();
  }

  @Test
  void theLastItemsCursorContinuesOnlyWhileThereIsMore() {
    assertThat(next(PagingFixtures.cursorLastItem(), query(), RestHeaders.NONE,
        "{\"data\":[{\"id\":42}],\"has_more\":true}")).contains(RestPosition.cursor("42"));
    assertThat(next(PagingFixtures.cursorLastItem(), query("limit", "3"), RestHeaders.NONE,
        "{\"data\":" + items(0, 3) + "}")).contains(RestPosition.cursor("w2")); // full, no flag
    assertThat(next(PagingFixtures.cursorLastItem(), query(), RestHeaders.NONE,
        "{\"data\":" + items(0, 3) + ",\"has_more\":false}")).isEmpty();
    assertThatThrownBy(() -> next(PagingFixtures.cursorLastItem(), query(), RestHeaders.NONE,
        "{\"data\":[{\"name\":\"x\"}],\"has_more\":true}"))
        .hasMessageContaining("has no 'id' (RestPaging.cursor_item_member)");
  }

  @Test
  void linkPagingEndsWhenThereIsNoNextLink() {
    RestHeaders prevOnly = RestHeaders.of("Link", "<https://h/x?limit=2&min_id=9>; rel=\"prev\"");

    assertThat(next(PagingFixtures.linkHeader(), query("limit", "2"), prevOnly, items(0, 2))).isEmpty();
    assertThat(next(PagingFixtures.nextUrlInBody(), query(), RestHeaders.NONE, "{\"calls\":[],\"next_page_uri\":null}"))
        .isEmpty();
  }

  @Test
  void aListWithoutPagingAlwaysEnds() {
    assertThat(next(PagingFixtures.none(), query(), RestHeaders.NONE, items(0, 1000))).isEmpty();
  }

  @Test
  void aResponseWithoutTheItemsIsAClearError() {
    assertThatThrownBy(() -> next(PagingFixtures.cursorLastItem(), query(), RestHeaders.NONE, "{\"items\":[]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no array at \"/data\" (RestPaging.items)");
    assertThatThrownBy(() -> next(PagingFixtures.cursorLastItem(), query(), RestHeaders.NONE, "{\"data\":"))
        .hasMessageContaining("the REST list response body is not JSON");
  }
}
