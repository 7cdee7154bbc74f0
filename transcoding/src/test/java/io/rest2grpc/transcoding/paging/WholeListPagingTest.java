package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PagingFixtures.REQUEST;
import static io.rest2grpc.transcoding.paging.PagingFixtures.ids;
import static io.rest2grpc.transcoding.paging.PagingFixtures.TOKENS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.items;
import static io.rest2grpc.transcoding.paging.PagingFixtures.transform;
import static io.rest2grpc.transcoding.paging.PagingRequestTest.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rest2grpc.test.v1.ListWidgetsRequest;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A list whose REST API has no paging keeps page_size and page_token (AIP-158: adding them later
 * breaks clients): the transform sends the REST API no paging parameter and slices the whole
 * collection it returns.
 */
class WholeListPagingTest {
  private static final int N = 23;
  private static final PagingTransform NONE = transform(PagingFixtures.none());

  /** The legacy API: always the whole collection, as a bare array. */
  private static RestResponse whole() {
    return RestResponse.of(200, RestHeaders.NONE, "application/json", items(0, N));
  }

  private static String page(ListWidgetsRequest request) {
    assertThat(NONE.toRestQuery(request)).isEmpty();
    return NONE.toGrpcResponse(request, NONE.toRestQuery(request), whole());
  }


  private static String token(String grpc) {
    return grpc.replaceAll(".*\"next_page_token\":\"([^\"]*)\".*", "$1");
  }

  @Test
  void pageSizeIsHonouredAndZeroIsTheWholeList() {
    String first = page(REQUEST.toBuilder().setPageSize(5).build());
    assertThat(ids(first)).containsExactly(0, 1, 2, 3, 4);
    assertThat(token(first)).isNotEmpty();

    String all = page(REQUEST);
    assertThat(ids(all)).hasSize(N);
    assertThat(token(all)).isEmpty();
  }

  @Test
  void aPageTokenResumesWhereThePreviousPageEndedWhateverThePageSize() {
    List<Integer> seen = new ArrayList<>();
    ListWidgetsRequest request = REQUEST;
    int[] sizes = {5, 7, 2, 20};
    for (int call = 0; call < 10; call++) {
      request = request.toBuilder().setPageSize(sizes[call % sizes.length]).build();
      String grpc = page(request);
      seen.addAll(ids(grpc));
      if (token(grpc).isEmpty()) {
        break;
      }
      request = request.toBuilder().setPageToken(token(grpc)).build();
    }
    assertThat(seen).containsExactlyElementsOf(IntStream.range(0, N).boxed().toList());
    assertThat(ids(page(REQUEST.toBuilder().setPageSize(3).setPageToken(TOKENS.mint(RestPosition.offset(21), PagingFixtures.FILTERS))
        .build()))).containsExactly(21, 22);
  }

  @Test
  void aListWithOnlyASizeParameterSendsPageSizeThereAndEndsAfterOnePage() {
    PagingTransform limited = transform(PagingFixtures.none().toBuilder().setSizeParameter("limit").build());
    ListWidgetsRequest request = REQUEST.toBuilder().setPageSize(5).build();
    Map<String, List<String>> query = limited.toRestQuery(request);
    assertThat(query).isEqualTo(Map.of("limit", List.of("5")));

    String grpc = limited.toGrpcResponse(request, query, RestResponse.of(200, RestHeaders.NONE, "application/json", items(0, 5)));
    assertThat(ids(grpc)).containsExactly(0, 1, 2, 3, 4);
    assertThat(token(grpc)).isEmpty();
  }

  @Test
  void anInvalidPageTokenIsAnInvalidArgument() {
    ListWidgetsRequest forged = REQUEST.toBuilder().setPageSize(5).setPageToken("not-a-token").build();
    ListWidgetsRequest otherFilters = REQUEST.toBuilder().setStatus("archived")
        .setPageToken(TOKENS.mint(RestPosition.offset(5), PagingFixtures.FILTERS)).build();
    ListWidgetsRequest cursor = REQUEST.toBuilder().setPageToken(TOKENS.mint(RestPosition.cursor("c1"), PagingFixtures.FILTERS)).build();

    for (ListWidgetsRequest bad : List.of(forged, otherFilters, cursor)) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> NONE.toGrpcResponse(bad, Map.of(), whole()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> NONE.toRestQuery(bad)).getStatus().getCode())
          .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
    assertThat(details(catchThrowableOfType(StatusRuntimeException.class, () -> NONE.toRestQuery(cursor)), ErrorInfo.class).getReason())
        .isEqualTo("PAGE_TOKEN_STYLE_MISMATCH");
  }
}
