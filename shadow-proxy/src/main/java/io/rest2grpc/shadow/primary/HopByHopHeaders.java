package io.rest2grpc.shadow.primary;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The headers of one hop (RFC 9110 §7.6.1): {@code Connection} and every header it names,
 * {@code Keep-Alive}, {@code Proxy-Connection}, {@code TE}, {@code Transfer-Encoding}, {@code Upgrade}, and the proxy
 * authentication headers. A proxy drops them on each side; everything else passes unchanged.
 */
public final class HopByHopHeaders {
  private static final List<AsciiString> ALWAYS = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
      AsciiString.cached("proxy-connection"), HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING,
      HttpHeaderNames.UPGRADE, HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION);
  // the headers came through Netty's own validation on arrival; copying them need not check them again
  private static final DefaultHttpHeadersFactory COPIES = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  private HopByHopHeaders() {}

  /** A copy of {@code headers} without this hop's. */
  public static HttpHeaders endToEnd(HttpHeaders headers) {
    List<String> named = namedByConnection(headers);
    HttpHeaders kept = COPIES.newHeaders();
    for (Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence(); all.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = all.next();
      if (!hopByHop(header.getKey(), named)) {
        kept.add(header.getKey(), header.getValue());
      }
    }
    return kept;
  }

  private static List<String> namedByConnection(HttpHeaders headers) {
    List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
    if (connection.isEmpty()) {
      return List.of();
    }
    List<String> named = new ArrayList<>();
    for (String value : connection) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          named.add(token.strip());
        }
      }
    }
    return named;
  }

  private static boolean hopByHop(CharSequence name, List<String> named) {
    for (AsciiString always : ALWAYS) {
      if (always.contentEqualsIgnoreCase(name)) {
        return true;
      }
    }
    for (String token : named) {
      if (AsciiString.contentEqualsIgnoreCase(token, name)) {
        return true;
      }
    }
    return false;
  }
}
