package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PagingFixtures.REQUEST;
import static io.rest2grpc.transcoding.paging.PagingFixtures.transform;
import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.test.v1.ListWidgetsRequest;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A gRPC client walks a whole legacy collection through the generated server's two directions
 * (gRPC request → REST query → legacy API → gRPC response), changing page_size as it goes: every
 * item comes exactly once, in order, and the list ends with an empty token.
 */
class PagingCrawlTest {
  private static final int N = 23;
  private static final int[] PAGE_SIZES = {7, 10, 4, 0, 3};
  private static final Pattern ID = Pattern.compile("\"id\":\"w(\\d+)\"");

  /** A legacy API: the items [from, to) of the collection it serves for a query, as its response. */
  private record Legacy(RestPaging paging, Function<Map<String, String>, RestResponse> answer) {}

  @Test
  void offsetAndLimit() {
    crawl(PagingFixtures.offsetEntries(), q -> {
      int from = number(q, "offset", 0);
      int to = Math.min(N, from + number(q, "limit", 100));
      return json(RestHeaders.NONE, "{\"entries\":" + PagingFixtures.items(from, to - from) + ",\"total_count\":" + N + "}");
    });
  }

  @Test
  void pagesFromOneWithLinkHeaders() {
    crawl(PagingFixtures.pageLink(), q -> {
      int size = number(q, "per_page", 30);
      int page = number(q, "page", 1);
      int from = Math.min(N, (page - 1) * size);
      int to = Math.min(N, from + size);
      List<String> headers = new ArrayList<>(List.of("X-Total-Count", Integer.toString(N)));
      if (to < N) {
        headers.addAll(List.of("Link", "<https://h/w?page=" + (page + 1) + "&per_page=" + size + ">; rel=\"next\", "
            + "<https://h/w?page=1&per_page=" + size + ">; rel=\"first\""));
      }
      return json(RestHeaders.of(headers.toArray(String[]::new)), PagingFixtures.items(from, to - from));
    });
  }

  @Test
  void pagesFromZeroWithANextUrl() {
    crawl(PagingFixtures.pageZeroBased(), q -> {
      int size = number(q, "size", 20);
      int page = number(q, "page", 0);
      int from = Math.min(N, page * size);
      int to = Math.min(N, from + size);
      String next = to < N ? "\"/v1/items?page=" + (page + 1) + "&size=" + size + "\"" : "null";
      return json(RestHeaders.NONE, "{\"items\":" + PagingFixtures.items(from, to - from) + ",\"total\":" + N + ",\"next\":" + next + "}");
    });
  }

  @Test
  void cursorsInTheBody() {
    crawl(PagingFixtures.cursorInBody(), q -> {
      int from = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor").substring(1)) : 0;
      int to = Math.min(N, from + number(q, "limit", 5));
      return json(RestHeaders.NONE, "{\"ok\":true,\"members\":" + PagingFixtures.items(from, to - from)
          + ",\"response_metadata\":{\"next_cursor\":\"" + (to < N ? "c" + to : "") + "\"}}");
    });
  }

  @Test
  void startingAfterTheLastId() {
    crawl(PagingFixtures.cursorLastItem(), q -> {
      int from = q.containsKey("starting_after") ? Integer.parseInt(q.get("starting_after").substring(1)) + 1 : 0;
      int to = Math.min(N, from + number(q, "limit", 10));
      return json(RestHeaders.NONE, "{\"object\":\"list\",\"data\":" + PagingFixtures.items(from, to - from)
          + ",\"has_more\":" + (to < N) + "}");
    });
  }

  @Test
  void linkHeadersOnly() {
    crawl(PagingFixtures.linkHeader(), q -> {
      int from = q.containsKey("max_id") ? Integer.parseInt(q.get("max_id").substring(1)) : 0;
      int limit = number(q, "limit", 40);
      int to = Math.min(N, from + limit);
      RestHeaders headers = to < N
          ? RestHeaders.of("Link", "<https://h/f?limit=" + limit + "&max_id=m" + to + ">; rel=\"next\"")
          : RestHeaders.NONE;
      return json(headers, PagingFixtures.items(from, to - from));
    });
  }

  @Test
  void nextUrlsInTheBody() {
    crawl(PagingFixtures.nextUrlInBody(), q -> {
      int from = q.containsKey("PageToken") ? Integer.parseInt(q.get("PageToken").substring(2)) : 0;
      int size = number(q, "PageSize", 50);
      int to = Math.min(N, from + size);
      String next = to < N ? "\"/Calls.json?PageSize=" + size + "&Page=" + (number(q, "Page", 0) + 1) + "&PageToken=PA" + to + "\""
          : "null";
      return json(RestHeaders.NONE, "{\"calls\":" + PagingFixtures.items(from, to - from) + ",\"next_page_uri\":" + next + "}");
    });
  }

  private static void crawl(RestPaging paging, Function<Map<String, String>, RestResponse> legacy) {
    PagingTransform transform = transform(paging);
    List<Integer> seen = new ArrayList<>();
    ListWidgetsRequest request = REQUEST;
    for (int call = 0; call < 100; call++) {
      request = request.toBuilder().setPageSize(PAGE_SIZES[call % PAGE_SIZES.length]).build();
      Map<String, List<String>> restQuery = transform.toRestQuery(request);
      Map<String, String> single = new LinkedHashMap<>();
      restQuery.forEach((name, values) -> single.put(name, values.get(0)));

      String grpc = transform.toGrpcResponse(restQuery, legacy.apply(single), RequestFilters.hash(request));

      Matcher ids = ID.matcher(grpc);
      while (ids.find()) {
        seen.add(Integer.parseInt(ids.group(1)));
      }
      String token = grpc.replaceAll(".*\"next_page_token\":\"([^\"]*)\".*", "$1");
      if (token.isEmpty()) {
        assertThat(seen).as(paging.getStyle().name()).containsExactlyElementsOf(IntStream.range(0, N).boxed().toList());
        return;
      }
      request = request.toBuilder().setPageToken(token).build();
    }
    throw new AssertionError("the list did not end in 100 calls; seen " + seen);
  }

  private static int number(Map<String, String> query, String name, int absent) {
    return query.containsKey(name) ? Integer.parseInt(query.get(name)) : absent;
  }

  private static RestResponse json(RestHeaders headers, String body) {
    return RestResponse.of(200, headers, "application/json", body);
  }
}
