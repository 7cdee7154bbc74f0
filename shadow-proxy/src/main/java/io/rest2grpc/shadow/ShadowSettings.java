package io.rest2grpc.shadow;

import io.rest2grpc.shadow.routes.RouteRules;
import io.rest2grpc.transcoding.shadow.ShadowKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one proxy runs, checked; {@code config.ProxyOptions} makes it from the command line and the YAML file.
 *
 * @param restUpstream the REST service every request goes to ({@code http://127.0.0.1:8080})
 * @param grpcTarget the gRPC side, a grpc-java target ({@code dns:///orders:9090})
 * @param candidateTarget the isolated candidate's gRPC side, where the writes of routes opted in are mirrored
 * @param descriptorSet the compiled contract ({@code rest2grpc-maven-plugin} attaches it; imports included)
 * @param adminToken the bearer token the admin port asks for; without one it answers anyone who can reach it
 * @param maxConcurrentShadows gRPC calls in flight at most; a request over it is not shadowed (counted as dropped)
 * @param shadowDeadline each gRPC call's deadline
 * @param streams how much of a server stream is compared
 * @param maxComparedBodyBytes a REST body above it is counted, not compared; a write body above it is not mirrored
 * @param markerKey the key shadow markers are signed with, as the gRPC side's {@code rest2grpc.shadow.keys} has it
 * @param currentPageTokenKey the id of the page-token key that signs, one of {@code pageTokenSecrets}
 * @param pageTokenSecrets the page-token keys the gRPC side has ({@code rest2grpc.page-tokens.secrets}), by id
 * @param forwardedHeaders add {@code X-Forwarded-For}, {@code -Host}, {@code -Proto} and {@code Via} to what REST gets
 * @param routes each RPC's sampling, ignored paths, write mirroring and traffic dependence
 * @param noiseSampleRate the share of shadowed safe requests also sent to REST a second time, to learn its noise
 * @param recheck a mismatch is checked once more (both sides asked again) before it counts
 * @param diffs where mismatches are kept, and what is redacted from them
 * @param tls the certificate clients see; without one clients connect in cleartext
 * @param grpcConnection how the gRPC side and the candidate are reached
 */
public record ShadowSettings(URI restUpstream, String grpcTarget, Optional<String> candidateTarget, Path descriptorSet,
    InetSocketAddress listen, InetSocketAddress admin, Optional<String> adminToken, int maxConcurrentShadows,
    Duration shadowDeadline, StreamLimits streams, int maxComparedBodyBytes, Optional<ShadowKey> markerKey, String currentPageTokenKey,
    Map<String, byte[]> pageTokenSecrets, boolean forwardedHeaders, RouteRules routes, double noiseSampleRate, boolean recheck,
    DiffStoreSettings diffs, Optional<ServerTls> tls, GrpcConnection grpcConnection) {

  /**
   * @param events the first frames of a stream compared; the rest are counted
   * @param window how long the gRPC side has to send them (its stream call's deadline)
   */
  public record StreamLimits(int events, Duration window) {
    public StreamLimits {
      if (events < 1) {
        throw new IllegalArgumentException("stream-events is " + events + "; give 1 or more");
      }
    }
  }

  /** PEM files: the certificate chain clients see and its private key (PKCS#8). */
  public record ServerTls(Path certificateChain, Path privateKey) {}

  /**
   * @param tls whether to connect with TLS (the JDK's roots unless {@code trustedRoots})
   * @param clientCertificate with {@code clientKey}, the proxy's own certificate for mTLS
   * @param serviceConfigs gRPC service config JSON files or folders of them: per-method timeouts and retries, and the load
   *     balancing policy; empty: the {@code service-config} folder beside the descriptor set, if there
   */
  public record GrpcConnection(boolean tls, Optional<Path> trustedRoots, Optional<Path> clientCertificate, Optional<Path> clientKey,
      List<Path> serviceConfigs) {
    public GrpcConnection {
      serviceConfigs = List.copyOf(serviceConfigs);
    }
  }

  /**
   * @param kept mismatches kept in memory per RPC, the newest
   * @param jsonl a file every mismatch is appended to, one JSON object a line
   * @param redactedPaths body paths whose values are replaced before a mismatch is kept (secrets the API carries)
   */
  public record DiffStoreSettings(int kept, Optional<Path> jsonl, List<String> redactedPaths) {
    public DiffStoreSettings {
      redactedPaths = List.copyOf(redactedPaths);
    }
  }

  public ShadowSettings {
    if (maxConcurrentShadows < 1) {
      throw new IllegalArgumentException("max-concurrent-shadows is " + maxConcurrentShadows + "; give 1 or more");
    }
    if (noiseSampleRate < 0 || noiseSampleRate > 1) {
      throw new IllegalArgumentException("noise-sample is " + noiseSampleRate + "; give a share between 0 and 1 (0.05 for 5 %)");
    }
    pageTokenSecrets = Map.copyOf(pageTokenSecrets);
  }
}
