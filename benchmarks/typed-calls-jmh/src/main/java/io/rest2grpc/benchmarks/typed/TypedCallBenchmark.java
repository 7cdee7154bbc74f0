package io.rest2grpc.benchmarks.typed;

import com.sample_legacy_orders.v1.GetOrderRequest;
import com.sample_legacy_orders.v1.ListOrdersRequest;
import com.sample_legacy_orders.v1.ListOrdersResponse;
import com.sample_legacy_orders.v1.Order;
import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.rest2grpc.runtime.typed.TypedCalls;
import io.rest2grpc.sample.order.OrderController;
import io.rest2grpc.sample.order.OrderDto;
import io.rest2grpc.sample.order.OrderFilter;
import io.rest2grpc.sample.order.OrderService;
import io.rest2grpc.sample.order.OrderSort;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * A typed call of the generated gRPC service against the OrderService method it reaches, with the same arguments, on
 * GetOrder (order 1001) and ListOrders (no filter: the 11 seeded orders, the controller's defaults offset 0, limit 20,
 * sort -created_at). Per RPC:
 * <ul>
 *   <li>{@code *Service}: {@code OrderService.get/list}, the service method the handler delegates to (its transaction,
 *       the JPA query on the app's H2);
 *   <li>{@code *Controller}: the handler method called as a plain method: the service call, {@code OrderDto.from}, the
 *       {@code ResponseEntity} with its ETag or count header (what any front of the handler pays);
 *   <li>{@code *Adapter}: a blocking gRPC call of the generated service over the in-process channel: the client stub,
 *       the server's global interceptors, then {@code TypedCalls} (the REST form of the request, the hook, the app's
 *       interceptors, Spring MVC's argument binding and validation, the handler) and the generated mapper;
 *   <li>{@code *GrpcFloor}: the same call of {@link CannedOrders}, which answers the adapter's own message: all that the
 *       adapter's figure holds besides the typed call.
 * </ul>
 * The set-up checks that the adapter answers what the service returns, so that no side times an error. The warm-up is
 * long because the adapter's path (Spring MVC, the engine, the runtime) was still getting faster after 20 s on two
 * shared cores, at a fifth of its time after 10 s; the direct calls are flat after 4 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TypedCallBenchmark {
  private static final long ORDER_ID = 1001;
  private static final GetOrderRequest GET_ORDER = GetOrderRequest.newBuilder().setId(ORDER_ID).build();
  private static final ListOrdersRequest LIST_ORDERS = ListOrdersRequest.getDefaultInstance();
  private static final OrderFilter NO_FILTER = new OrderFilter(null, null, null, null);
  private static final String DEFAULT_SORT = "-created_at";
  private static final int DEFAULT_OFFSET = 0;
  private static final int DEFAULT_LIMIT = 20;

  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private Channel withToken;
  private OrdersServiceGrpc.OrdersServiceBlockingStub adapter;
  private OrderService service;
  private OrderController controller;

  @Setup(Level.Trial)
  public void start() {
    app = InProcessApp.start();
    if (!app.getBean(TypedCalls.class).typedCallsOn()) {
      throw new IllegalStateException("typed calls are off (a servlet filter is not covered): every call would go through the "
          + "bridge over HTTP; see the app's log");
    }
    service = app.getBean(OrderService.class);
    controller = app.getBean(OrderController.class);
    channel = InProcessChannelBuilder.forName(InProcessApp.SERVER_NAME).directExecutor().build();
    Metadata bearer = new Metadata();
    bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + InProcessApp.READER_TOKEN);
    withToken = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(bearer));
    adapter = OrdersServiceGrpc.newBlockingStub(withToken);

    Order order = getOrderAdapter();
    ListOrdersResponse page = listOrdersAdapter();
    List<Long> listed = listOrdersService().orders().stream().map(io.rest2grpc.sample.order.Order::getId).toList();
    if (order.getId() != getOrderService().getId()
        || !page.getOrdersList().stream().map(Order::getId).toList().equals(listed) || listed.size() != 11) {
      throw new IllegalStateException("the adapter and the service disagree: GetOrder " + order.getId() + ", ListOrders "
          + page.getOrdersList().stream().map(Order::getId).toList() + " against " + listed);
    }
    CannedOrders floor = app.getBean(CannedOrders.class);
    floor.answer(order, page);
    if (!getOrderGrpcFloor().equals(order) || !listOrdersGrpcFloor().equals(page)) {
      throw new IllegalStateException("the canned service does not answer the adapter's messages");
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
  }

  @Benchmark
  public io.rest2grpc.sample.order.Order getOrderService() {
    return service.get(ORDER_ID);
  }

  @Benchmark
  public ResponseEntity<OrderDto> getOrderController() {
    return controller.getOrder(ORDER_ID);
  }

  @Benchmark
  public Order getOrderAdapter() {
    return adapter.getOrder(GET_ORDER);
  }

  @Benchmark
  public Order getOrderGrpcFloor() {
    return ClientCalls.blockingUnaryCall(withToken, CannedOrders.GET_ORDER, CallOptions.DEFAULT, GET_ORDER);
  }

  @Benchmark
  public OrderService.OrderPage listOrdersService() {
    return service.list(NO_FILTER, OrderSort.parse(DEFAULT_SORT), DEFAULT_OFFSET, DEFAULT_LIMIT);
  }

  @Benchmark
  public ResponseEntity<List<OrderDto>> listOrdersController() {
    return controller.listOrders(DEFAULT_OFFSET, DEFAULT_LIMIT, null, null, null, null, DEFAULT_SORT);
  }

  @Benchmark
  public ListOrdersResponse listOrdersAdapter() {
    return adapter.listOrders(LIST_ORDERS);
  }

  @Benchmark
  public ListOrdersResponse listOrdersGrpcFloor() {
    return ClientCalls.blockingUnaryCall(withToken, CannedOrders.LIST_ORDERS, CallOptions.DEFAULT, LIST_ORDERS);
  }
}
