package io.rest2grpc.sample.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.sample_legacy_orders.v1.GetOrderRequest;
import com.sample_legacy_orders.v1.GetUserRequest;
import com.sample_legacy_orders.v1.ListOrdersRequest;
import com.sample_legacy_orders.v1.ListOrdersResponse;
import com.sample_legacy_orders.v1.ListUserOrdersRequest;
import com.sample_legacy_orders.v1.ListUserOrdersResponse;
import com.sample_legacy_orders.v1.ListUsersRequest;
import com.sample_legacy_orders.v1.ListUsersResponse;
import com.sample_legacy_orders.v1.Order;
import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import com.sample_legacy_orders.v1.UserSummary;
import com.sample_legacy_orders.v1.UsersServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.sample.support.Tokens;
import io.rest2grpc.transcoding.json.RestJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The services rest2grpc-maven-plugin generated for this app, called on its real gRPC port with
 * grpc-java's generated stubs, as a client team would call them, beside its REST endpoints.
 */
class GeneratedServicesTest extends GrpcClientTest {


  @Test
  void getOrderAnswersWhatRestAnswers() throws Exception {
    Order grpc = orders(Tokens.READER).getOrder(GetOrderRequest.newBuilder().setId(1001).build());

    String rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/v1/orders/1001"))
        .header("Authorization", "Bearer " + Tokens.READER).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(grpc).isEqualTo(RestJson.create().parse(rest, Order.newBuilder()).build());
    assertThat(grpc.getItemsList()).isNotEmpty();
  }

  @Test
  void aTypedListPagesThroughWhatRestListsWithItsTotal() throws Exception {
    HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + restPort + "/v1/orders?limit=100"))
        .header("Authorization", "Bearer " + Tokens.READER).build(), HttpResponse.BodyHandlers.ofString());
    List<Long> restIds = RestJson.create().parse("{\"orders\":" + rest.body() + "}", ListOrdersResponse.newBuilder()).getOrdersList()
        .stream().map(Order::getId).toList();

    List<Long> grpcIds = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    ListOrdersRequest request = ListOrdersRequest.newBuilder().setPageSize(3).build();
    for (int page = 0; page < 50; page++) {
      ListOrdersResponse response = orders(Tokens.READER).listOrders(request);
      response.getOrdersList().forEach(order -> grpcIds.add(order.getId()));
      totals.add(response.getTotalSize());
      if (response.getNextPageToken().isEmpty()) {
        break;
      }
      request = request.toBuilder().setPageToken(response.getNextPageToken()).build();
    }

    assertThat(grpcIds).as("pages of 3 over gRPC, in order").isEqualTo(restIds).hasSizeGreaterThan(3);
    assertThat(totals).as("total_size on every page").containsOnly(Long.parseLong(rest.headers().firstValue("X-Total-Count").orElseThrow()));
  }

  @Test
  void aTypedListWhosePageIsAnEnvelopeWithACursorPagesThroughWhatRestLists() throws Exception {
    HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + restPort + "/v1/users?limit=100"))
        .header("Authorization", "Bearer " + Tokens.READER).build(), HttpResponse.BodyHandlers.ofString());
    List<Long> restIds = RestJson.create().parse(rest.body(), ListUsersResponse.newBuilder()).getItemsList()
        .stream().map(UserSummary::getId).toList();

    UsersServiceGrpc.UsersServiceBlockingStub users = UsersServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(Tokens.READER)));
    List<Long> grpcIds = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    ListUsersRequest request = ListUsersRequest.newBuilder().setPageSize(2).build();
    for (int page = 0; page < 50; page++) {
      ListUsersResponse response = users.listUsers(request);
      response.getItemsList().forEach(user -> grpcIds.add(user.getId()));
      cursors.add(response.getNextCursor());
      if (response.getNextPageToken().isEmpty()) {
        break;
      }
      request = request.toBuilder().setPageToken(response.getNextPageToken()).build();
    }

    assertThat(grpcIds).as("pages of 2 over gRPC, in order, from the envelope's next_cursor").isEqualTo(restIds).hasSizeGreaterThan(2);
    assertThat(cursors).as("the envelope's paging member is carried by next_page_token, not as itself").containsOnly("");
  }

  @Test
  void aListPagedByPageNumberAndLinkHeaderPagesOverGrpcToo() {
    UsersServiceGrpc.UsersServiceBlockingStub users = UsersServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(Tokens.READER)));
    ListUserOrdersRequest request = ListUserOrdersRequest.newBuilder().setId(1).setPageSize(1).build();
    ListUserOrdersResponse first = users.listUserOrders(request);
    ListUserOrdersResponse second = users.listUserOrders(request.toBuilder().setPageToken(first.getNextPageToken()).build());

    assertThat(first.getUserOrdersList()).hasSize(1);
    assertThat(first.getNextPageToken()).as("the Link header's next page").isNotEmpty();
    assertThat(second.getUserOrdersList()).hasSize(1).doesNotContainAnyElementsOf(first.getUserOrdersList());
    assertThat(second.getTotalSize()).isEqualTo(first.getTotalSize()).isGreaterThan(1);
  }

  @Test
  void anErrorCarriesTheApisCodeItsDetailsAndTheHttpStatus() throws InvalidProtocolBufferException {
    StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
        () -> orders(Tokens.READER).getOrder(GetOrderRequest.newBuilder().setId(424242).build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("ORDER_NOT_FOUND");
    assertThat(detail(status, RestErrorOrigin.class).getHttpStatus()).isEqualTo(404);
  }

  @Test
  void aCallWithoutATokenIsUnauthenticatedAsRestAnswers401() {
    StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
        () -> OrdersServiceGrpc.newBlockingStub(channel).getOrder(GetOrderRequest.newBuilder().setId(1001).build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void aFiftyMillisecondDeadlineOnASlowHandlerEndsTheCallAtTheDeadline() {
    long start = System.nanoTime();
    StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
        () -> orders(Tokens.READER).withDeadlineAfter(50, TimeUnit.MILLISECONDS)
            .getOrder(GetOrderRequest.newBuilder().setId(777).build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("ended at the deadline, not when the app answered")
        .isLessThan(Duration.ofMillis(SlowPath.DELAY_MILLIS));
  }

  @Test
  void aLimitedTokenRunsOutAsOverRestWithResourceExhaustedAndRetryInfo() throws InvalidProtocolBufferException {
    UsersServiceGrpc.UsersServiceBlockingStub users = UsersServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(Tokens.LIMITED)));
    StatusRuntimeException limited = null;
    for (int i = 0; i < 10 && limited == null; i++) {
      try {
        users.getUser(GetUserRequest.newBuilder().setId(1).build());
      } catch (StatusRuntimeException e) {
        limited = e;
      }
    }

    assertThat(limited).as("the limited token (3 requests a minute) runs out within 10 calls").isNotNull();
    assertThat(limited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    com.google.rpc.Status status = StatusProto.fromThrowable(limited);
    assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo("RATE_LIMITED");
    assertThat(detail(status, RetryInfo.class).getRetryDelay().getSeconds()).isPositive();
    assertThat(detail(status, RestErrorOrigin.class).getHttpStatus()).isEqualTo(429);
  }


  private static <T extends com.google.protobuf.Message> T detail(com.google.rpc.Status status, Class<T> type)
      throws InvalidProtocolBufferException {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(type)) {
        return detail.unpack(type);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " among the details " + status.getDetailsList());
  }
}
