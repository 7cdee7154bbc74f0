package io.rest2grpc.shadow.primary;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The headers of one hop (RFC 9110 §7.6.1): {@code Connection} and every header it names,
 * {@code Keep-Alive}, {@code Proxy-Connection}, {@code TE}, {@code Transfer-Encoding}, {@code Upgrade}, and the proxy
 * authentication headers. A proxy drops them on each side; everything else passes unchanged.
 */
public final class HopByHopHeaders {
  private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
      "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization");

  private HopByHopHeaders() {}

  /** A copy of {@code headers} without this hop's. */
  public static HttpHeaders endToEnd(HttpHeaders headers) {
    Set<String> dropped = new TreeSet<>(ALWAYS);
    for (String connection : headers.getAll("connection")) {
      for (String token : connection.split(",")) {
        if (!token.isBlank()) {
          dropped.add(token.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    HttpHeaders kept = new DefaultHttpHeaders();
    headers.forEach(header -> {
      if (!dropped.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        kept.add(header.getKey(), header.getValue());
      }
    });
    return kept;
  }
}
