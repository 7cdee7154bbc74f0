package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Empty;
import com.google.rpc.Status;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Answers a call from a real gRPC server (in-process) with a Status or response headers, and returns what its client receives. */
final class Trailers {
  private static final String SERVICE = "rest2grpc.test.Answer";
  private static final MethodDescriptor<Empty, Empty> CALL = MethodDescriptor.<Empty, Empty>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Call"))
      .setRequestMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
      .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
      .build();

  private Trailers() {}

  /** What the client of a call receives: the response headers, the status and the trailers. */
  private record Received(Metadata headers, io.grpc.Status status, Metadata trailers) {}

  /** The Status as a client reads it back (StatusProto.fromThrowable) when the server failed the call with it. */
  static Status roundTrip(Status status) {
    StatusRuntimeException sent = StatusProto.toStatusRuntimeException(status);
    Received received = call(new Metadata(), sent.getStatus(), sent.getTrailers());
    return StatusProto.fromThrowable(new StatusRuntimeException(received.status(), received.trailers()));
  }

  /** The response headers as a client receives them when the server sends these. */
  static Metadata overTheWire(Metadata headers) {
    return call(headers, io.grpc.Status.OK, new Metadata()).headers();
  }

  private static Received call(Metadata headers, io.grpc.Status status, Metadata trailers) {
    String name = InProcessServerBuilder.generateName();
    ServerCallHandler<Empty, Empty> answer = (call, requestHeaders) -> {
      call.sendHeaders(headers);
      call.close(status, trailers);
      return new ServerCall.Listener<>() {};
    };
    Server server = start(InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerServiceDefinition.builder(SERVICE).addMethod(CALL, answer).build()).build());
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      CompletableFuture<Received> done = new CompletableFuture<>();
      ClientCall<Empty, Empty> call = channel.newCall(CALL, CallOptions.DEFAULT);
      call.start(new ClientCall.Listener<>() {
        private Metadata receivedHeaders = new Metadata();

        @Override
        public void onHeaders(Metadata received) {
          receivedHeaders = received;
        }

        @Override
        public void onClose(io.grpc.Status received, Metadata receivedTrailers) {
          done.complete(new Received(receivedHeaders, received, receivedTrailers));
        }
      }, new Metadata());
      call.sendMessage(Empty.getDefaultInstance());
      call.halfClose();
      call.request(1);
      return done.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the in-process call did not complete", e);
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }

  private static Server start(Server server) {
    try {
      return server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
