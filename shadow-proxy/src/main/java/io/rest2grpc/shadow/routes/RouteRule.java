package io.rest2grpc.shadow.routes;

import io.rest2grpc.shadow.compare.PathPatterns;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the proxy does with one RPC's requests.
 *
 * @param sampleRate the share of its requests that are shadowed, 0 to 1
 * @param ignored body paths that differ by nature on this route, the proxy-wide ones included
 * @param unordered arrays whose order means nothing on this route, the proxy-wide ones included
 * @param ignoredHeaders compared headers that differ by nature on this route (a {@code Location} naming a random id)
 * @param writes whether its writes are mirrored, and where to
 * @param trafficDependence how its answer is compared when it depends on the traffic itself
 */
public record RouteRule(double sampleRate, PathPatterns ignored, PathPatterns unordered, Set<String> ignoredHeaders, WriteMirroring writes,
    TrafficDependence trafficDependence) {

  public RouteRule {
    ignoredHeaders = ignoredHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    if (sampleRate < 0 || sampleRate > 1) {
      throw new IllegalArgumentException("the sample rate is " + sampleRate + "; give a share between 0 and 1 (0.1 for 10 %)");
    }
  }

  public boolean ignoresHeader(String name) {
    return ignoredHeaders.contains(name.toLowerCase(Locale.ROOT));
  }
}
