package io.rest2grpc.transcoding.oracle;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A gRPC service built from a proto {@link ServiceDescriptor} alone, no generated stubs: requests
 * and responses are {@link DynamicMessage}s, and each method carries its descriptor as its schema
 * (so a server that reads {@code google.api.http}, as Armeria's transcoding does, sees the rules).
 * Only unary methods are served: HttpRule transcoders transcode nothing else.
 */
public final class DescriptorServices {
  private DescriptorServices() {}

  /** A unary call's answer: the response message (of any class with the output type's fields). */
  @FunctionalInterface
  public interface UnaryHandler extends BiFunction<MethodDescriptor, DynamicMessage, Message> {}

  public static ServerServiceDefinition of(ServiceDescriptor service, UnaryHandler handler) {
    Map<MethodDescriptor, io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage>> unary = new LinkedHashMap<>();
    io.grpc.ServiceDescriptor.Builder grpcService = io.grpc.ServiceDescriptor.newBuilder(service.getFullName())
        .setSchemaDescriptor(new ServiceSchema(service));
    for (MethodDescriptor method : service.getMethods()) {
      if (!method.isClientStreaming() && !method.isServerStreaming()) {
        io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod = grpcMethod(method);
        unary.put(method, grpcMethod);
        grpcService.addMethod(grpcMethod);
      }
    }
    ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(grpcService.build());
    unary.forEach((method, grpcMethod) -> definition.addMethod(grpcMethod,
        ServerCalls.asyncUnaryCall((request, observer) -> {
          try {
            observer.onNext(asOutput(method, handler.apply(method, request)));
            observer.onCompleted();
          } catch (InvalidProtocolBufferException | RuntimeException e) {
            observer.onError(Status.INTERNAL.withDescription(method.getFullName() + ": " + e).asRuntimeException());
          }
        })));
    return definition.build();
  }

  /** The response as a {@link DynamicMessage} of the method's own output descriptor (a generated message's is another). */
  private static DynamicMessage asOutput(MethodDescriptor method, Message response) throws InvalidProtocolBufferException {
    if (response instanceof DynamicMessage dynamic && dynamic.getDescriptorForType() == method.getOutputType()) {
      return dynamic;
    }
    return DynamicMessage.parseFrom(method.getOutputType(), response.toByteString());
  }

  private static io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod(MethodDescriptor method) {
    return io.grpc.MethodDescriptor
        .newBuilder(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())),
            ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .setType(MethodType.UNARY)
        .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(method.getService().getFullName(), method.getName()))
        .setSchemaDescriptor(new MethodSchema(method))
        .build();
  }

  private record ServiceSchema(ServiceDescriptor service) implements ProtoServiceDescriptorSupplier {
    @Override
    public FileDescriptor getFileDescriptor() {
      return service.getFile();
    }

    @Override
    public ServiceDescriptor getServiceDescriptor() {
      return service;
    }
  }

  private record MethodSchema(MethodDescriptor method) implements ProtoMethodDescriptorSupplier {
    @Override
    public FileDescriptor getFileDescriptor() {
      return method.getFile();
    }

    @Override
    public ServiceDescriptor getServiceDescriptor() {
      return method.getService();
    }

    @Override
    public MethodDescriptor getMethodDescriptor() {
      return method;
    }
  }
}
