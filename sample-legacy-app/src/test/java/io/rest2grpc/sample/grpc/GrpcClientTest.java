package io.rest2grpc.sample.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
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
}
