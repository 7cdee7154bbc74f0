package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PagingFixtures.FILTERS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.REQUEST;
import static io.rest2grpc.transcoding.paging.PagingFixtures.TOKENS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.query;
import static io.rest2grpc.transcoding.paging.PagingFixtures.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.DynamicMessage;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.test.v1.ListWidgetsRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PagingRequestTest {

  /** The REST → gRPC request, then back: the REST paging parameters the legacy API gets. */
  private static ListWidgetsRequest toGrpc(RestPaging paging, Map<String, List<String>> restQuery) {
    return transform(paging).toGrpcRequest(restQuery, REQUEST.toBuilder()).build();
  }

  private static Optional<RestPosition> position(ListWidgetsRequest request) {
    return TOKENS.decode(request.getPageToken(), RequestFilters.hash(request));
  }

  private static ListWidgetsRequest grpc(int pageSize, RestPosition position) {
    return REQUEST.toBuilder().setPageSize(pageSize).setPageToken(position == null ? "" : TOKENS.mint(position, FILTERS)).build();
  }

  @Nested
  class RestToGrpc {
    @Test
    void offsetAndLimitBecomePageSizeAndAToken() {
      ListWidgetsRequest request = toGrpc(PagingFixtures.offsetEntries(), query("offset", "40", "limit", "20"));

      assertThat(request.getPageSize()).isEqualTo(20);
      assertThat(position(request)).contains(RestPosition.offset(40));
      assertThat(request.getStatus()).isEqualTo("active");
    }

    @Test
    void noPositionParameterIsTheFirstPageAndNoSizeIsTheDefault() {
      for (RestPaging paging : List.of(PagingFixtures.offsetEntries(), PagingFixtures.pageLink(),
          PagingFixtures.cursorLastItem(), PagingFixtures.linkHeader(), PagingFixtures.none())) {
        ListWidgetsRequest request = toGrpc(paging, query("status", "active"));

        assertThat(request.getPageToken()).as(paging.getStyle().name()).isEmpty();
        assertThat(request.getPageSize()).isZero();
      }
      assertThat(toGrpc(PagingFixtures.offsetEntries(), query("offset", "0")).getPageToken()).isEmpty();
      assertThat(toGrpc(PagingFixtures.pageLink(), query("page", "1")).getPageToken()).isEmpty();
      assertThat(toGrpc(PagingFixtures.pageZeroBased(), query("page", "0")).getPageToken()).isEmpty();
    }

    @Test
    void pageNumbersCarryThePageLengthTheyCountIn() {
      assertThat(position(toGrpc(PagingFixtures.pageLink(), query("page", "3", "per_page", "25"))))
          .contains(RestPosition.page(3, 25));
      assertThat(position(toGrpc(PagingFixtures.pageLink(), query("page", "3")))).contains(RestPosition.page(3, 30));
      assertThat(position(toGrpc(PagingFixtures.pageZeroBased(), query("page", "1")))).contains(RestPosition.page(1, 20));
    }

    @Test
    void cursorsAreCarriedAsSent() {
      assertThat(position(toGrpc(PagingFixtures.cursorLastItem(), query("starting_after", "ch_2", "limit", "3"))))
          .contains(RestPosition.cursor("ch_2"));
    }

    @Test
    void aFollowedNextUrlIsCarriedWholeWhileAFirstPageWithFiltersIsNot() {
      ListWidgetsRequest first = toGrpc(PagingFixtures.nextUrlInBody(), query("PageSize", "2", "status", "active"));
      ListWidgetsRequest next = toGrpc(PagingFixtures.nextUrlInBody(),
          query("status", "active", "PageSize", "2", "Page", "1", "PageToken", "PA CA/1"));

      assertThat(first.getPageToken()).isEmpty();
      assertThat(first.getPageSize()).isEqualTo(2);
      assertThat(position(next)).contains(RestPosition.cursor("status=active&PageSize=2&Page=1&PageToken=PA%20CA%2F1"));
    }

    @Test
    void worksOnDynamicMessages() {
      DynamicMessage.Builder dynamic = DynamicMessage.newBuilder(ListWidgetsRequest.getDescriptor());
      dynamic.setField(ListWidgetsRequest.getDescriptor().findFieldByName("status"), "active");
      dynamic.setField(ListWidgetsRequest.getDescriptor().findFieldByName("parent"), "shelves/1");

      DynamicMessage request = transform(PagingFixtures.offsetEntries())
          .toGrpcRequest(query("offset", "40"), dynamic).build();

      assertThat(TOKENS.decode((String) request.getField(ListWidgetsRequest.getDescriptor().findFieldByName("page_token")),
          FILTERS)).contains(RestPosition.offset(40));
    }

    @Test
    void aPageLengthOutsideTheDocumentedBoundsIsRefusedNotCoerced() {
      RestPaging bounded = PagingFixtures.offsetEntries().toBuilder().setMinPageSize(1).build();
      for (String limit : List.of("0", "1001")) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> toGrpc(bounded, query("limit", limit)));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).isEqualTo("query parameter limit is '" + limit + "'; send 1 to 1000, or leave it out");
        assertThat(details(e, ErrorInfo.class).getReason()).isEqualTo(PagingTransform.PAGE_SIZE_OUT_OF_RANGE);
        assertThat(details(e, BadRequest.class).getFieldViolations(0).getField()).isEqualTo("limit");
      }
      assertThat(toGrpc(bounded, query("limit", "1000")).getPageSize()).isEqualTo(1000);
      assertThat(toGrpc(PagingFixtures.offsetEntries(), query("limit", "0")).getPageSize())
          .as("without a documented minimum, 0 is the legacy default").isZero();
    }

    @Test
    void negativeOrNonNumericParametersAreInvalidArguments() {
      for (Map<String, List<String>> bad : List.of(query("limit", "-1"), query("offset", "-5"), query("limit", "ten"))) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
            () -> toGrpc(PagingFixtures.offsetEntries(), bad));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).contains(bad.keySet().iterator().next()).contains("leave it out");
        assertThat(details(e, ErrorInfo.class).getReason()).isEqualTo("PAGING_PARAMETER_INVALID");
        assertThat(details(e, BadRequest.class).getFieldViolations(0).getField()).isEqualTo(bad.keySet().iterator().next());
      }
      assertThat(catchThrowableOfType(StatusRuntimeException.class,
          () -> toGrpc(PagingFixtures.pageLink(), query("page", "0"))).getStatus().getDescription())
          .contains("page is '0'; send 1 or more");
    }
  }

  @Nested
  class GrpcToRest {
    @Test
    void eachStyleGetsItsOwnParameters() {
      assertThat(transform(PagingFixtures.offsetEntries()).toRestQuery(grpc(20, RestPosition.offset(40))))
          .isEqualTo(query("offset", "40", "limit", "20"));
      assertThat(transform(PagingFixtures.pageLink()).toRestQuery(grpc(25, RestPosition.page(3, 25))))
          .isEqualTo(query("page", "3", "per_page", "25"));
      assertThat(transform(PagingFixtures.cursorLastItem()).toRestQuery(grpc(3, RestPosition.cursor("ch_2"))))
          .isEqualTo(query("starting_after", "ch_2", "limit", "3"));
      assertThat(transform(PagingFixtures.linkHeader()).toRestQuery(grpc(0, RestPosition.cursor("limit=2&max_id=7"))))
          .isEqualTo(query("limit", "2", "max_id", "7"));
      assertThat(transform(PagingFixtures.none()).toRestQuery(grpc(0, null))).isEmpty();
    }

    @Test
    void theFirstPageSendsOnlyThePageLengthTheDefaultWhenPageSizeIsZero() {
      assertThat(transform(PagingFixtures.offsetEntries()).toRestQuery(grpc(0, null))).isEqualTo(query("limit", "100"));
      assertThat(transform(PagingFixtures.offsetBareArray()).toRestQuery(grpc(0, null))).isEmpty();
      assertThat(transform(PagingFixtures.offsetBareArray()).toRestQuery(grpc(7, null))).isEqualTo(query("limit", "7"));
    }

    @Test
    void pageSizeAboveTheMaximumIsCoercedDown() {
      assertThat(transform(PagingFixtures.offsetEntries()).toRestQuery(grpc(5000, null))).isEqualTo(query("limit", "1000"));
    }

    @Test
    void aNegativePageSizeIsAnInvalidArgument() {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> transform(PagingFixtures.offsetEntries()).toRestQuery(grpc(-1, null)));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(details(e, ErrorInfo.class).getReason()).isEqualTo("PAGE_SIZE_NEGATIVE");
      assertThat(details(e, BadRequest.class).getFieldViolations(0).getField()).isEqualTo("page_size");
    }

    @Test
    void aTokenForOtherFiltersOrAnotherStyleIsAnInvalidArgument() {
      ListWidgetsRequest otherFilters = grpc(10, RestPosition.offset(40)).toBuilder().setStatus("archived").build();
      ListWidgetsRequest pageForOffsets = grpc(10, RestPosition.page(2, 10));

      assertThat(reason(() -> transform(PagingFixtures.offsetEntries()).toRestQuery(otherFilters)))
          .isEqualTo("PAGE_TOKEN_FILTERS_MISMATCH");
      assertThat(reason(() -> transform(PagingFixtures.offsetEntries()).toRestQuery(pageForOffsets)))
          .isEqualTo("PAGE_TOKEN_STYLE_MISMATCH");
    }

    @Test
    void aPageIsRenumberedWhenPageSizeChangesAndTheOffsetIsAMultiple() {
      assertThat(transform(PagingFixtures.pageLink()).toRestQuery(grpc(50, RestPosition.page(3, 25))))
          .isEqualTo(query("page", "2", "per_page", "50"));
      assertThat(transform(PagingFixtures.pageZeroBased()).toRestQuery(grpc(0, RestPosition.page(4, 5))))
          .isEqualTo(query("page", "1", "size", "20"));
    }

    @Test
    void otherwiseThePageLengthIsTheLargestDivisorOfTheOffsetSoNoItemIsSkippedOrRepeated() {
      // page 3 of 25 starts after 50 items; 20 does not divide 50, 10 does: page 6 of 10 starts there too
      assertThat(transform(PagingFixtures.pageLink()).toRestQuery(grpc(20, RestPosition.page(3, 25))))
          .isEqualTo(query("page", "6", "per_page", "10"));
      assertThat(PageTranslation.of(new RestPosition.Page(2, 7), 1, 30)).isEqualTo(new PageTranslation(2, 7));
      assertThat(PageTranslation.of(new RestPosition.Page(1, 13), 0, 12)).isEqualTo(new PageTranslation(13, 1));
    }

    @Test
    void theLegacyNextQueryKeepsItsLengthUnlessPageSizeAsksForAnother() {
      ListWidgetsRequest followed = grpc(0, RestPosition.cursor("PageSize=2&Page=1&PageToken=PACA1"));

      assertThat(transform(PagingFixtures.nextUrlInBody()).toRestQuery(followed))
          .isEqualTo(query("PageSize", "2", "Page", "1", "PageToken", "PACA1"));
      assertThat(transform(PagingFixtures.nextUrlInBody()).toRestQuery(followed.toBuilder().setPageSize(5).build()))
          .isEqualTo(query("PageSize", "5", "Page", "1", "PageToken", "PACA1"));
    }

    @Test
    void restToGrpcToRestGivesBackTheRestParameters() {
      Map<String, List<Map<String, List<String>>>> cases = Map.of(
          "offset", List.of(query("offset", "40", "limit", "20")),
          "page", List.of(query("page", "3", "per_page", "25")),
          "cursor", List.of(query("starting_after", "ch_2", "limit", "3")),
          "link", List.of(query("limit", "2", "max_id", "7")));
      Map<String, RestPaging> pagings = Map.of("offset", PagingFixtures.offsetEntries(), "page", PagingFixtures.pageLink(),
          "cursor", PagingFixtures.cursorLastItem(), "link", PagingFixtures.linkHeader());
      cases.forEach((style, queries) -> queries.forEach(rest -> {
        PagingTransform transform = transform(pagings.get(style));

        assertThat(transform.toRestQuery(toGrpc(pagings.get(style), rest))).as(style).isEqualTo(rest);
      }));
    }
  }

  private static String reason(Runnable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return details(e, ErrorInfo.class).getReason();
  }

  static <T extends com.google.protobuf.Message> T details(StatusRuntimeException e, Class<T> type) {
    try {
      for (com.google.protobuf.Any any : StatusProto.fromThrowable(e).getDetailsList()) {
        if (any.is(type)) {
          return any.unpack(type);
        }
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + e);
  }
}
