package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PagingFixtures.FILTERS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.TOKENS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.items;
import static io.rest2grpc.transcoding.paging.PagingFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.rest2grpc.options.v1.PageEnd;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.test.v1.ListCallsResponse;
import io.rest2grpc.test.v1.ListChargesResponse;
import io.rest2grpc.test.v1.ListEntriesResponse;
import io.rest2grpc.test.v1.ListItemsResponse;
import io.rest2grpc.test.v1.ListMembersResponse;
import io.rest2grpc.test.v1.ListWidgetsResponse;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REST list response → gRPC response (through RestJson into the real message and back out) → REST
 * list response, for every legacy style and envelope, on a middle and a last page: the body must be
 * equivalent, the paging headers the same, and next_page_token must hold the legacy next position.
 */
class PagingResponseRoundTripTest {
  private static final RestJson JSON = RestJson.create();

  record Scenario(String name, RestPaging paging, Supplier<Message.Builder> response, String path,
      Map<String, List<String>> query, RestHeaders headers, String body, Optional<RestPosition> next) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Scenario> scenarios() {
    String twilio = "/2010-04-01/Accounts/AC1/Calls.json";
    String mastodon = "https://social.example/api/v1/accounts/1/followers";
    return Stream.of(
        new Scenario("offset/limit {entries, total_count, limit, offset}", PagingFixtures.offsetEntries(),
            ListEntriesResponse::newBuilder, "/2.0/folders/0/items", query("offset", "20", "limit", "10"), RestHeaders.NONE,
            "{\"total_count\":57,\"entries\":" + items(20, 10) + ",\"offset\":20,\"limit\":10}",
            Optional.of(RestPosition.offset(30))),
        new Scenario("offset/limit, last page", PagingFixtures.offsetEntries(),
            ListEntriesResponse::newBuilder, "/2.0/folders/0/items", query("offset", "50", "limit", "10"), RestHeaders.NONE,
            "{\"total_count\":57,\"entries\":" + items(50, 7) + ",\"offset\":50,\"limit\":10}", Optional.empty()),
        new Scenario("offset/limit, bare array with X-Total-Count", PagingFixtures.offsetBareArray(),
            ListWidgetsResponse::newBuilder, "/widgets", query("limit", "5"), RestHeaders.of("X-Total-Count", "12"),
            items(0, 5), Optional.of(RestPosition.offset(5))),
        new Scenario("page/per_page from 1, Link and X-Total-Count", PagingFixtures.pageLink(),
            ListWidgetsResponse::newBuilder, "https://api.example.com/v1/widgets",
            query("status", "open", "page", "2", "per_page", "3"),
            RestHeaders.of("X-Total-Count", "8",
                "Link", "<https://api.example.com/v1/widgets?status=open&page=3&per_page=3>; rel=\"next\""),
            items(3, 3), Optional.of(RestPosition.page(3, 3))),
        new Scenario("page/per_page from 1, last page", PagingFixtures.pageLink(),
            ListWidgetsResponse::newBuilder, "https://api.example.com/v1/widgets",
            query("status", "open", "page", "3", "per_page", "3"), RestHeaders.of("X-Total-Count", "8"),
            items(6, 2), Optional.empty()),
        new Scenario("page/per_page, Link first, prev, next and last (GitHub)", allLinks(PagingFixtures.pageLink()),
            ListWidgetsResponse::newBuilder, GITHUB, query("status", "open", "page", "2", "per_page", "3"),
            RestHeaders.of("X-Total-Count", "8", "Link", link("status=open&page=1&per_page=3", "first") + ", "
                + link("status=open&page=1&per_page=3", "prev") + ", " + link("status=open&page=3&per_page=3", "next") + ", "
                + link("status=open&page=3&per_page=3", "last")),
            items(3, 3), Optional.of(RestPosition.page(3, 3))),
        new Scenario("page/per_page, Link on the last page: no next", allLinks(PagingFixtures.pageLink()),
            ListWidgetsResponse::newBuilder, GITHUB, query("page", "3", "per_page", "3"),
            RestHeaders.of("X-Total-Count", "8", "Link", link("page=1&per_page=3", "first") + ", "
                + link("page=2&per_page=3", "prev") + ", " + link("page=3&per_page=3", "last")),
            items(6, 2), Optional.empty()),
        new Scenario("offset/limit, Link first, prev, next and last", allLinks(PagingFixtures.offsetBareArray().toBuilder()
                .setLinkHeader(true).build()),
            ListWidgetsResponse::newBuilder, GITHUB, query("limit", "5", "offset", "5"),
            RestHeaders.of("X-Total-Count", "12", "Link", link("limit=5&offset=0", "first") + ", " + link("limit=5&offset=0", "prev")
                + ", " + link("limit=5&offset=10", "next") + ", " + link("limit=5&offset=10", "last")),
            items(5, 5), Optional.of(RestPosition.offset(10))),
        new Scenario("page/size from 0, {items, total, next}", PagingFixtures.pageZeroBased(),
            ListItemsResponse::newBuilder, "/v1/items", query("page", "0", "size", "2"), RestHeaders.NONE,
            "{\"items\":" + items(0, 2) + ",\"total\":5,\"next\":\"/v1/items?page=1&size=2\"}",
            Optional.of(RestPosition.page(1, 2))),
        new Scenario("page/size from 0, last page", PagingFixtures.pageZeroBased(),
            ListItemsResponse::newBuilder, "/v1/items", query("page", "2", "size", "2"), RestHeaders.NONE,
            "{\"items\":" + items(4, 1) + ",\"total\":5,\"next\":null}", Optional.empty()),
        new Scenario("cursor, next cursor in the body", PagingFixtures.cursorInBody(),
            ListMembersResponse::newBuilder, "/api/users.list", query("limit", "2"), RestHeaders.NONE,
            "{\"ok\":true,\"members\":" + items(0, 2) + ",\"response_metadata\":{\"next_cursor\":\"dXNlcjpVMEc5V0ZYTlo=\"}}",
            Optional.of(RestPosition.cursor("dXNlcjpVMEc5V0ZYTlo="))),
        new Scenario("cursor, last page", PagingFixtures.cursorInBody(),
            ListMembersResponse::newBuilder, "/api/users.list", query("limit", "2", "cursor", "dXNlcjpVMEc5V0ZYTlo="),
            RestHeaders.NONE, "{\"ok\":true,\"members\":" + items(2, 1) + ",\"response_metadata\":{\"next_cursor\":null}}",
            Optional.empty()),
        new Scenario("cursor, last page ends with \"\" (Slack)", PagingFixtures.cursorInBody().toBuilder()
                .setPageEnd(PageEnd.PAGE_END_EMPTY).build(),
            ListMembersResponse::newBuilder, "/api/users.list", query("limit", "2", "cursor", "dXNlcjpVMEc5V0ZYTlo="),
            RestHeaders.NONE, "{\"ok\":true,\"members\":" + items(2, 1) + ",\"response_metadata\":{\"next_cursor\":\"\"}}",
            Optional.empty()),
        new Scenario("cursor, last page leaves the cursor out", PagingFixtures.cursorInBody().toBuilder()
                .setPageEnd(PageEnd.PAGE_END_ABSENT).build(),
            ListMembersResponse::newBuilder, "/api/users.list", query("limit", "2", "cursor", "dXNlcjpVMEc5V0ZYTlo="),
            RestHeaders.NONE, "{\"ok\":true,\"members\":" + items(2, 1) + ",\"response_metadata\":{}}",
            Optional.empty()),
        new Scenario("starting_after=<last id>, {data, has_more}", PagingFixtures.cursorLastItem(),
            ListChargesResponse::newBuilder, "/v1/charges", query("limit", "3"), RestHeaders.NONE,
            "{\"object\":\"list\",\"url\":\"/v1/charges\",\"has_more\":true,\"data\":" + items(0, 3) + "}",
            Optional.of(RestPosition.cursor("w2"))),
        new Scenario("starting_after, last page", PagingFixtures.cursorLastItem(),
            ListChargesResponse::newBuilder, "/v1/charges", query("limit", "3", "starting_after", "w2"), RestHeaders.NONE,
            "{\"object\":\"list\",\"url\":\"/v1/charges\",\"has_more\":false,\"data\":" + items(3, 3) + "}",
            Optional.empty()),
        new Scenario("Link rel=next only", PagingFixtures.linkHeader(),
            ListWidgetsResponse::newBuilder, mastodon, query("limit", "2"),
            RestHeaders.of("Link", "<" + mastodon + "?limit=2&max_id=7>; rel=\"next\""),
            items(0, 2), Optional.of(RestPosition.cursor("limit=2&max_id=7"))),
        new Scenario("Link rel=next, last page", PagingFixtures.linkHeader(),
            ListWidgetsResponse::newBuilder, mastodon, query("limit", "2", "max_id", "7"), RestHeaders.NONE,
            items(2, 1), Optional.empty()),
        new Scenario("next URL in the body {calls, next_page_uri, page, page_size}", PagingFixtures.nextUrlInBody(),
            ListCallsResponse::newBuilder, twilio, query("PageSize", "2"), RestHeaders.NONE,
            "{\"calls\":" + items(0, 2) + ",\"first_page_uri\":\"" + twilio + "?PageSize=2&Page=0\",\"end\":1,"
                + "\"next_page_uri\":\"" + twilio + "?PageSize=2&Page=1&PageToken=PACA1\",\"page\":0,\"page_size\":2,"
                + "\"previous_page_uri\":null,\"start\":0,\"uri\":\"" + twilio + "?PageSize=2&Page=0\"}",
            Optional.of(RestPosition.cursor("PageSize=2&Page=1&PageToken=PACA1"))),
        new Scenario("next URL in the body, last page", PagingFixtures.nextUrlInBody(),
            ListCallsResponse::newBuilder, twilio, query("PageSize", "2", "Page", "1", "PageToken", "PACA1"), RestHeaders.NONE,
            "{\"calls\":" + items(2, 1) + ",\"first_page_uri\":\"" + twilio + "?PageSize=2&Page=0\",\"end\":2,"
                + "\"next_page_uri\":null,\"page\":1,\"page_size\":2,"
                + "\"previous_page_uri\":\"" + twilio + "?PageSize=2&Page=0&PageToken=PBCA1\",\"start\":2,"
                + "\"uri\":\"" + twilio + "?PageSize=2&Page=1&PageToken=PACA1\"}",
            Optional.empty()),
        new Scenario("no paging", PagingFixtures.none(), ListWidgetsResponse::newBuilder, "/widgets", query(),
            RestHeaders.NONE, items(0, 4), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void restToGrpcToRestGivesAnEquivalentBodyAndTheSamePagingHeaders(Scenario s) {
    PagingTransform transform = PagingFixtures.transform(s.paging());
    RestResponse rest = RestResponse.of(200, s.headers(), "application/json", s.body());

    String grpcJson = transform.toGrpcResponse(s.query(), rest, FILTERS);
    Message grpc = JSON.parse(grpcJson, s.response().get()).build();
    RestListResponse back = transform.toRestResponse(JSON.print(grpc), s.path(), s.query(), FILTERS);

    Comparison body = RestJsonEquivalence.compare(s.body(), back.body());
    assertThat(body.equal()).as(body.describe() + "\ngRPC: " + grpcJson + "\nREST: " + back.body()).isTrue();
    assertThat(back.headers().list()).containsExactlyInAnyOrderElementsOf(pagingHeaders(s.headers()));
    String token = (String) grpc.getField(grpc.getDescriptorForType().findFieldByName("next_page_token"));
    assertThat(TOKENS.decode(token, FILTERS)).isEqualTo(s.next());
  }

  private static final String GITHUB = "https://api.example.com/v1/widgets";

  private static RestPaging allLinks(RestPaging paging) {
    return paging.toBuilder().addAllLinkRelations(List.of("first", "prev", "last")).build();
  }

  private static String link(String query, String relation) {
    return "<" + GITHUB + "?" + query + ">; rel=\"" + relation + "\"";
  }

  private static List<RestHeaders.Header> pagingHeaders(RestHeaders headers) {
    return headers.list().stream()
        .filter(h -> h.name().equalsIgnoreCase("Link") || h.name().equalsIgnoreCase("X-Total-Count"))
        .toList();
  }
}
