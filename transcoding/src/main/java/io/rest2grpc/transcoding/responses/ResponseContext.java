package io.rest2grpc.transcoding.responses;

import com.google.protobuf.Message;
import io.rest2grpc.transcoding.http.QueryString;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The REST request a response answers, as far as the response depends on it: its method (a
 * {@code HEAD} gets headers only), its path and query (a list's next-page URL is built from them)
 * and the gRPC request it was bound to (its filters sign the page tokens).
 *
 * @param httpMethod the HTTP method as sent ({@code GET}, {@code HEAD}…)
 * @param path the request target's path as sent, percent-encoding kept, or a whole URL without
 *     its query ({@code https://api.example.com/v1/items}): the start of a next-page URL
 * @param query the request target's query as sent, without {@code ?}; empty when there was none
 * @param request the gRPC request of the call, of the method's input type
 */
public record ResponseContext(String httpMethod, String path, String query, Message request) {
  public ResponseContext {
    Objects.requireNonNull(httpMethod, "httpMethod");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(request, "request");
  }

  /** From the request target as sent ({@code /v1/items?limit=2}). */
  public static ResponseContext of(String httpMethod, String target, Message request) {
    int question = target.indexOf('?');
    return question < 0
        ? new ResponseContext(httpMethod, target, "", request)
        : new ResponseContext(httpMethod, target.substring(0, question), target.substring(question + 1), request);
  }

  boolean isHead() {
    return httpMethod.toUpperCase(Locale.ROOT).equals("HEAD");
  }

  Map<String, List<String>> queryParameters() {
    return QueryString.decode(query);
  }
}
