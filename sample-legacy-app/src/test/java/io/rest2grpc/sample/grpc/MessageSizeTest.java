package io.rest2grpc.sample.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import com.sample_legacy_orders.v1.UploadAttachmentBody;
import com.sample_legacy_orders.v1.UploadAttachmentRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.multipart.v1.FilePart;
import io.rest2grpc.sample.SampleLegacyApplication;
import io.rest2grpc.sample.support.Tokens;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * gRPC's 4 MiB inbound default against a REST upload of 5 MiB: refused by the gRPC server before the
 * app sees it, unless {@code spring.grpc.server.max-inbound-message-size} is raised; then the app's
 * own limit (1 MB multipart) answers, as over REST, with its 413.
 */
class MessageSizeTest {
  private static final UploadAttachmentRequest FIVE_MEBIBYTES = UploadAttachmentRequest.newBuilder().setOrderId(1001)
      .setBody(UploadAttachmentBody.newBuilder().setFile(FilePart.newBuilder().setFilename("big.bin").setContentType("application/octet-stream")
          .setData(ByteString.copyFrom(new byte[5 << 20])))).build();

  @Test
  void aFiveMebibyteUploadIsRefusedByDefaultAndReachesTheAppWithTheLimitRaised() throws Exception {
    StatusRuntimeException byDefault = upload();
    StatusRuntimeException raised = upload("--spring.grpc.server.max-inbound-message-size=8MB");

    assertThat(byDefault.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(origin(byDefault)).as("refused by the gRPC server: no REST answer behind it").isNull();
    assertThat(origin(raised)).as("the app's own answer, as over REST").isNotNull();
    assertThat(origin(raised).getHttpStatus()).isEqualTo(413);
  }

  private static StatusRuntimeException upload(String... arguments) throws Exception {
    AtomicInteger port = new AtomicInteger();
    String[] all = Stream.concat(Stream.of("--server.port=0", "--spring.grpc.server.port=0",
        "--spring.main.banner-mode=off"), Arrays.stream(arguments)).toArray(String[]::new);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleLegacyApplication.class)
        .listeners((ApplicationListener<GrpcServerStartedEvent>) started -> port.set(started.getPort())).run(all)) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port.get()).usePlaintext().build();
      try {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + Tokens.WRITER);
        return catchThrowableOfType(StatusRuntimeException.class, () -> OrdersServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(20, TimeUnit.SECONDS)
            .uploadAttachment(FIVE_MEBIBYTES));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static RestErrorOrigin origin(StatusRuntimeException error) throws Exception {
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    if (status != null) {
      for (Any detail : status.getDetailsList()) {
        if (detail.is(RestErrorOrigin.class)) {
          return detail.unpack(RestErrorOrigin.class);
        }
      }
    }
    return null;
  }
}
