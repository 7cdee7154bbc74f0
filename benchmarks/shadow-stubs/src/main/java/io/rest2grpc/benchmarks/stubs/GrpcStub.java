package io.rest2grpc.benchmarks.stubs;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GrpcStub DESCRIPTOR_SET PORT [DELAY_MS]}: serves the canned order's RPC on 127.0.0.1:PORT, whatever the
 * request, answering after DELAY_MS (0: at once, on the transport thread). Runs until killed.
 */
public final class GrpcStub {
  private GrpcStub() {}

  public static void main(String[] args) throws Exception {
    CannedOrder canned = CannedOrder.of(Path.of(args[0]));
    int port = Integer.parseInt(args[1]);
    long delayMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    ServerCallHandler<DynamicMessage, DynamicMessage> handler = (call, headers) -> {
      call.request(1);
      return new ServerCall.Listener<>() {
        @Override
        public void onHalfClose() {
          if (delayMillis == 0) {
            answer(call, canned);
          } else {
            timer.schedule(() -> answer(call, canned), delayMillis, TimeUnit.MILLISECONDS);
          }
        }
      };
    };
    String service = canned.method().getServiceName();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).directExecutor()
        .addService(ServerServiceDefinition.builder(service).addMethod(canned.method(), handler).build())
        .build().start();
    System.out.println("grpc stub: " + canned.method().getFullMethodName() + " on 127.0.0.1:" + server.getPort()
        + ", answering after " + delayMillis + " ms");
    server.awaitTermination();
  }

  private static void answer(ServerCall<DynamicMessage, DynamicMessage> call, CannedOrder canned) {
    if (call.isCancelled()) {
      return;
    }
    Metadata headers = new Metadata();
    headers.merge(canned.grpc().headers());
    call.sendHeaders(headers);
    call.sendMessage((DynamicMessage) canned.grpc().message());
    call.close(Status.OK, new Metadata());
  }

  static MethodDescriptor<DynamicMessage, DynamicMessage> unary(Descriptors.MethodDescriptor method) {
    return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(method.getService().getFullName(), method.getName()))
        .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
        .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .build();
  }
}
