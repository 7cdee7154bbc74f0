package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PagingFixtures.FILTERS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.REQUEST;
import static io.rest2grpc.transcoding.paging.PagingFixtures.ids;
import static io.rest2grpc.transcoding.paging.PagingFixtures.TOKENS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.items;
import static io.rest2grpc.transcoding.paging.PagingFixtures.query;
import static io.rest2grpc.transcoding.paging.PagingFixtures.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.test.v1.ListWidgetsRequest;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A typed call maps the handler's items itself and asks the transform only for the paging fields
 * ({@link PagingTransform#toGrpcPage}): for every list whose REST page is a bare array, those agree
 * with what the JSON path ({@link PagingTransform#toGrpcResponse}) makes of the same REST answer.
 */
class TypedPageTest {
  private static final Pattern TOKEN = Pattern.compile("\"next_page_token\":\"([^\"]*)\"");
  private static final Pattern TOTAL = Pattern.compile("\"total_size\":(\\d+)");

  /** One REST answer of a list: the query it answered, its items and its headers. */
  private record Answer(Map<String, List<String>> query, int first, int count, RestHeaders headers) {}

  @Test
  void offsetPagesByTheTotalHeaderOrByFullness() {
    sameAsJson(PagingFixtures.offsetBareArray(), REQUEST,
        new Answer(query("offset", "0", "limit", "10"), 0, 10, headers("X-Total-Count", "25")),
        new Answer(query("offset", "20", "limit", "10"), 20, 5, headers("X-Total-Count", "25")),
        new Answer(query("offset", "10", "limit", "10"), 10, 10, RestHeaders.NONE),
        new Answer(query("offset", "10", "limit", "10"), 10, 3, RestHeaders.NONE));
  }

  @Test
  void pagesAndLinkPagingFollowTheLinkHeader() {
    RestHeaders next = headers("Link", "</w?page=3&per_page=10>; rel=\"next\"", "X-Total-Count", "45");
    sameAsJson(PagingFixtures.pageLink(), REQUEST,
        new Answer(query("page", "2", "per_page", "10"), 10, 10, next),
        new Answer(query("page", "5", "per_page", "10"), 40, 5, headers("X-Total-Count", "45")));
    sameAsJson(PagingFixtures.linkHeader(), REQUEST,
        new Answer(query("limit", "5"), 0, 5, headers("Link", "<https://api.example.com/w?max_id=7&limit=5>; rel=\"next\"")),
        new Answer(query("limit", "5"), 0, 2, RestHeaders.NONE));
  }

  @Test
  void aListWithoutRestPagingIsSlicedAsTheJsonPathSlicesIt() {
    RestPaging none = PagingFixtures.none();
    PagingTransform transform = transform(none);
    ListWidgetsRequest first = REQUEST.toBuilder().setPageSize(5).build();
    PagingTransform.Page page = transform.toGrpcPage(first, Map.of(), 23, RestHeaders.NONE);
    assertThat(List.of(page.from(), page.to())).containsExactly(0, 5);
    ListWidgetsRequest second = first.toBuilder().setPageToken(page.nextPageToken()).build();
    sameAsJson(none, second, new Answer(Map.of(), 0, 23, RestHeaders.NONE));
    sameAsJson(none, REQUEST, new Answer(Map.of(), 0, 23, RestHeaders.NONE));
  }

  @Test
  void listsWhosePagingIsInTheBodyAreNamedAndRefused() {
    assertThat(transform(PagingFixtures.offsetEntries()).needsTheBody()).get().asString()
        .contains("envelope (items at \"/entries\")");
    assertThat(transform(PagingFixtures.cursorLastItem()).needsTheBody()).get().asString().contains("/data");
    assertThat(transform(PagingFixtures.offsetBareArray()).needsTheBody()).isEmpty();
    assertThatThrownBy(() -> transform(PagingFixtures.cursorInBody()).toGrpcPage(REQUEST, Map.of(), 1, RestHeaders.NONE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("/members");
  }

  private static void sameAsJson(RestPaging paging, ListWidgetsRequest request, Answer... answers) {
    PagingTransform transform = transform(paging);
    for (Answer answer : answers) {
      String json = transform.toGrpcResponse(request, answer.query(),
          RestResponse.of(200, answer.headers(), "application/json", items(answer.first(), answer.count())));
      PagingTransform.Page page = transform.toGrpcPage(request, answer.query(), answer.count(), answer.headers());

      List<Integer> kept = ids(json);
      assertThat(kept.stream().map(id -> id - answer.first()).toList()).as("items kept for %s", answer)
          .isEqualTo(IntStream.range(page.from(), page.to()).boxed().toList());
      assertThat(position(page.nextPageToken())).as("next page of %s", answer).isEqualTo(position(first(TOKEN, json).orElse("")));
      assertThat(page.totalSize()).as("total of %s", answer).isEqualTo(first(TOTAL, json).map(BigInteger::new));
    }
  }

  private static Optional<RestPosition> position(String token) {
    return TOKENS.decode(token, FILTERS);
  }

  private static RestHeaders headers(String... namesAndValues) {
    List<RestHeaders.Header> headers = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(new RestHeaders.Header(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new RestHeaders(headers);
  }


  private static Optional<String> first(Pattern pattern, String json) {
    Matcher m = pattern.matcher(json);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
