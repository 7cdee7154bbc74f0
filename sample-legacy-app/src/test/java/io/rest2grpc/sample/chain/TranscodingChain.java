package io.rest2grpc.sample.chain;

import com.sun.net.httpserver.HttpServer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.rest2grpc.sample.support.ContractEngine;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.paging.PageTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The test-only chain of the double-transcoded contract suite, in front of a running app:
 *
 * <pre>
 * HTTP client → RestFront (HTTP server on 127.0.0.1, engine REST → gRPC)
 *   → the app's gRPC port → the services rest2grpc-maven-plugin generated → the bridge (engine gRPC → REST)
 *   → the app's REST endpoints → back the same way → HTTP client
 * </pre>
 *
 * The front's engine is the {@link ContractEngine}.
 */
final class TranscodingChain implements AutoCloseable {
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());
  private final ManagedChannel channel;
  private final HttpServer front;

  private TranscodingChain(HttpTranscoder engine, int grpcPort) throws IOException {
    this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().executor(threads).build();
    this.front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    front.createContext("/", new RestFront(engine, channel));
    front.setExecutor(threads);
    front.start();
  }

  /**
   * The chain in front of the app whose gRPC server listens on {@code grpcPort} of 127.0.0.1, signing
   * page tokens with the keys the app's runtime has ({@code rest2grpc.page-tokens.*}).
   */
  static TranscodingChain start(int grpcPort, PageTokens pageTokens) {
    try {
      return new TranscodingChain(ContractEngine.load(pageTokens), grpcPort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the chain's HTTP server on 127.0.0.1", e);
    }
  }

  /** Where a client sends its REST requests: the chain's HTTP server. */
  String baseUrl() {
    return "http://127.0.0.1:" + front.getAddress().getPort();
  }

  @Override
  public void close() throws InterruptedException {
    front.stop(0);
    channel.shutdownNow();
    threads.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
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
