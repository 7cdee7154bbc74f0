package io.rest2grpc.shadow.cli;

import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.transcoding.shadow.ShadowKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar shadow-proxy.jar --rest-upstream … --grpc-upstream … --descriptor-set api.binpb}. */
@Command(name = "shadow-proxy", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Answers every client from the REST service, mirrors sampled GET and HEAD requests to its gRPC side through "
        + "the transcoding engine, and compares every answer, method by method (verdict and metrics on the admin port).")
public final class Main implements Callable<Integer> {

  @Option(names = "--rest-upstream", required = true, description = "the REST service, e.g. http://127.0.0.1:8080")
  private URI restUpstream;

  @Option(names = "--grpc-upstream", required = true, description = "its gRPC side, a grpc-java target, e.g. dns:///orders:9090")
  private String grpcUpstream;

  @Option(names = "--descriptor-set", required = true, description = "the compiled contract (imports included)")
  private Path descriptorSet;

  @Option(names = "--listen", defaultValue = "127.0.0.1:8000", description = "host:port clients connect to (default ${DEFAULT-VALUE})")
  private String listen;

  @Option(names = "--admin", defaultValue = "127.0.0.1:9901", description = "host:port of /metrics and /verdict (default ${DEFAULT-VALUE})")
  private String admin;

  @Option(names = "--sample", defaultValue = "1.0", description = "share of routed GET/HEAD requests shadowed, 0 to 1 (default ${DEFAULT-VALUE})")
  private double sample;

  @Option(names = "--max-concurrent-shadows", defaultValue = "64", description = "gRPC calls in flight at most (default ${DEFAULT-VALUE})")
  private int maxConcurrentShadows;

  @Option(names = "--shadow-deadline", defaultValue = "5s", description = "each gRPC call's deadline, e.g. 500ms or 5s (default ${DEFAULT-VALUE})")
  private String shadowDeadline;

  @Option(names = "--max-compared-body", defaultValue = "1048576", description = "bytes; a larger REST body is counted, not compared (default ${DEFAULT-VALUE})")
  private int maxComparedBody;

  @Option(names = "--marker-key", defaultValue = "${env:SHADOW_MARKER_KEY}",
      description = "id=base64 secret signing the shadow marker, one of the gRPC side's rest2grpc.shadow.keys (env SHADOW_MARKER_KEY)")
  private String markerKey;

  @Option(names = "--page-token-key", description = "id=base64, the gRPC side's rest2grpc.page-tokens.secrets; repeat for each; the first signs")
  private List<String> pageTokenKeys = List.of();

  @Option(names = "--ignore", description = "a body path that differs by nature (request id, instance): a JSON pointer, * for one segment; repeat for each")
  private List<String> ignored = List.of();

  @Option(names = "--forwarded-headers", description = "add X-Forwarded-For, X-Forwarded-Host, X-Forwarded-Proto and Via to what REST gets")
  private boolean forwardedHeaders;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ShadowSettings settings;
    try {
      Map<String, byte[]> secrets = new LinkedHashMap<>();
      pageTokenKeys.forEach(key -> secrets.put(id(key, "--page-token-key"), secret(key, "--page-token-key")));
      settings = new ShadowSettings(restUpstream, grpcUpstream, descriptorSet, address(listen, "--listen"), address(admin, "--admin"),
          sample, maxConcurrentShadows, duration(shadowDeadline), maxComparedBody,
          Optional.ofNullable(markerKey).filter(key -> !key.isBlank())
              .map(key -> new ShadowKey(id(key, "--marker-key"), secret(key, "--marker-key"))),
          secrets.isEmpty() ? "" : secrets.keySet().iterator().next(), secrets, ignored,
          forwardedHeaders);
    } catch (IllegalArgumentException bad) {
      System.err.println("shadow-proxy: " + bad.getMessage());
      return 2;
    }
    ShadowProxy proxy;
    try {
      proxy = ShadowProxy.start(settings);
    } catch (IllegalArgumentException | IOException | IllegalStateException cannotStart) {
      System.err.println("shadow-proxy: " + cannotStart.getMessage());
      return 2;
    }
    System.out.println("shadow-proxy: listening on " + proxy.address() + ", admin on " + proxy.adminAddress() + " (/metrics, /verdict)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        proxy.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  static InetSocketAddress address(String hostPort, String option) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(option + " is '" + hostPort + "'; give host:port, e.g. 127.0.0.1:8000");
    }
    try {
      return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " is '" + hostPort + "'; its port is no number");
    }
  }

  static Duration duration(String text) {
    String value = text.strip().toLowerCase();
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw new IllegalArgumentException("--shadow-deadline is '" + text + "'; give milliseconds or seconds, e.g. 500ms or 5s");
  }

  private static String id(String key, String option) {
    int equals = key.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException(option + " needs id=base64-secret, e.g. proxy=" + "AAEC…");
    }
    return key.substring(0, equals);
  }

  private static byte[] secret(String key, String option) {
    try {
      return Base64.getDecoder().decode(key.substring(key.indexOf('=') + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " " + id(key, option) + "=…: the secret is not base64 (openssl rand -base64 32)");
    }
  }
}
