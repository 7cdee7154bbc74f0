package io.rest2grpc.openapi.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generated service configs as grpc-java reads them. */
public final class ServiceConfigs {
  private ServiceConfigs() {}

  /** The JSON as grpc-java's map parser takes it: numbers as Double (Jackson reads Integer, which the parser refuses). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(byte[] json) {
    try {
      return (Map<String, Object>) doubles(new ObjectMapper().readValue(json, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds (and shuts down) a channel with the config as its default: grpc-java refuses an invalid one. */
  public static void assertLoads(Map<String, Object> config) {
    ManagedChannel channel = InProcessChannelBuilder.forName("service-config-check").defaultServiceConfig(config).enableRetry().build();
    channel.shutdownNow();
  }

  private static Object doubles(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k.toString(), doubles(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(ServiceConfigs::doubles).toList());
    }
    return value instanceof Number n ? (Object) n.doubleValue() : value;
  }
}
