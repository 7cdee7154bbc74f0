package io.rest2grpc.openapi.convert.operations;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the converter derives from a spec's server URLs: the REST path prefix and the default error domain. */
public final class Servers {
  private Servers() {}

  /**
   * The path of the first server's URL, its variables at their defaults, without a trailing slash
   * ({@code https://api.acme.com/v1/} → {@code /v1}); null when there is no server or its path stays templated.
   */
  static String basePath(List<Server> servers) {
    if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
      return null;
    }
    Map<String, String> defaults = new HashMap<>();
    if (servers.get(0).getVariables() != null) {
      servers.get(0).getVariables().forEach((name, variable) -> defaults.put(name, variable.getDefault() == null ? "" : variable.getDefault()));
    }
    return basePath(servers.get(0).getUrl(), defaults);
  }

  /** The path of a server URL, its variables at {@code defaults}; null when it stays templated. */
  public static String basePath(String url, Map<String, String> defaults) {
    for (Map.Entry<String, String> variable : defaults.entrySet()) {
      url = url.replace("{" + variable.getKey() + "}", variable.getValue());
    }
    String path;
    try {
      path = url.contains("://") ? URI.create(url.replace(" ", "%20")).getRawPath() : url;
    } catch (IllegalArgumentException e) {
      path = "";
    }
    if (path == null || path.contains("{")) {
      return null;
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /** {@code --error-domain}, else the spec's {@code x-rest2grpc-error-domain}, else the first server's host name, else the package. */
  static String errorDomain(String given, OpenAPI spec, String pkg) {
    if (given != null) {
      return given;
    }
    Map<String, Object> extensions = spec.getExtensions();
    if (extensions != null && extensions.get("x-rest2grpc-error-domain") instanceof String domain && !domain.isBlank()) {
      return domain.strip();
    }
    List<Server> servers = spec.getServers();
    if (servers != null && !servers.isEmpty() && servers.get(0).getUrl() != null && servers.get(0).getUrl().contains("://")) {
      try {
        String host = URI.create(servers.get(0).getUrl()).getHost();
        if (host != null && host.contains(".") && !host.matches("[\\d.]+") && !host.endsWith("localhost")) {
          return host.toLowerCase(Locale.ROOT);
        }
      } catch (IllegalArgumentException e) {
        // a templated or malformed URL names no host
      }
    }
    return pkg;
  }
}
