package io.rest2grpc.shadow.primary;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;

/**
 * The de-facto headers telling the REST service who the client was: {@code X-Forwarded-For} (appended to a
 * previous proxy's), {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} (kept if a proxy in front set them), and
 * {@code Via} (RFC 9110 §7.6.3).
 */
final class ForwardedHeaders {
  static final String VIA = "1.1 rest2grpc-shadow-proxy";

  private ForwardedHeaders() {}

  static void add(HttpHeaders headers, InetSocketAddress client, String host, String scheme) {
    String address = client == null || client.getAddress() == null ? null : client.getAddress().getHostAddress();
    if (address != null) {
      String previous = headers.get("X-Forwarded-For");
      headers.set("X-Forwarded-For", previous == null ? address : previous + ", " + address);
    }
    if (host != null && !headers.contains("X-Forwarded-Host")) {
      headers.set("X-Forwarded-Host", host);
    }
    if (!headers.contains("X-Forwarded-Proto")) {
      headers.set("X-Forwarded-Proto", scheme);
    }
    String via = headers.get("Via");
    headers.set("Via", via == null ? VIA : via + ", " + VIA);
  }
}
