package io.rest2grpc.shadow.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One RPC's entry under {@code routes:} in the configuration file; what it leaves out is the proxy-wide setting.
 *
 * @param sample the share of its requests shadowed
 * @param ignore body paths that differ by nature on this route, beside the proxy-wide {@code ignore}
 * @param unordered arrays whose order means nothing on this route, beside the proxy-wide {@code unordered}
 * @param ignoreHeaders compared headers that differ by nature on this route ({@code Location} naming a random id)
 * @param writes {@code off}, {@code candidate} or {@code unsafe}
 * @param trafficDependent {@code shape} or {@code status}: the answer depends on the traffic itself
 */
public record RouteOptions(Double sample, List<String> ignore, List<String> unordered, @JsonProperty("ignore-headers") List<String> ignoreHeaders, String writes,
    @JsonProperty("traffic-dependent") String trafficDependent) {}
