package io.rest2grpc.sample.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.sample_legacy_orders.v1.DownloadAttachmentRequest;
import com.sample_legacy_orders.v1.GetOrderRequest;
import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.sample.SampleLegacyApplication;
import io.rest2grpc.sample.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The app under a context path ({@code server.servlet.context-path=/api}): a typed call presents its request as the
 * servlet container presents REST's, the request URI starting with the context path, so the app's filters decide
 * alike; the bridge reaches the app under it. The sample's BearerTokenFilter guards request URIs starting with
 * {@code /v1/} only, so under {@code /api} it lets requests through unauthenticated and the role check answers 403:
 * over REST and over gRPC, typed or bridged, alike (a typed call whose view hid the context path was answered).
 */
class ContextPathTest {

  @Test
  void typedAndBridgedCallsAnswerAsRestDoesUnderAContextPath() throws Exception {
    AtomicInteger grpcPort = new AtomicInteger();
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleLegacyApplication.class)
        .listeners((ApplicationListener<GrpcServerStartedEvent>) started -> grpcPort.set(started.getPort()))
        .run("--server.port=0", "--spring.grpc.server.port=0", "--spring.main.banner-mode=off", "--server.servlet.context-path=/api")) {
      String rest = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/api";
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort.get()).usePlaintext().build();
      try {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + Tokens.READER);
        OrdersServiceGrpc.OrdersServiceBlockingStub orders = OrdersServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(20, TimeUnit.SECONDS);

        assertThat(restStatus(rest + "/v1/orders/1001")).isEqualTo(403);
        assertRefused(catchThrowableOfType(StatusRuntimeException.class,
            () -> orders.getOrder(GetOrderRequest.newBuilder().setId(1001).build())), "typed GetOrder");
        assertThat(restStatus(rest + "/v1/orders/1001/attachments/999999")).isEqualTo(403);
        assertRefused(catchThrowableOfType(StatusRuntimeException.class, () -> orders.downloadAttachment(
            DownloadAttachmentRequest.newBuilder().setOrderId(1001).setAttachmentId(999_999).build())), "bridged DownloadAttachment");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static int restStatus(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + Tokens.READER)
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void assertRefused(StatusRuntimeException error, String call) throws Exception {
    assertThat(error).as(call).isNotNull();
    assertThat(error.getStatus().getCode()).as(call).isEqualTo(Status.Code.PERMISSION_DENIED);
    int httpStatus = 0;
    for (Any detail : StatusProto.fromThrowable(error).getDetailsList()) {
      if (detail.is(RestErrorOrigin.class)) {
        httpStatus = detail.unpack(RestErrorOrigin.class).getHttpStatus();
      }
    }
    assertThat(httpStatus).as(call + ": the app's own 403").isEqualTo(403);
  }
}
