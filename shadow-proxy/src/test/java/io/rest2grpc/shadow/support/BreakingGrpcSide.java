package io.rest2grpc.shadow.support;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.HandlerRegistry;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A gRPC side broken on purpose: a server on 127.0.0.1 that passes every call on to a real gRPC side and passes its
 * answer back through {@link Breakage} first, so that a test knows exactly how the answer the proxy compares is
 * wrong.
 */
public final class BreakingGrpcSide implements AutoCloseable {

  /** A unary call's answer: its headers, message (null for an error), status and trailers. */
  public record Answer(String method, Metadata headers, byte[] message, Status status, Metadata trailers) {}

  private final Server server;
  private final ManagedChannel real;

  private BreakingGrpcSide(int realPort, UnaryOperator<Answer> breakage, ServerCredentials credentials) throws IOException {
    this.real = NettyChannelBuilder.forAddress("127.0.0.1", realPort).usePlaintext().build();
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
        .fallbackHandlerRegistry(new HandlerRegistry() {
          @Override
          public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(methodName)
                .setRequestMarshaller(BrokenGrpcSide.BYTES).setResponseMarshaller(BrokenGrpcSide.BYTES).build();
            return ServerMethodDefinition.create(method, forwarding(method, breakage));
          }
        }).build().start();
  }

  /** In front of the gRPC side on {@code realPort}; {@code breakage} gets every answer and returns what is sent. */
  public static BreakingGrpcSide of(int realPort, UnaryOperator<Answer> breakage) throws IOException {
    return new BreakingGrpcSide(realPort, breakage, InsecureServerCredentials.create());
  }

  /** Unbroken, in front of the gRPC side on {@code realPort}, over TLS with {@code server}, asking for {@code client}'s certificate. */
  public static BreakingGrpcSide mutualTls(int realPort, TestCertificates server, TestCertificates client) throws IOException {
    return new BreakingGrpcSide(realPort, UnaryOperator.identity(), TlsServerCredentials.newBuilder()
        .keyManager(server.certificate().toFile(), server.privateKey().toFile()).trustManager(client.certificate().toFile())
        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build());
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    real.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private ServerCallHandler<byte[], byte[]> forwarding(MethodDescriptor<byte[], byte[]> method, UnaryOperator<Answer> breakage) {
    return (serverCall, requestHeaders) -> {
      ClientCall<byte[], byte[]> call = real.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS));
      call.start(new ClientCall.Listener<>() {
        private Metadata headers = new Metadata();
        private byte[] message;

        @Override
        public void onHeaders(Metadata headers) {
          this.headers = headers;
        }

        @Override
        public void onMessage(byte[] message) {
          this.message = message;
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
          Answer answer = breakage.apply(new Answer(method.getFullMethodName(), headers, message, status, trailers));
          serverCall.sendHeaders(answer.headers());
          if (answer.message() != null && answer.status().isOk()) {
            serverCall.sendMessage(answer.message());
          }
          serverCall.close(answer.status(), answer.trailers());
        }
      }, requestHeaders);
      call.request(1);
      serverCall.request(1);
      return new ServerCall.Listener<>() {
        @Override
        public void onMessage(byte[] request) {
          call.sendMessage(request);
        }

        @Override
        public void onHalfClose() {
          call.halfClose();
        }

        @Override
        public void onCancel() {
          call.cancel("the proxy's call was cancelled", null);
        }
      };
    };
  }
}
