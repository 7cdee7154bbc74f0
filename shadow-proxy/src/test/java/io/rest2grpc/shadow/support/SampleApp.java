package io.rest2grpc.shadow.support;

import io.rest2grpc.shadow.config.ProxyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's sample-legacy-app, run from the jar its build made (the reactor builds it before this module), on
 * free ports of 127.0.0.1, REST and its gRPC side, with the shadow and page-token keys the proxy's tests use.
 */
public final class SampleApp implements AutoCloseable {
  public static final String MARKER_KEY = "proxy=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  public static final String PAGE_TOKEN_KEY = "shared=HxwdGhsZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwIBAAA=";
  private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");
  private static final Pattern GRPC_PORT = Pattern.compile("gRPC Server started, listening on address: .*:(\\d+)\\]");

  private final Process process;
  private final Path log;
  private final int httpPort;
  private final int grpcPort;

  private SampleApp(Process process, Path log, int httpPort, int grpcPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
    this.grpcPort = grpcPort;
  }

  public static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return here.getFileName().toString().equals("shadow-proxy") ? here.getParent().resolve("sample-legacy-app")
        : here.resolve("sample-legacy-app");
  }

  /** The descriptor set the sample's build compiled from its committed protos. */
  public static Path descriptorSet() {
    return root().resolve("target/classes/META-INF/rest2grpc/descriptor-set.binpb");
  }

  /**
   * The proxy's options in front of the sample app: REST at {@code restPort} (the app's own, or a stub in front of it),
   * the gRPC side at {@code grpcPort}, the keys the app is started with, {@code /request_id} ignored, free ports;
   * {@code more} is YAML added to that.
   */
  public static ProxyOptions proxyOptions(int restPort, int grpcPort, String more) {
    return ProxyOptions.parse("""
        rest-upstream: http://127.0.0.1:%d
        grpc-upstream: 127.0.0.1:%d
        descriptor-set: %s
        listen: 127.0.0.1:0
        admin: 127.0.0.1:0
        marker-key: %s
        page-token-keys: [%s]
        ignore: [/request_id]
        """.formatted(restPort, grpcPort, descriptorSet(), MARKER_KEY, PAGE_TOKEN_KEY) + more, "test");
  }

  public static SampleApp start(String... arguments) throws IOException, InterruptedException {
    Path jar;
    try (Stream<Path> files = Files.list(root().resolve("target"))) {
      jar = files.filter(file -> file.getFileName().toString().matches("sample-legacy-app-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no sample-legacy-app jar under " + root().resolve("target")
              + ": build the repository first (./mvnw -B -ntp verify), which packages it before this module"));
    } catch (IOException e) {
      throw new IllegalStateException("sample-legacy-app is not built: run ./mvnw -B -ntp verify from the repository root", e);
    }
    Path log = Files.createTempFile("sample-legacy-app", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", jar.toString(), "--server.port=0", "--server.address=127.0.0.1", "--spring.grpc.server.port=0",
        "--spring.main.banner-mode=off", "--rest2grpc.shadow.keys." + MARKER_KEY,
        "--rest2grpc.page-tokens.current-key-id=shared", "--rest2grpc.page-tokens.secrets." + PAGE_TOKEN_KEY));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Instant until = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(until) && process.isAlive()) {
      String text = Files.readString(log);
      Optional<Integer> http = port(HTTP_PORT, text);
      Optional<Integer> grpc = port(GRPC_PORT, text);
      if (http.isPresent() && grpc.isPresent()) {
        return new SampleApp(process, log, http.get(), grpc.get());
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new IllegalStateException("sample-legacy-app did not start in 90 s; its log:\n" + Files.readString(log));
  }

  public int httpPort() {
    return httpPort;
  }

  public int grpcPort() {
    return grpcPort;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static Optional<Integer> port(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }
}
