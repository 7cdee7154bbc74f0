package io.rest2grpc.shadow.support;

import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server on 127.0.0.1 that takes every method and misbehaves: it never answers ({@link #hung}), or answers
 * bytes that are no message of the method's ({@link #garbage}).
 */
public final class BrokenGrpcSide implements AutoCloseable {
  static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private final Server server;
  private final CountDownLatch calls;

  private BrokenGrpcSide(boolean answersGarbage, int expectedCalls) throws IOException {
    this.calls = new CountDownLatch(expectedCalls);
    ServerCallHandler<byte[], byte[]> handler = new ServerCallHandler<>() {
      @Override
      public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> call, Metadata headers) {
        calls.countDown();
        call.request(1);
        return new ServerCall.Listener<>() {
          @Override
          public void onHalfClose() {
            if (answersGarbage) {
              call.sendHeaders(new Metadata());
              call.sendMessage(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
              call.close(io.grpc.Status.OK, new Metadata());
            } // hung: neither answers nor closes
          }
        };
      }
    };
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .fallbackHandlerRegistry(new HandlerRegistry() {
          @Override
          public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            return ServerMethodDefinition.create(MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(methodName).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build(), handler);
          }
        }).build().start();
  }

  public static BrokenGrpcSide hung() throws IOException {
    return new BrokenGrpcSide(false, 1);
  }

  public static BrokenGrpcSide garbage() throws IOException {
    return new BrokenGrpcSide(true, 1);
  }

  public int port() {
    return server.getPort();
  }

  /** Whether a call arrived within {@code seconds}. */
  public boolean called(int seconds) throws InterruptedException {
    return calls.await(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
