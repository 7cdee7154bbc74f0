package io.rest2grpc.sample.grpc;

import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.rest2grpc.sample.support.LegacyAppTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/** A test that calls the running app's gRPC port as a client team would, with its REST port at hand. */
@LegacyAppTest
abstract class GrpcClientTest {

  @Autowired
  GrpcServerLifecycle grpcServer;

  @LocalServerPort
  int restPort;

  /** A plaintext channel to the app's gRPC port on 127.0.0.1, one per test. */
  ManagedChannel channel;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** The orders stub with the caller's bearer token as metadata, as a client team sends it. */
  OrdersServiceGrpc.OrdersServiceBlockingStub orders(String token) {
    return OrdersServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
  }

  static Metadata bearer(String token) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return headers;
  }
}
