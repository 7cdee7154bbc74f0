package io.rest2grpc.maven.generate;

import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.List;

/** One generated service: a Spring bean extending grpc-java's {@code …ImplBase}, a method per RPC. */
public record ServicePlan(ServiceDescriptor service, List<MethodPlan> methods) {
  public ServicePlan {
    methods = List.copyOf(methods);
  }

  /** The generated class's simple name: {@code OrdersServiceGrpcService}. */
  public String className() {
    return service.getName() + "Grpc" + "Service";
  }
}
