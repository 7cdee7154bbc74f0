package io.rest2grpc.shadow;

import io.rest2grpc.transcoding.shadow.ShadowKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one proxy runs.
 *
 * @param restUpstream the REST service every request goes to ({@code http://127.0.0.1:8080})
 * @param grpcTarget the gRPC side, a grpc-java target ({@code dns:///orders:9090})
 * @param descriptorSet the compiled contract ({@code rest2grpc-maven-plugin} attaches it; imports included)
 * @param sampleRate the share of the requests the engine routes that are shadowed, 0 to 1
 * @param maxConcurrentShadows gRPC calls in flight at most; a request over it is not shadowed (counted as dropped)
 * @param shadowDeadline each gRPC call's deadline
 * @param maxComparedBodyBytes a REST body above it is counted, not compared
 * @param markerKey the key shadow markers are signed with, as the gRPC side's {@code rest2grpc.shadow.keys} has it
 * @param pageTokenSecrets the page-token keys the gRPC side has ({@code rest2grpc.page-tokens.secrets}), by id
 * @param ignoredBodyPaths body paths that differ by nature (JSON pointers, {@code *} for one segment)
 * @param forwardedHeaders add {@code X-Forwarded-For}, {@code -Host}, {@code -Proto} and {@code Via} to what REST gets
 */
public record ShadowSettings(URI restUpstream, String grpcTarget, Path descriptorSet, InetSocketAddress listen,
    InetSocketAddress admin, double sampleRate, int maxConcurrentShadows, Duration shadowDeadline, int maxComparedBodyBytes,
    Optional<ShadowKey> markerKey, String currentPageTokenKey, Map<String, byte[]> pageTokenSecrets, List<String> ignoredBodyPaths,
    boolean forwardedHeaders) {

  public ShadowSettings {
    if (sampleRate < 0 || sampleRate > 1) {
      throw new IllegalArgumentException("the sample rate is " + sampleRate + "; give a share between 0 and 1 (0.1 for 10 %)");
    }
    if (maxConcurrentShadows < 1) {
      throw new IllegalArgumentException("max concurrent shadows is " + maxConcurrentShadows + "; give 1 or more");
    }
    pageTokenSecrets = Map.copyOf(pageTokenSecrets);
    ignoredBodyPaths = List.copyOf(ignoredBodyPaths);
  }
}
