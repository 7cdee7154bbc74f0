package io.rest2grpc.shadow;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.grpc.ManagedChannel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.rest2grpc.shadow.compare.NoiseModel;
import io.rest2grpc.shadow.primary.PrimaryPath;
import io.rest2grpc.shadow.primary.RestAgain;
import io.rest2grpc.shadow.results.AdminServer;
import io.rest2grpc.shadow.results.DiffStore;
import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.results.Redaction;
import io.rest2grpc.shadow.routes.RouteRules;
import io.rest2grpc.shadow.routes.WriteMirroring;
import io.rest2grpc.shadow.shadowing.Comparisons;
import io.rest2grpc.shadow.shadowing.GrpcChannels;
import io.rest2grpc.shadow.shadowing.ShadowCalls;
import io.rest2grpc.shadow.shadowing.ShadowTargets;
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
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * A running shadow proxy: its listening port in front of REST, the gRPC channels its shadow calls take, and the admin
 * port with the report, the verdict and the metrics. The entry point of the module; {@code Main} starts one from the
 * command line or a configuration file.
 */
public final class ShadowProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowProxy.class);
  private static final Duration DRAIN = Duration.ofSeconds(10);
  /**
   * The largest body of a request asking to upgrade to h2c, which is read whole before the upgrade: Reactor Netty's
   * default, 0, answers 413 to a client (Java's HttpClient among them) that sends its first POST with the upgrade.
   */
  private static final int H2C_UPGRADE_MAX_BODY = 8 << 20;

  private final DisposableServer server;
  private final DisposableServer admin;
  private final List<ManagedChannel> channels;
  private final ConnectionProvider connections;
  private final Comparisons comparisons;
  private final ParityLedger ledger;
  private final ProxyState state;

  private ShadowProxy(DisposableServer server, DisposableServer admin, List<ManagedChannel> channels, ConnectionProvider connections,
      Comparisons comparisons, ProxyState state) {
    this.server = server;
    this.admin = admin;
    this.channels = channels;
    this.connections = connections;
    this.comparisons = comparisons;
    this.ledger = comparisons.ledger();
    this.state = state;
  }

  /** What the admin port reads and switches: whether shadowing is off, whether the proxy is draining. */
  public static final class ProxyState {
    private final AtomicBoolean passthrough = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();

    public boolean passthrough() {
      return passthrough.get();
    }

    public void passthrough(boolean on) {
      if (passthrough.getAndSet(on) != on) {
        LOG.warn(on ? "passthrough on: nothing is shadowed until it is switched off" : "passthrough off: shadowing again");
      }
    }

    public boolean draining() {
      return draining.get();
    }
  }

  /** Reads the contract, connects to both sides and listens; throws with what to correct for a bad setting. */
  public static ShadowProxy start(ShadowSettings settings) throws IOException {
    Collection<FileDescriptor> files = contract(settings);
    HttpTranscoder engine = engine(settings, files);
    check(settings, engine);
    Path serviceConfigs = settings.descriptorSet().toAbsolutePath().resolveSibling("service-config");
    ManagedChannel grpc = GrpcChannels.open(settings.grpcTarget(), settings.grpcConnection(), serviceConfigs);
    Optional<ManagedChannel> candidate = settings.candidateTarget().isEmpty() ? Optional.empty()
        : Optional.of(GrpcChannels.open(settings.candidateTarget().get(), settings.grpcConnection(), serviceConfigs));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ParityLedger ledger = new ParityLedger(registry, Clock.systemUTC(), DiffStore.open(settings.diffs().kept(), settings.diffs().jsonl()));
    ShadowCalls shadows = new ShadowCalls(engine, settings.maxConcurrentShadows(), settings.shadowDeadline(), settings.streams(),
        settings.markerKey().map(key -> new ShadowSigner(key, Clock.systemUTC())));
    ConnectionProvider connections = ConnectionProvider.create("rest-upstream", 500);
    HttpClient rest = HttpClient.create(connections).baseUrl(settings.restUpstream().toString()).protocol(HttpProtocol.HTTP11);
    Comparisons comparisons = new Comparisons(ledger, Redaction.of(files, settings.diffs().redactedPaths()), new NoiseModel(), shadows,
        new RestAgain(rest, settings.maxComparedBodyBytes()), settings.recheck(), settings.noiseSampleRate());
    ProxyState state = new ProxyState();
    PrimaryPath primary = new PrimaryPath(rest, shadows, comparisons, settings.routes(),
        new ShadowTargets(grpc, candidate.map(channel -> channel)), settings.maxComparedBodyBytes(), settings.forwardedHeaders(),
        state::passthrough);
    HttpServer http = HttpServer.create().bindAddress(settings::listen)
        .channelGroup(new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE)); // so that closing drains requests in flight
    if (settings.tls().isPresent()) {
      ShadowSettings.ServerTls tls = settings.tls().get();
      http = http.secure(spec -> spec.sslContext(Http2SslContextSpec.forServer(tls.certificateChain().toFile(),
          tls.privateKey().toFile()))).protocol(HttpProtocol.HTTP11, HttpProtocol.H2);
    } else {
      http = http.protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)
          .httpRequestDecoder(decoder -> decoder.h2cMaxContentLength(H2C_UPGRADE_MAX_BODY));
    }
    DisposableServer server = http.handle(primary).bindNow();
    DisposableServer admin = AdminServer.start(settings, registry, comparisons, state);
    warnAboutUnsafeWrites(settings.routes());
    return new ShadowProxy(server, admin, candidate.map(channel -> List.of(grpc, channel)).orElse(List.of(grpc)), connections,
        comparisons, state);
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

  /**
   * Drains: readiness fails at once, the requests in flight finish (up to 10 s), their comparisons too, and then
   * everything closes.
   */
  @Override
  public void close() {
    state.draining.set(true);
    server.disposeNow(DRAIN);
    try {
      comparisons.drain(DRAIN);
      for (ManagedChannel channel : channels) {
        channel.shutdown().awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      channels.forEach(ManagedChannel::shutdownNow);
      comparisons.close();
      ledger.diffs().close();
      connections.disposeLater().block(DRAIN);
      admin.disposeNow();
    }
  }

  private static Collection<FileDescriptor> contract(ShadowSettings settings) throws IOException {
    if (!Files.isRegularFile(settings.descriptorSet())) {
      throw new IllegalArgumentException("no descriptor set at " + settings.descriptorSet() + ": give the one the service's build "
          + "writes (target/classes/META-INF/rest2grpc/descriptor-set.binpb, or the protos artifact's descriptor-set.binpb)");
    }
    FileDescriptorSet set;
    try (InputStream in = Files.newInputStream(settings.descriptorSet())) {
      set = FileDescriptorSet.parseFrom(in, RestOptions.registry());
    }
    return DescriptorSets.load(set, settings.descriptorSet().toString()).values();
  }

  private static HttpTranscoder engine(ShadowSettings settings, Collection<FileDescriptor> files) {
    Map<String, byte[]> secrets = settings.pageTokenSecrets();
    String current = settings.currentPageTokenKey();
    if (secrets.isEmpty()) {
      // tokens only this process reads: the gRPC side refuses them, so paged lists will not compare
      byte[] random = new byte[PageTokenKeys.MIN_SECRET_BYTES];
      new SecureRandom().nextBytes(random);
      secrets = Map.of("proxy", random);
      current = "proxy";
    }
    return HttpTranscoder.builder().pageTokens(PageTokens.create(PageTokenKeys.of(current, secrets))).build(files);
  }

  /**
   * The admin port is reachable only from this machine unless it asks for a token; every RPC the routes name has a
   * REST route, and a route mirroring writes has where to send them.
   */
  private static void check(ShadowSettings settings, HttpTranscoder engine) {
    InetSocketAddress adminAddress = settings.admin();
    if (settings.adminToken().isEmpty() && (adminAddress.getAddress() == null || !adminAddress.getAddress().isLoopbackAddress())) {
      throw new IllegalArgumentException("admin is " + adminAddress.getHostString() + ":" + adminAddress.getPort() + ", off this "
          + "machine, without an admin-token: give one (--admin-token or SHADOW_ADMIN_TOKEN), or keep the admin port on 127.0.0.1");
    }
    Map<String, MethodDescriptor> routed = engine.routes().routes().stream()
        .collect(Collectors.toMap(route -> route.method().getFullName(), route -> route.method(), (one, same) -> one));
    settings.routes().byRpc().forEach((rpc, rule) -> {
      if (!routed.containsKey(rpc)) {
        throw new IllegalArgumentException("routes." + rpc + ": no RPC of that name has a REST route in " + settings.descriptorSet()
            + "; give a full name, one of " + new TreeSet<>(routed.keySet()));
      }
      Set<String> methods = engine.routes().routes().stream().filter(route -> route.method().getFullName().equals(rpc))
          .map(route -> route.httpMethod()).collect(Collectors.toCollection(TreeSet::new));
      if (rule.writes() != WriteMirroring.OFF && methods.stream().allMatch(method -> method.equals("GET") || method.equals("HEAD"))) {
        throw new IllegalArgumentException("routes." + rpc + ".writes: its routes are " + methods + ", reads, which are always "
            + "shadowed; writes applies to POST, PUT, PATCH and DELETE routes");
      }
      if (rule.writes() == WriteMirroring.CANDIDATE && settings.candidateTarget().isEmpty()) {
        throw new IllegalArgumentException("routes." + rpc + ".writes is candidate, but no candidate-grpc-upstream is given: give the "
            + "gRPC address of the service's isolated copy (its own database, seeded like the real one)");
      }
    });
  }

  private static void warnAboutUnsafeWrites(RouteRules routes) {
    routes.byRpc().forEach((rpc, rule) -> {
      if (rule.writes() == WriteMirroring.UNSAFE) {
        LOG.warn("UNSAFE: the writes of {} are mirrored to the gRPC side, which shares REST's database: each one is applied "
            + "TWICE. Use writes: candidate with an isolated copy unless doubled writes are harmless here.", rpc);
      }
    });
  }
}
