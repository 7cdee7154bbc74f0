package io.rest2grpc.runtime.autoconfigure;

import java.net.URI;
import java.util.function.Supplier;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where the app's own REST endpoints listen, learned when its web server starts (the port may be
 * random), or given ({@code rest2grpc.bridge.base-url}) when loopback is not the way in.
 */
final class AppAddress implements Supplier<URI>, ApplicationListener<WebServerInitializedEvent> {
  private final boolean given;
  private final String contextPath;
  private volatile URI address;

  AppAddress(String given, String contextPath) {
    this.given = given != null && !given.isBlank();
    this.contextPath = contextPath == null ? "" : contextPath.replaceAll("/+$", "");
    this.address = this.given ? URI.create(given.replaceAll("/+$", "")) : null;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (!given && event.getApplicationContext().getServerNamespace() == null) { // not the management server
      address = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + contextPath);
    }
  }

  @Override
  public URI get() {
    URI known = address;
    if (known == null) {
      throw new IllegalStateException("the app's web server has not started: the bridge answers gRPC through the app's REST "
          + "endpoints, so the app must serve HTTP (or set rest2grpc.bridge.base-url)");
    }
    return known;
  }
}
