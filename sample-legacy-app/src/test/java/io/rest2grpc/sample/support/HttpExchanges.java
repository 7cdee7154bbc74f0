package io.rest2grpc.sample.support;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The engine's REST request of an exchange the JDK's HTTP server received, and a REST response sent back on it. */
public final class HttpExchanges {
  private static final Set<String> SERVER_HEADERS = Set.of("content-length", "transfer-encoding", "date", "connection");

  private HttpExchanges() {}

  public static RestRequest request(HttpExchange exchange, ByteString body) {
    List<RestHeaders.Header> headers = new ArrayList<>();
    String contentType = "";
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      for (String value : header.getValue()) {
        if (header.getKey().equalsIgnoreCase("Content-Type")) {
          contentType = value;
        } else {
          headers.add(new RestHeaders.Header(header.getKey(), value));
        }
      }
    }
    String query = exchange.getRequestURI().getRawQuery();
    return new RestRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query == null ? "" : query,
        new RestHeaders(headers), contentType, body);
  }

  public static void send(HttpExchange exchange, RestResponse response, String method) throws IOException {
    addHeaders(exchange, response.headers(), method.equals("HEAD"));
    if (!response.mediaType().isEmpty()) {
      exchange.getResponseHeaders().set("Content-Type", response.mediaType());
    }
    boolean noBody = method.equals("HEAD") || response.body().isEmpty();
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().size());
    if (!noBody) {
      response.body().writeTo(exchange.getResponseBody());
    }
  }

  /** The headers the HTTP server does not set itself; for a HEAD, the Content-Length a GET would have had. */
  public static void addHeaders(HttpExchange exchange, RestHeaders headers, boolean head) {
    for (RestHeaders.Header header : headers.list()) {
      boolean headLength = head && header.name().equalsIgnoreCase("Content-Length");
      if (headLength || !SERVER_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
        exchange.getResponseHeaders().add(header.name(), header.value());
      }
    }
  }
}
