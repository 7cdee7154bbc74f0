package io.rest2grpc.benchmarks.typed;

import com.sample_legacy_orders.v1.GetOrderRequest;
import com.sample_legacy_orders.v1.ListOrdersRequest;
import com.sample_legacy_orders.v1.ListOrdersResponse;
import com.sample_legacy_orders.v1.Order;
import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;

/**
 * The gRPC floor: GetOrder and ListOrders under another service name, answering canned messages (the generated
 * service's own answers, set once the app runs). A bean of the app, so it is served by the same in-process server with
 * the same global interceptors as the generated services; a call of it costs what every gRPC call costs here, the
 * typed call excluded.
 */
public final class CannedOrders implements BindableService {
  static final String SERVICE = "rest2grpc.benchmarks.CannedOrders";
  static final MethodDescriptor<GetOrderRequest, Order> GET_ORDER = renamed(OrdersServiceGrpc.getGetOrderMethod());
  static final MethodDescriptor<ListOrdersRequest, ListOrdersResponse> LIST_ORDERS =
      renamed(OrdersServiceGrpc.getListOrdersMethod());

  private volatile Order order;
  private volatile ListOrdersResponse page;

  void answer(Order order, ListOrdersResponse page) {
    this.order = order;
    this.page = page;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(GET_ORDER, ServerCalls.asyncUnaryCall((request, responses) -> {
          responses.onNext(order);
          responses.onCompleted();
        }))
        .addMethod(LIST_ORDERS, ServerCalls.asyncUnaryCall((request, responses) -> {
          responses.onNext(page);
          responses.onCompleted();
        }))
        .build();
  }

  private static <ReqT, RespT> MethodDescriptor<ReqT, RespT> renamed(MethodDescriptor<ReqT, RespT> method) {
    return method.toBuilder()
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, method.getBareMethodName()))
        .setSchemaDescriptor(null)
        .build();
  }
}
