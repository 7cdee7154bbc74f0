package io.rest2grpc.openapi.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One gRPC service config per service (module README, "Service config"), beside its proto as
 * {@code <package dir>/<service>_config.json} ({@code OrdersService} → {@code orders_service_config.json}):
 * round_robin load balancing, per method a timeout (x-timeout, else the conversion's default) and,
 * for idempotent methods only, a retry policy on UNAVAILABLE, with retry throttling. Methods with
 * the same timeout and policy share one methodConfig entry.
 */
final class ServiceConfigWriter {
  static final String SUFFIX = "_config.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** DEADLINE_EXCEEDED is not retried: the method's timeout bounds all attempts together. */
  private static final Map<String, Object> RETRY_POLICY = ordered(
      "maxAttempts", 3,
      "initialBackoff", "0.1s",
      "maxBackoff", "1s",
      "backoffMultiplier", 2,
      "retryableStatusCodes", List.of("UNAVAILABLE"));
  private static final Map<String, Object> RETRY_THROTTLING = ordered("maxTokens", 10, "tokenRatio", 0.1);

  private ServiceConfigWriter() {}

  /** File path → content, one per service of the conversion. */
  static Map<String, byte[]> render(Conversion conversion) {
    Map<String, byte[]> files = new TreeMap<>();
    String pkg = conversion.packageName();
    String defaultTimeout = conversion.fileOptions().timeout();
    for (ProtoFile file : conversion.files()) {
      for (ProtoService service : file.services()) {
        String path = pkg.replace('.', '/') + "/" + Names.snake(service.name()) + SUFFIX;
        files.put(path, json(config(pkg + "." + service.name(), service, defaultTimeout)));
      }
    }
    return files;
  }

  private static Map<String, Object> config(String serviceName, ProtoService service, String defaultTimeout) {
    Map<List<Object>, List<Map<String, Object>>> namesByPolicy = new LinkedHashMap<>();
    for (ProtoRpc rpc : service.rpcs()) {
      String timeout = rpc.options().timeout() == null ? defaultTimeout : rpc.options().timeout();
      namesByPolicy.computeIfAbsent(List.of(timeout, rpc.idempotency() != null), k -> new ArrayList<>())
          .add(ordered("service", serviceName, "method", rpc.name()));
    }
    List<Map<String, Object>> methodConfig = new ArrayList<>();
    namesByPolicy.forEach((policy, names) -> {
      Map<String, Object> entry = ordered("name", names, "timeout", policy.get(0));
      if (Boolean.TRUE.equals(policy.get(1))) {
        entry.put("retryPolicy", RETRY_POLICY);
      }
      methodConfig.add(entry);
    });
    return ordered("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())), "methodConfig", methodConfig,
        "retryThrottling", RETRY_THROTTLING);
  }

  private static byte[] json(Map<String, Object> config) {
    try {
      return (JSON.writeValueAsString(config) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
