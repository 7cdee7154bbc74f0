package io.rest2grpc.shadow.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.config.ProxyOptions;
import io.rest2grpc.shadow.support.DebianPackages;
import io.rest2grpc.shadow.support.SampleApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy is stateless, so it scales as replicas behind the load balancer a team already has: two replicas behind
 * Debian's nginx, requests sent to nginx, and the replicas' {@code shadow_requests_total} adding up, as Prometheus
 * would sum them, to exactly the requests sent.
 */
class ReplicasBehindNginxTest {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final Pattern COUNT = Pattern.compile("(?m)^shadow_requests_total\\{[^}]*} ([0-9.]+)$");
  private static final int REQUESTS = 40;

  @Test
  void twoReplicasBehindNginxCountEveryRequestOnceBetweenThem(@TempDir Path folder) throws Exception {
    DebianPackages.require("nginx", NGINX);
    HttpServer rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    rest.createContext("/", exchange -> {
      byte[] body = "{\"id\": \"1001\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    rest.start();
    String settings = """
        rest-upstream: http://127.0.0.1:%d
        grpc-upstream: 127.0.0.1:1
        descriptor-set: %s
        listen: 127.0.0.1:0
        admin: 127.0.0.1:0
        shadow-deadline: 2s
        """.formatted(rest.getAddress().getPort(), SampleApp.descriptorSet());
    int nginxPort = freePort();
    Process nginx = null;
    try (ShadowProxy one = ShadowProxy.start(ProxyOptions.parse(settings, "test").settings());
        ShadowProxy two = ShadowProxy.start(ProxyOptions.parse(settings, "test").settings())) {
      nginx = startNginx(folder, nginxPort, one.address().getPort(), two.address().getPort());
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < REQUESTS; i++) {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + "/v1/orders/1001"))
            .header("Authorization", "Bearer t").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
      }

      Instant until = Instant.now().plusSeconds(20);
      while (counted(one) + counted(two) < REQUESTS && Instant.now().isBefore(until)) {
        Thread.sleep(50);
      }
      assertThat(counted(one) + counted(two)).as("the replicas' counts, summed").isEqualTo(REQUESTS);
      assertThat(counted(one)).as("nginx balanced the requests").isPositive();
      assertThat(counted(two)).isPositive();
    } finally {
      if (nginx != null) {
        nginx.destroy();
        nginx.waitFor();
      }
      rest.stop(0);
    }
  }

  /** The sum of {@code shadow_requests_total} on a replica's metrics endpoint, every RPC and outcome. */
  private static long counted(ShadowProxy replica) throws Exception {
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + replica.adminAddress().getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    long sum = 0;
    Matcher count = COUNT.matcher(metrics);
    while (count.find()) {
      sum += (long) Double.parseDouble(count.group(1));
    }
    return sum;
  }

  private static Process startNginx(Path folder, int port, int one, int two) throws Exception {
    Path config = folder.resolve("nginx.conf");
    Files.writeString(config, """
        daemon off;
        master_process off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          upstream shadow_proxies {
            server 127.0.0.1:%3$d;
            server 127.0.0.1:%4$d;
            keepalive 8;
          }
          server {
            listen 127.0.0.1:%2$d;
            location / {
              proxy_pass http://shadow_proxies;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
            }
          }
        }
        """.formatted(folder, port, one, two));
    Process nginx = new ProcessBuilder(NGINX.toString(), "-p", folder.toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
    Instant until = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(until)) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return nginx;
      } catch (IOException notYet) {
        if (!nginx.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
    }
    nginx.destroyForcibly();
    throw new IllegalStateException("nginx did not listen on " + port + ": " + Files.readString(folder.resolve("nginx.out"))
        + List.of(Files.exists(folder.resolve("error.log")) ? Files.readString(folder.resolve("error.log")) : ""));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
