package io.rest2grpc.shadow.shadowing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.rest2grpc.shadow.ShadowSettings.GrpcConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The channels shadow calls take: a grpc-java target ({@code dns:///orders:9090} resolves every address), cleartext
 * or TLS/mTLS, with the service's own service config (per-method timeouts and retries, its load-balancing policy;
 * round_robin when it names none, so that shadow calls spread over every replica) and keepalive.
 */
public final class GrpcChannels {
  // the shortest interval a grpc-java server accepts by default; shorter pings end the connection (too_many_pings)
  private static final long KEEPALIVE_MINUTES = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private GrpcChannels() {}

  /** {@code serviceConfigFolder}: where the service's build writes its service configs, used when none is given. */
  public static ManagedChannel open(String target, GrpcConnection connection, Path serviceConfigFolder) throws IOException {
    ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(target, credentials(connection))
        .keepAliveTime(KEEPALIVE_MINUTES, TimeUnit.MINUTES).keepAliveTimeout(20, TimeUnit.SECONDS)
        .enableRetry()
        // a shadow call's listener only completes a future: no pool thread needed (+29 % req/s, benchmarks/RESULTS.md)
        .directExecutor()
        .defaultServiceConfig(serviceConfig(connection.serviceConfigs().isEmpty() && Files.isDirectory(serviceConfigFolder)
            ? List.of(serviceConfigFolder) : connection.serviceConfigs()));
    return builder.build();
  }

  private static ChannelCredentials credentials(GrpcConnection connection) throws IOException {
    if (!connection.tls()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    if (connection.trustedRoots().isPresent()) {
      tls.trustManager(connection.trustedRoots().get().toFile());
    }
    if (connection.clientCertificate().isPresent()) {
      tls.keyManager(connection.clientCertificate().get().toFile(), connection.clientKey().orElseThrow().toFile());
    }
    return tls.build();
  }

  /** The service configs merged: every file's method configs, and the first load-balancing policy named. */
  static Map<String, Object> serviceConfig(List<Path> paths) throws IOException {
    List<Object> methodConfigs = new ArrayList<>();
    Object balancing = List.of(Map.of("round_robin", Map.of()));
    boolean named = false;
    for (Path file : files(paths)) {
      Map<?, ?> config;
      try {
        config = JSON.readValue(file.toFile(), Map.class);
      } catch (IOException unreadable) {
        throw new IllegalArgumentException("service-config " + file + " is no JSON the proxy reads: " + unreadable.getMessage());
      }
      if (config.get("methodConfig") instanceof List<?> methods) {
        methodConfigs.addAll(methods);
      }
      if (!named && config.get("loadBalancingConfig") != null) {
        balancing = config.get("loadBalancingConfig");
        named = true;
      }
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.put("loadBalancingConfig", balancing);
    if (!methodConfigs.isEmpty()) {
      merged.put("methodConfig", methodConfigs);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> asGrpcReadsIt = (Map<String, Object>) numbersAsDoubles(merged);
    return asGrpcReadsIt;
  }

  private static List<Path> files(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> json = Files.list(path)) {
          json.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** grpc-java reads a service config's numbers as doubles only (its own JSON parser's type). */
  private static Object numbersAsDoubles(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, entry) -> copy.put((String) key, numbersAsDoubles(entry)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GrpcChannels::numbersAsDoubles).toList();
    }
    return value;
  }
}
