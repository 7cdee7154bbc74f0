package io.rest2grpc.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the interceptor makes of a real call over Netty: the client's address, as a servlet request gives REST's. */
class CallMetadataTest {
  private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  private static final MethodDescriptor<String, String> WHO = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("test.Echo/Who")
      .setRequestMarshaller(TEXT).setResponseMarshaller(TEXT).build();

  @Test
  void theRemoteAddressIsTheClientsNotTheLoopbackDefault() throws Exception {
    ServerServiceDefinition echo = ServerServiceDefinition.builder("test.Echo")
        .addMethod(WHO, ServerCalls.asyncUnaryCall((request, responses) -> {
          responses.onNext(CallMetadata.remoteAddress());
          responses.onCompleted();
        })).build();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(echo, new CallMetadata())).build().start();
    // the client's end bound to 127.0.0.2, a loopback address other than the fallback's
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
        .localSocketPicker(new NettyChannelBuilder.LocalSocketPicker() {
          @Override
          public SocketAddress createSocketAddress(SocketAddress remoteAddress, Attributes attrs) {
            return new InetSocketAddress("127.0.0.2", 0);
          }
        }).build();
    try {
      assertThat(ClientCalls.blockingUnaryCall(channel, WHO, io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), ""))
          .isEqualTo("127.0.0.2");
      assertThat(CallMetadata.remoteAddress()).as("outside a call").isEqualTo("127.0.0.1");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
