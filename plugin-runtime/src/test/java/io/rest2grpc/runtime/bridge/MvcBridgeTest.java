package io.rest2grpc.runtime.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.runtime.call.CallMetadata;
import io.rest2grpc.runtime.contract.GrpcContract;
import io.rest2grpc.runtime.shadow.BridgedShadows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge between a real in-process gRPC server and a real HTTP server standing in for the app's
 * REST endpoints ({@code items.yaml}, converted in-process): what it answers, and that the call's
 * deadline and cancellation decide whether and how long the app works.
 */
class MvcBridgeTest {
  /** How long the slow item takes the app. */
  private static final long SLOW_MILLIS = 2_000;

  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private HttpServer app;
  private Server server;
  private ManagedChannel channel;
  private MvcBridge bridge;
  private MethodDescriptor<DynamicMessage, DynamicMessage> getItem;
  private Descriptors.Descriptor request;
  /** How long the server waits before the service method runs: a call queued behind others. */
  private final AtomicLong queueing = new AtomicLong();
  /** When the service method returned, in nanoTime. */
  private final AtomicLong returned = new AtomicLong();

  @BeforeEach
  void start() throws Exception {
    app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    app.createContext("/v1/items/", this::answer);
    app.setExecutor(Executors.newCachedThreadPool());
    app.start();

    Conversion conversion = OpenApiToProto.convert(Path.of("src/test/resources/items.yaml"), ConversionOptions.defaults());
    Collection<Descriptors.FileDescriptor> files = DescriptorBuilder.build(conversion).values();
    GrpcContract contract = GrpcContract.read(new ByteArrayInputStream(DescriptorBuilder.descriptorSet(conversion).toByteArray()),
        "items.yaml", builder -> builder);
    Descriptors.MethodDescriptor rpc = files.stream().flatMap(file -> file.getServices().stream())
        .flatMap(service -> service.getMethods().stream()).filter(method -> method.getName().equals("GetItem")).findFirst().orElseThrow();
    request = rpc.getInputType();
    getItem = MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(rpc.getService().getFullName(), rpc.getName()))
        .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(rpc.getInputType())))
        .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(rpc.getOutputType())))
        .build();

    bridge = new MvcBridge(contract, () -> URI.create("http://127.0.0.1:" + app.getAddress().getPort()),
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Executors.newCachedThreadPool(), new BridgedShadows());
    ServerServiceDefinition service = ServerServiceDefinition.builder(rpc.getService().getFullName())
        .addMethod(getItem, ServerCalls.asyncUnaryCall((DynamicMessage item, StreamObserver<DynamicMessage> responses) -> {
          bridge.unary(getItem, item, responses);
          returned.set(System.nanoTime());
        }))
        .build();
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(service, new CallMetadata(), queued()))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    bridge.close();
    app.stop(0);
  }

  @Test
  void answersWithTheAppsMessageAndItsPassThroughHeaders() {
    AtomicReference<Metadata> headers = new AtomicReference<>();
    DynamicMessage item = ClientCalls.blockingUnaryCall(ClientInterceptors.intercept(channel,
        MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>())), getItem, CallOptions.DEFAULT, item(1));

    assertThat(item.getField(item.getDescriptorForType().findFieldByName("name"))).isEqualTo("lamp");
    assertThat(headers.get().get(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("app-request-1");
  }

  @Test
  void theAppsErrorIsTheContractsStatus() {
    StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, getItem, CallOptions.DEFAULT, item(404)));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(error.getStatus().getDescription()).isEqualTo("no item 404");
  }

  @Test
  void aCallWhoseDeadlinePassedWhileQueuedNeverReachesTheApp() {
    queueing.set(100);
    StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, getItem,
        CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.MILLISECONDS), item(1)));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(hits.getOrDefault("/v1/items/1", new AtomicInteger()).get()).as("requests the app received").isZero();
  }

  @Test
  void theRemainingDeadlineBoundsTheAppsWorkNotOnlyTheClientsWait() {
    long start = System.nanoTime();
    StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(channel, getItem,
        CallOptions.DEFAULT.withDeadlineAfter(200, TimeUnit.MILLISECONDS), item(2)));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(Duration.ofNanos(returned.get() - start)).as("the bridge gave up on the app at the deadline, not when the app answered")
        .isLessThan(Duration.ofMillis(SLOW_MILLIS / 2));
  }

  private DynamicMessage item(long id) {
    return DynamicMessage.newBuilder(request).setField(request.findFieldByName("id"), id).build();
  }

  /** Delays the service method by {@link #queueing} milliseconds, as a busy server would. */
  private ServerInterceptor queued() {
    return new ServerInterceptor() {
      @Override
      public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
          ServerCallHandler<ReqT, RespT> next) {
        sleep(queueing.get());
        return next.startCall(call, headers);
      }
    };
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (path.equals("/v1/items/2")) {
      sleep(SLOW_MILLIS);
    }
    boolean found = path.equals("/v1/items/1") || path.equals("/v1/items/2");
    byte[] body = (found ? "{\"id\": 1, \"name\": \"lamp\"}" : "{\"title\": \"Not Found\", \"status\": 404, \"detail\": \"no item 404\", \"code\": \"ITEM_NOT_FOUND\"}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", found ? "application/json" : "application/problem+json");
    exchange.getResponseHeaders().add("X-Request-Id", "app-request-1");
    exchange.sendResponseHeaders(found ? 200 : 404, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
