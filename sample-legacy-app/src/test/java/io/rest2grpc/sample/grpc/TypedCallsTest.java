package io.rest2grpc.sample.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sample_legacy_orders.v1.DownloadAttachmentRequest;
import com.sample_legacy_orders.v1.GetOrderRequest;
import com.sample_legacy_orders.v1.ListOrdersRequest;
import com.sample_legacy_orders.v1.ListUsersRequest;
import com.sample_legacy_orders.v1.UsersServiceGrpc;
import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import io.rest2grpc.runtime.typed.AppFilters;
import io.rest2grpc.runtime.typed.TypedCalls;
import io.rest2grpc.sample.security.BearerTokenFilter;
import io.rest2grpc.sample.support.Tokens;
import io.rest2grpc.sample.web.RequestIdFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Which RPCs are typed calls (the handler called in process) and which go through the bridge, on the
 * running app: the bridged ones are exactly the checked-in list, and a typed call never reaches the
 * app's HTTP server.
 */
class TypedCallsTest extends GrpcClientTest {
  private static final Path REPORT = Path.of("target/rest2grpc/generate-report.json");
  private static final Path EXPECTED_BRIDGED = Path.of("src/test/resources/grpc/expected-bridged.txt");

  @Autowired
  TypedCalls typedCalls;

  @Autowired
  ApplicationContext context;

  @Autowired
  MeterRegistry meters;

  @Test
  void onlyTheCheckedInRpcsAreBridgedEachForItsReason() throws Exception {
    List<String> bridged = new ArrayList<>();
    for (JsonNode operation : new ObjectMapper().readTree(REPORT.toFile()).get("operations")) {
      if (operation.get("call").asText().equals("bridge")) {
        String rpc = operation.get("rpc").asText();
        bridged.add(rpc.substring(rpc.lastIndexOf('.') + 1) + ": " + operation.get("reason").asText());
      }
    }
    List<String> expected = Files.readAllLines(EXPECTED_BRIDGED).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

    assertThat(bridged).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theReportListsEveryServletFilterTheRunningAppRegistersAndTheHookCoversThem() throws Exception {
    List<String> registered = AppFilters.skipped(context).stream().map(Class::getSimpleName).sorted().toList();
    for (JsonNode operation : new ObjectMapper().readTree(REPORT.toFile()).get("operations")) {
      if (operation.get("call").asText().equals("typed")) {
        List<String> reported = new ArrayList<>();
        operation.get("skipped").forEach(skipped -> reported.add(skipped.asText()));
        assertThat(reported).as(operation.get("rpc").asText()).extracting(skipped -> skipped.replaceAll("^servlet filter (\\w+) .*", "$1"))
            .containsExactlyElementsOf(registered);
      }
    }
    assertThat(registered).containsExactly(BearerTokenFilter.class.getSimpleName(), RequestIdFilter.class.getSimpleName());
    assertThat(typedCalls.typedCallsOn()).isTrue();
  }

  @Test
  void aTypedCallNeverReachesTheHttpServerWhileABridgedOneDoes() {
    OrdersServiceGrpc.OrdersServiceBlockingStub orders = orders(Tokens.READER);
    double before = httpRequests();

    orders.getOrder(GetOrderRequest.newBuilder().setId(1001).build());
    orders.listOrders(ListOrdersRequest.newBuilder().setPageSize(2).build());
    UsersServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(Tokens.READER)))
        .listUsers(ListUsersRequest.getDefaultInstance());
    double afterTyped = httpRequests();
    // a download is bridged (its handler writes a raw body); this attachment does not exist: NOT_FOUND
    assertThatThrownBy(() -> orders.downloadAttachment(DownloadAttachmentRequest.newBuilder().setOrderId(1001).setAttachmentId(999_999).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

    assertThat(afterTyped).isEqualTo(before);
    assertThat(httpRequests()).isEqualTo(before + 1);
  }

  private double httpRequests() {
    return meters.find("http.server.requests").timers().stream().mapToDouble(timer -> timer.count()).sum();
  }
}
