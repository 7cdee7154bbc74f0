package io.rest2grpc.shadow;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rest2grpc.shadow.compare.IgnoredPaths;
import io.rest2grpc.shadow.compare.ParityCheck;
import io.rest2grpc.shadow.primary.PrimaryPath;
import io.rest2grpc.shadow.results.AdminServer;
import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.shadowing.ShadowCalls;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.shadow.ShadowSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * A running shadow proxy: its listening port in front of REST, the gRPC channel its shadow calls take, and the admin
 * port with the metrics and the verdict. The entry point of the module; {@code Main} starts one from the command line.
 */
public final class ShadowProxy implements AutoCloseable {
  private static final int COMPARISON_QUEUE = 1_000;

  private final DisposableServer server;
  private final DisposableServer admin;
  private final ManagedChannel channel;
  private final ConnectionProvider connections;
  private final ThreadPoolExecutor comparisons;
  private final ParityLedger ledger;

  private ShadowProxy(DisposableServer server, DisposableServer admin, ManagedChannel channel, ConnectionProvider connections,
      ThreadPoolExecutor comparisons, ParityLedger ledger) {
    this.server = server;
    this.admin = admin;
    this.channel = channel;
    this.connections = connections;
    this.comparisons = comparisons;
    this.ledger = ledger;
  }

  /** Reads the contract, connects to both sides and listens; throws with what to correct for a bad setting. */
  public static ShadowProxy start(ShadowSettings settings) throws IOException {
    HttpTranscoder engine = engine(settings);
    ManagedChannel channel = NettyChannelBuilder.forTarget(settings.grpcTarget()).usePlaintext().build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ParityLedger ledger = new ParityLedger(registry, Clock.systemUTC());
    ShadowCalls shadows = new ShadowCalls(engine, channel, settings.maxConcurrentShadows(), settings.shadowDeadline(),
        settings.markerKey().map(key -> new ShadowSigner(key, Clock.systemUTC())));
    ConnectionProvider connections = ConnectionProvider.create("rest-upstream", 500);
    HttpClient rest = HttpClient.create(connections).baseUrl(settings.restUpstream().toString()).protocol(HttpProtocol.HTTP11);
    // comparisons are CPU work off the primary path; when they fall behind, requests are dropped from shadowing, counted
    ThreadPoolExecutor comparisons = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(COMPARISON_QUEUE),
        runnable -> {
          Thread thread = new Thread(runnable, "shadow-comparisons");
          thread.setDaemon(true);
          return thread;
        });
    PrimaryPath primary = new PrimaryPath(rest, shadows, ledger, settings.sampleRate(), settings.maxComparedBodyBytes(), comparisons,
        new ParityCheck(IgnoredPaths.of(settings.ignoredBodyPaths())), settings.forwardedHeaders());
    DisposableServer server = HttpServer.create().bindAddress(settings::listen)
        .protocol(HttpProtocol.HTTP11, HttpProtocol.H2C).handle(primary).bindNow();
    DisposableServer admin = AdminServer.start(settings.admin(), registry, ledger);
    return new ShadowProxy(server, admin, channel, connections, comparisons, ledger);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.address();
  }

  public InetSocketAddress adminAddress() {
    return (InetSocketAddress) admin.address();
  }

  public ParityLedger ledger() {
    return ledger;
  }

  @Override
  public void close() throws InterruptedException {
    server.disposeNow();
    admin.disposeNow();
    connections.disposeLater().block();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    comparisons.shutdownNow();
  }

  private static HttpTranscoder engine(ShadowSettings settings) throws IOException {
    if (!Files.isRegularFile(settings.descriptorSet())) {
      throw new IllegalArgumentException("no descriptor set at " + settings.descriptorSet() + ": give the one the service's build "
          + "writes (target/classes/META-INF/rest2grpc/descriptor-set.binpb, or the protos artifact's descriptor-set.binpb)");
    }
    FileDescriptorSet set;
    try (InputStream in = Files.newInputStream(settings.descriptorSet())) {
      set = FileDescriptorSet.parseFrom(in, RestOptions.registry());
    }
    Map<String, byte[]> secrets = settings.pageTokenSecrets();
    String current = settings.currentPageTokenKey();
    if (secrets.isEmpty()) {
      // tokens only this process reads: the gRPC side refuses them, so paged lists will not compare
      byte[] random = new byte[PageTokenKeys.MIN_SECRET_BYTES];
      new SecureRandom().nextBytes(random);
      secrets = Map.of("proxy", random);
      current = "proxy";
    }
    return HttpTranscoder.builder().pageTokens(PageTokens.create(PageTokenKeys.of(current, secrets)))
        .build(DescriptorSets.load(set, settings.descriptorSet().toString()).values());
  }
}
