package io.rest2grpc.sample.chain;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.sun.net.httpserver.HttpServer;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The test-only chain of the double-transcoded contract suite, in front of a running app:
 *
 * <pre>
 * HTTP client → RestFront (HTTP server on 127.0.0.1, engine REST → gRPC)
 *   → in-process gRPC channel → LoopbackService (engine gRPC → REST, java.net.http)
 *   → the app → LoopbackService (REST answer → gRPC) → RestFront (gRPC answer → REST) → HTTP client
 * </pre>
 *
 * Both sides use one engine built from the app's contract, converted by openapi-to-proto when the
 * chain starts and read back from its descriptor set bytes, as a deployment would read them.
 */
final class TranscodingChain implements AutoCloseable {

  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final Server server;
  private final ManagedChannel channel;
  private final HttpServer front;

  private TranscodingChain(Collection<FileDescriptor> files, URI app) throws IOException {
    // the app's ApiExceptionHandler answers an unreadable body with MALFORMED_BODY and a value
    // outside its bounds (@Min, @Max) with VALIDATION_FAILED; its other framework errors take the
    // status's name, the engine's default
    HttpTranscoder engine = HttpTranscoder.builder()
        .refusalReasons(Map.of(Refusal.UNREADABLE_BODY, "MALFORMED_BODY", Refusal.PARAMETER_OUT_OF_RANGE, "VALIDATION_FAILED"))
        .build(files);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder grpc = InProcessServerBuilder.forName(name).executor(threads);
    new LoopbackService(engine, app, http, threads).services(files).forEach(grpc::addService);
    this.server = grpc.build().start();
    this.channel = InProcessChannelBuilder.forName(name).executor(threads).build();
    this.front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    front.createContext("/", new RestFront(engine, channel));
    front.setExecutor(threads);
    front.start();
  }

  /** The chain in front of the app at {@code app} ({@code http://127.0.0.1:port}), for the contract {@code spec}. */
  static TranscodingChain start(Path spec, URI app) {
    try {
      FileDescriptorSet.Builder compiled = FileDescriptorSet.newBuilder();
      withImports(DescriptorBuilder.build(OpenApiToProto.convert(spec, ConversionOptions.defaults())).values(), new LinkedHashSet<>())
          .forEach(file -> compiled.addFile(file.toProto()));
      // read back from bytes with the extensions registered, as a deployment reads its descriptor set file
      FileDescriptorSet set = FileDescriptorSet.parseFrom(compiled.build().toByteArray(), RestOptions.registry());
      return new TranscodingChain(DescriptorSets.load(set, spec.toString()).values(), app);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the chain's HTTP server on 127.0.0.1", e);
    }
  }

  /** The files and everything they import, as protoc --include_imports writes them. */
  private static Set<FileDescriptor> withImports(Collection<FileDescriptor> files, Set<FileDescriptor> all) {
    for (FileDescriptor file : files) {
      if (all.add(file)) {
        withImports(file.getDependencies(), all);
      }
    }
    return all;
  }

  /** Where a client sends its REST requests: the chain's HTTP server. */
  String baseUrl() {
    return "http://127.0.0.1:" + front.getAddress().getPort();
  }

  @Override
  public void close() throws InterruptedException {
    front.stop(0);
    channel.shutdownNow();
    server.shutdownNow();
    threads.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    server.awaitTermination(5, TimeUnit.SECONDS);
    threads.awaitTermination(5, TimeUnit.SECONDS);
  }

  private static ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "transcoding-chain");
      thread.setDaemon(true);
      return thread;
    };
  }
}
