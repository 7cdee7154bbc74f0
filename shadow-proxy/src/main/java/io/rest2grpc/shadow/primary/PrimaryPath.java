package io.rest2grpc.shadow.primary;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.rest2grpc.shadow.compare.Mismatch;
import io.rest2grpc.shadow.compare.ParityCheck;
import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.results.ParityLedger.Outcome;
import io.rest2grpc.shadow.shadowing.GrpcAnswer;
import io.rest2grpc.shadow.shadowing.ShadowCalls;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The primary path: every request goes to REST, and the client gets REST's response, end-to-end headers unchanged,
 * the body streamed as it comes. For a sampled GET or HEAD the engine routes to a unary RPC, the gRPC call starts at
 * once beside it and a copy of REST's body is kept (up to the limit); when both have answered, off the primary path,
 * the answers are compared. Nothing on this path waits on gRPC.
 */
public final class PrimaryPath implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {
  private static final Logger LOG = LoggerFactory.getLogger(PrimaryPath.class);

  private final HttpClient rest;
  private final ShadowCalls shadows;
  private final ParityLedger ledger;
  private final double sampleRate;
  private final int maxComparedBodyBytes;
  private final Executor comparisons;
  private final ParityCheck check;
  private final boolean forwardedHeaders;

  public PrimaryPath(HttpClient rest, ShadowCalls shadows, ParityLedger ledger, double sampleRate, int maxComparedBodyBytes,
      Executor comparisons, ParityCheck check, boolean forwardedHeaders) {
    this.rest = rest;
    this.shadows = shadows;
    this.ledger = ledger;
    this.sampleRate = sampleRate;
    this.maxComparedBodyBytes = maxComparedBodyBytes;
    this.comparisons = comparisons;
    this.check = check;
    this.forwardedHeaders = forwardedHeaders;
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    HttpHeaders forward = HopByHopHeaders.endToEnd(request.requestHeaders());
    String host = forward.get(HttpHeaderNames.HOST);
    forward.remove(HttpHeaderNames.HOST); // the upstream's own
    if (forwardedHeaders) {
      ForwardedHeaders.add(forward, request.remoteAddress(), host, request.scheme());
    }
    Optional<Shadow> shadow = shadow(request);
    return rest.headers(headers -> headers.add(forward))
        .request(request.method())
        .uri(request.uri())
        .send(request.receive().retain())
        .response((upstream, body) -> {
          response.status(upstream.status());
          response.headers(HopByHopHeaders.endToEnd(upstream.responseHeaders()));
          Flux<ByteBuf> answer = shadow.map(pending -> pending.tee(body, upstream)).orElse(body);
          return response.send(answer.map(ByteBuf::retain)).then(); // the server releases what it wrote
        })
        .onErrorResume(failure -> {
          LOG.warn("the REST upstream did not answer {} {}: {}", request.method(), request.uri(), failure.toString());
          return response.status(HttpResponseStatus.BAD_GATEWAY).send().then();
        })
        .then();
  }

  /** The shadow of a sampled safe request the engine routes, its gRPC call started; empty otherwise. */
  private Optional<Shadow> shadow(HttpServerRequest request) {
    boolean safe = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
    if (!safe || sampleRate == 0 || ThreadLocalRandom.current().nextDouble() >= sampleRate) {
      return Optional.empty();
    }
    List<RestHeaders.Header> headers = new ArrayList<>();
    request.requestHeaders().forEach(header -> headers.add(new RestHeaders.Header(header.getKey(), header.getValue())));
    Optional<Routed.Call> call = shadows.route(RestRequest.of(request.method().name(), request.uri(), new RestHeaders(headers)));
    if (call.isEmpty()) {
      return Optional.empty();
    }
    String rpc = call.get().call().method().getFullName();
    Optional<CompletableFuture<GrpcAnswer>> grpc = shadows.start(call.get());
    if (grpc.isEmpty()) {
      ledger.record(rpc, Outcome.DROPPED);
      return Optional.empty();
    }
    return Optional.of(new Shadow(rpc, call.get(), grpc.get()));
  }

  /** A shadowed request: its call, the gRPC answer to come, and the copy of REST's body. */
  private final class Shadow {
    private final String rpc;
    private final Routed.Call call;
    private final CompletableFuture<GrpcAnswer> grpc;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean tooLarge;

    Shadow(String rpc, Routed.Call call, CompletableFuture<GrpcAnswer> grpc) {
      this.rpc = rpc;
      this.call = call;
      this.grpc = grpc;
    }

    Flux<ByteBuf> tee(Flux<ByteBuf> body, HttpClientResponse upstream) {
      return body.doOnNext(this::keep).doOnComplete(() -> restAnswered(upstream));
    }

    private void keep(ByteBuf chunk) {
      if (tooLarge || copy.size() + chunk.readableBytes() > maxComparedBodyBytes) {
        tooLarge = true;
        return;
      }
      byte[] bytes = new byte[chunk.readableBytes()];
      chunk.getBytes(chunk.readerIndex(), bytes);
      copy.writeBytes(bytes);
    }

    private void restAnswered(HttpClientResponse upstream) {
      if (tooLarge) {
        ledger.record(rpc, Outcome.SKIPPED);
        return;
      }
      List<RestHeaders.Header> headers = new ArrayList<>();
      upstream.responseHeaders().forEach(header -> headers.add(new RestHeaders.Header(header.getKey(), header.getValue())));
      String mediaType = upstream.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, "");
      Optional<ByteString> body = ContentCodings.decoded(upstream.responseHeaders().get(HttpHeaderNames.CONTENT_ENCODING),
          copy.toByteArray(), maxComparedBodyBytes);
      if (body.isEmpty()) { // an encoding the proxy does not read, or more than the limit once decoded
        ledger.record(rpc, Outcome.SKIPPED);
        return;
      }
      RestResponse answer = new RestResponse(upstream.status().code(), new RestHeaders(headers), mediaType, body.get());
      grpc.thenAccept(shadowAnswer -> {
        try {
          comparisons.execute(() -> compare(answer, shadowAnswer));
        } catch (RejectedExecutionException busy) {
          ledger.record(rpc, Outcome.DROPPED);
        }
      });
    }

    private void compare(RestResponse restAnswer, GrpcAnswer grpcAnswer) {
      if (restAnswer.status() == HttpResponseStatus.TOO_MANY_REQUESTS.code()) {
        // REST's rate limit answered, which shadow calls (signed markers) are exempt from: nothing to compare
        ledger.record(rpc, Outcome.SKIPPED);
        return;
      }
      if (grpcAnswer.transportFailure()) {
        ledger.record(rpc, Outcome.GRPC_ERROR);
        return;
      }
      List<Mismatch> mismatches;
      try {
        mismatches = check.compare(call, grpcAnswer, restAnswer);
      } catch (RuntimeException unreadable) { // the gRPC side answered what the engine cannot write for REST
        mismatches = List.of(new Mismatch(Mismatch.Kind.BODY, "", "REST's answer", "an answer the engine cannot write: " + unreadable));
      }
      if (mismatches.isEmpty()) {
        ledger.record(rpc, Outcome.MATCHED);
      } else {
        ledger.mismatched(rpc, call.rest().method() + " " + call.rest().target(), mismatches);
      }
    }
  }
}
