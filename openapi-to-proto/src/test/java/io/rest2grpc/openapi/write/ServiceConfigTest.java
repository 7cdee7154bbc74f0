package io.rest2grpc.openapi.write;

import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.support.ServiceConfigs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service configs the converter writes, loaded into a real grpc-java channel (whose parser
 * rejects an invalid config) against an in-process server that fails the first attempts: an
 * idempotent method is retried, a non-idempotent one is not, and the method timeout ends a call
 * with DEADLINE_EXCEEDED without a retry.
 */
class ServiceConfigTest {
  private static final String SERVICE = "shop.v1.ItemsService";
  private static final String CONFIG = "shop/v1/items_service_config.json";
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      paths:
        /items/{id}:
          get:
            tags: [items]
            operationId: getItem
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
        /items:
          post:
            tags: [items]
            operationId: createItem
            responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
        /reports:
          get:
            tags: [items]
            operationId: getReport
            x-timeout: 300ms
            responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
      """;

  @TempDir Path dir;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  @Test
  void writesOneConfigPerServiceWithTimeoutsAndRetriesOnlyForIdempotentMethods() {
    Map<String, Object> config = config(convert(dir, SPEC));
    assertThat(config).containsEntry("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())))
        .containsEntry("retryThrottling", Map.of("maxTokens", 10.0, "tokenRatio", 0.1));
    List<?> methods = (List<?>) config.get("methodConfig");
    assertThat(methods).hasSize(3);
    assertThat(methods.get(0)).asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("name", List.of(Map.of("service", SERVICE, "method", "GetItem"))).containsEntry("timeout", "30s")
        .containsKey("retryPolicy");
    assertThat(methods.get(1)).asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("name", List.of(Map.of("service", SERVICE, "method", "CreateItem"))).doesNotContainKey("retryPolicy");
    assertThat(methods.get(2)).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("timeout", "0.3s");
    Map<?, ?> retry = (Map<?, ?>) ((Map<?, ?>) methods.get(0)).get("retryPolicy");
    assertThat(retry.get("retryableStatusCodes")).isEqualTo(List.of("UNAVAILABLE"));
  }

  @Test
  void aChannelRetriesIdempotentMethodsOnlyAndEnforcesTheTimeout() throws Exception {
    ManagedChannel channel = channel(config(convert(dir, SPEC)));

    assertThat(call(channel, "GetItem")).isEqualTo("ok");
    assertThat(attempts.get("GetItem")).as("GetItem is idempotent: retried until the third attempt succeeds").hasValue(3);

    assertThatThrownBy(() -> call(channel, "CreateItem")).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    assertThat(attempts.get("CreateItem")).as("CreateItem is not idempotent: one attempt").hasValue(1);

    long start = System.nanoTime();
    assertThatThrownBy(() -> call(channel, "GetReport")).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
    assertThat(attempts.get("GetReport")).as("DEADLINE_EXCEEDED is not retried").hasValue(1);
  }

  @Test
  void theDefaultTimeoutIsConfigurable() {
    Conversion conversion = convert(dir, SPEC, ConversionOptions.defaults().withDefaultTimeout(Duration.ofMillis(1500)));
    List<?> methods = (List<?>) config(conversion).get("methodConfig");
    assertThat(((Map<?, ?>) methods.get(0)).get("timeout")).isEqualTo("1.5s");
  }

  @Test
  @SuppressWarnings("unchecked")
  void grpcJavaRejectsAnInvalidConfig() {
    Map<String, Object> config = config(convert(dir, SPEC));
    ((Map<String, Object>) ((List<?>) config.get("methodConfig")).get(0)).put("timeout", "soon");
    assertThatThrownBy(() -> channel(config)).hasStackTraceContaining("Invalid duration string: soon");
  }

  private static Map<String, Object> config(Conversion conversion) {
    byte[] json = OutputWriter.render(conversion).get(CONFIG);
    assertThat(json).as(CONFIG).isNotNull();
    return ServiceConfigs.parse(json);
  }

  /** An in-process server for the service: GetItem and CreateItem fail twice with UNAVAILABLE, GetReport never answers. */
  private ManagedChannel channel(Map<String, Object> config) throws IOException {
    String name = InProcessServerBuilder.generateName();
    ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(SERVICE);
    for (String method : List.of("GetItem", "CreateItem", "GetReport")) {
      service.addMethod(method(method), ServerCalls.asyncUnaryCall((request, response) -> {
        int attempt = attempts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if (method.equals("GetReport")) {
          return; // answers never: the client's deadline ends the call
        }
        if (attempt <= 2) {
          response.onError(Status.UNAVAILABLE.withDescription("attempt " + attempt).asRuntimeException());
        } else {
          response.onNext("ok".getBytes());
          response.onCompleted();
        }
      }));
    }
    Server server = InProcessServerBuilder.forName(name).addService(service.build()).build().start();
    closeables.add(() -> server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    ManagedChannel channel = InProcessChannelBuilder.forName(name).defaultServiceConfig(config).enableRetry().build();
    closeables.add(0, () -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    return channel;
  }

  private static String call(ManagedChannel channel, String method) {
    return new String(ClientCalls.blockingUnaryCall(channel, method(method), CallOptions.DEFAULT, new byte[0]));
  }

  private static MethodDescriptor<byte[], byte[]> method(String name) {
    return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
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
}
