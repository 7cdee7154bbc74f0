package io.rest2grpc.transcoding.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A query string's parameters, percent-decoded, the first value of each kept: what a route's query discriminator is matched against. */
final class Query {
  private Query() {}

  static Map<String, String> parse(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = PercentEncoding.decodeForm(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : PercentEncoding.decodeForm(pair.substring(eq + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }
}
