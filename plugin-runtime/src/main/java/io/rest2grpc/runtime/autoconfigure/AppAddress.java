package io.rest2grpc.runtime.autoconfigure;

import java.net.URI;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;

/**
 * Where the app's own REST endpoints listen: the port its web server got when it started (it may be random), or the
 * address given ({@code rest2grpc.bridge.base-url}) when loopback is not the way in.
 *
 * <p>The port is read from {@code local.server.port}, which Spring Boot sets when the main web server starts (the
 * management server's is {@code local.management.port}): the same property on Boot 3 and Boot 4, whose
 * {@code WebServerInitializedEvent} moved package.
 */
final class AppAddress implements Supplier<URI> {
  private final URI given;
  private final String contextPath;
  private final Environment environment;
  private volatile URI learned;

  AppAddress(String given, String contextPath, Environment environment) {
    this.given = given == null || given.isBlank() ? null : URI.create(given.replaceAll("/+$", ""));
    this.contextPath = contextPath == null ? "" : contextPath.replaceAll("/+$", "");
    this.environment = environment;
  }

  @Override
  public URI get() {
    if (given != null) {
      return given;
    }
    URI known = learned;
    if (known == null) {
      String port = environment.getProperty("local.server.port");
      if (port == null) {
        throw new IllegalStateException("the app's web server has not started: the bridge answers gRPC through the app's REST "
            + "endpoints, so the app must serve HTTP (or set rest2grpc.bridge.base-url)");
      }
      known = URI.create("http://127.0.0.1:" + port + contextPath);
      learned = known;
    }
    return known;
  }
}
