package io.rest2grpc.shadow.cli;

import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.config.ProxyOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar shadow-proxy.jar --rest-upstream … --grpc-upstream … --descriptor-set api.binpb}, or
 * {@code --config shadow-proxy.yaml}; an option given on the command line wins over the file's key of the same name.
 */
@Command(name = "shadow-proxy", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Answers every client from the REST service, mirrors sampled requests to its gRPC side through the "
        + "transcoding engine, and compares every answer, method by method (report, verdict and metrics on the admin port). "
        + "Each option is also a key of the YAML file given with --config; per-route rules are set there, under routes:.")
public final class Main implements Callable<Integer> {

  @Option(names = "--config", description = "a YAML file with any of these options as keys, and per-route rules under routes:")
  private Path config;

  @Option(names = "--rest-upstream", description = "the REST service, e.g. http://127.0.0.1:8080 (required)")
  private String restUpstream;

  @Option(names = "--grpc-upstream", description = "its gRPC side, a grpc-java target, e.g. dns:///orders:9090 (required)")
  private String grpcUpstream;

  @Option(names = "--candidate-grpc-upstream",
      description = "the isolated candidate's gRPC side (its own copy of the database): where routes with writes: candidate mirror writes")
  private String candidateGrpcUpstream;

  @Option(names = "--descriptor-set", description = "the compiled contract, imports included (required)")
  private String descriptorSet;

  @Option(names = "--listen", description = "host:port clients connect to (default 127.0.0.1:8000)")
  private String listen;

  @Option(names = "--admin", description = "host:port of the report, /verdict, /metrics, /ready (default 127.0.0.1:9901)")
  private String admin;

  @Option(names = "--admin-token", description = "bearer token the admin port asks for (env SHADOW_ADMIN_TOKEN); needed off 127.0.0.1")
  private String adminToken;

  @Option(names = "--sample", description = "share of routed requests shadowed, 0 to 1 (default 1.0)")
  private Double sample;

  @Option(names = "--max-concurrent-shadows", description = "gRPC calls in flight at most (default 64)")
  private Integer maxConcurrentShadows;

  @Option(names = "--shadow-deadline", description = "each gRPC call's deadline, e.g. 500ms or 5s (default 5s)")
  private String shadowDeadline;

  @Option(names = "--stream-events", description = "the first frames of a stream (SSE, NDJSON) compared; the rest are counted (default 10)")
  private Integer streamEvents;

  @Option(names = "--stream-window", description = "how long the gRPC side has to send those frames, e.g. 30s (default 30s)")
  private String streamWindow;

  @Option(names = "--max-compared-body", description = "bytes; a larger REST body is counted, not compared (default 1048576)")
  private Integer maxComparedBody;

  @Option(names = "--marker-key",
      description = "id=base64 secret signing the shadow marker, one of the gRPC side's rest2grpc.shadow.keys (env SHADOW_MARKER_KEY)")
  private String markerKey;

  @Option(names = "--page-token-key", description = "id=base64, the gRPC side's rest2grpc.page-tokens.secrets; repeat for each; the first signs")
  private List<String> pageTokenKeys;

  @Option(names = "--ignore", description = "a body path that differs by nature (request id, instance): a JSON pointer, * for one segment; repeat for each")
  private List<String> ignored;

  @Option(names = "--unordered", description = "an array whose order means nothing (validation errors): a JSON pointer; repeat for each")
  private List<String> unordered;

  @Option(names = "--forwarded-headers", description = "add X-Forwarded-For, X-Forwarded-Host, X-Forwarded-Proto and Via to what REST gets")
  private Boolean forwardedHeaders;

  @Option(names = "--noise-sample", description = "share of shadowed reads sent to REST a second time to learn its noise (default 0)")
  private Double noiseSample;

  @Option(names = "--recheck", description = "ask both sides once more before a mismatch of a read counts")
  private Boolean recheck;

  @Option(names = "--kept-diffs", description = "mismatches kept per RPC for the report and /diffs (default 100)")
  private Integer keptDiffs;

  @Option(names = "--diff-log", description = "a file every mismatch is appended to, one JSON object a line, secrets redacted")
  private String diffLog;

  @Option(names = "--redact", description = "a body path whose value is a secret, redacted in kept mismatches; repeat for each")
  private List<String> redact;

  @Option(names = "--tls-cert", description = "PEM certificate chain: clients connect with TLS (HTTP/1.1 and h2 by ALPN)")
  private String tlsCert;

  @Option(names = "--tls-key", description = "PEM private key (PKCS#8) of --tls-cert")
  private String tlsKey;

  @Option(names = "--grpc-tls", description = "connect to the gRPC side (and the candidate) with TLS, trusting the JDK's roots or --grpc-ca")
  private Boolean grpcTls;

  @Option(names = "--grpc-ca", description = "PEM roots the gRPC side's certificate is checked against (implies --grpc-tls)")
  private String grpcCa;

  @Option(names = "--grpc-cert", description = "PEM client certificate for mTLS to the gRPC side (with --grpc-key)")
  private String grpcCert;

  @Option(names = "--grpc-key", description = "PEM private key (PKCS#8) of --grpc-cert")
  private String grpcKey;

  @Option(names = "--service-config", description = "gRPC service config JSON (a file or a folder of them; repeat): timeouts, retries, "
      + "load balancing of shadow calls (default: service-config/ beside the descriptor set, if there)")
  private List<String> serviceConfig;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ShadowProxy proxy;
    try {
      proxy = ShadowProxy.start(settings());
    } catch (IllegalArgumentException | IOException | IllegalStateException cannotStart) {
      System.err.println("shadow-proxy: " + cannotStart.getMessage());
      return 2;
    }
    System.out.println("shadow-proxy: listening on " + proxy.address() + ", report on http://" + proxy.adminAddress().getHostString()
        + ":" + proxy.adminAddress().getPort() + "/");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      proxy.close();
      stopped.countDown();
    }, "shadow-proxy-drain"));
    stopped.await();
    return 0;
  }

  /** The command line over the configuration file over the environment. */
  ShadowSettings settings() throws IOException {
    ProxyOptions file = config == null ? ProxyOptions.NONE : ProxyOptions.read(config);
    ProxyOptions commandLine = new ProxyOptions(restUpstream, grpcUpstream, candidateGrpcUpstream, descriptorSet, listen, admin,
        adminToken, sample, maxConcurrentShadows, shadowDeadline, streamEvents, streamWindow, maxComparedBody, markerKey, pageTokenKeys, ignored, unordered,
        forwardedHeaders,
        noiseSample, recheck, keptDiffs, diffLog, redact, tlsCert, tlsKey, grpcTls, grpcCa, grpcCert, grpcKey, serviceConfig, null);
    return commandLine.over(file).over(ProxyOptions.environment(System.getenv())).settings();
  }
}
