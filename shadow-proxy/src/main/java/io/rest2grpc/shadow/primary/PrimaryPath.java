package io.rest2grpc.shadow.primary;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.grpc.Channel;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.rest2grpc.shadow.results.ParityLedger;
import io.rest2grpc.shadow.results.ParityLedger.Outcome;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.RouteRules;
import io.rest2grpc.shadow.shadowing.Comparisons;
import io.rest2grpc.shadow.shadowing.GrpcAnswer;
import io.rest2grpc.shadow.shadowing.ShadowCall;
import io.rest2grpc.shadow.shadowing.ShadowCalls;
import io.rest2grpc.shadow.shadowing.ShadowTargets;
import io.rest2grpc.shadow.compare.StreamSeen;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.streams.RestStreamException;
import io.rest2grpc.transcoding.streams.StreamFrames;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
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
 * both bodies streamed as they come. A request the engine routes (by its head, once) is shadowed when its route's rule
 * samples it: a read always may be, a write only where the rule mirrors writes. A read's gRPC call starts at once
 * beside the REST request; a write's once its body (kept up to the limit while it streams to REST) is in. A copy of
 * REST's answer is kept up to the limit, or for a stream its first frames; when both sides have answered, the
 * comparison runs off this path. Nothing on this path waits on gRPC.
 */
public final class PrimaryPath implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {
  private static final Logger LOG = LoggerFactory.getLogger(PrimaryPath.class);

  private final HttpClient rest;
  private final ShadowCalls shadows;
  private final Comparisons comparisons;
  private final RouteRules routes;
  private final ShadowTargets targets;
  private final int maxComparedBodyBytes;
  private final boolean forwardedHeaders;
  private final BooleanSupplier passthrough;

  /** {@code passthrough}: while it says so, nothing is shadowed. */
  public PrimaryPath(HttpClient rest, ShadowCalls shadows, Comparisons comparisons, RouteRules routes, ShadowTargets targets,
      int maxComparedBodyBytes, boolean forwardedHeaders, BooleanSupplier passthrough) {
    this.rest = rest;
    this.shadows = shadows;
    this.comparisons = comparisons;
    this.routes = routes;
    this.targets = targets;
    this.maxComparedBodyBytes = maxComparedBodyBytes;
    this.forwardedHeaders = forwardedHeaders;
    this.passthrough = passthrough;
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    long started = System.nanoTime();
    HttpHeaders forward = HopByHopHeaders.endToEnd(request.requestHeaders());
    String host = forward.get(HttpHeaderNames.HOST);
    forward.remove(HttpHeaderNames.HOST); // the upstream's own
    if (forwardedHeaders) {
      ForwardedHeaders.add(forward, request.remoteAddress(), host, request.scheme());
    }
    if (WebSocketRelay.asked(request)) {
      return WebSocketRelay.relay(rest, forward, request, response);
    }
    // a request that waits for a go-ahead (Expect: 100-continue) passes through, never shadowed, as does any upgrade
    boolean passes = passthrough.getAsBoolean() || request.requestHeaders().containsValue(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE, true)
        || request.requestHeaders().contains(HttpHeaderNames.UPGRADE);
    Optional<Shadow> shadow = passes ? Optional.empty() : shadow(request);
    Flux<ByteBuf> requestBody = request.receive().retain();
    return rest.headers(headers -> headers.add(forward))
        .request(request.method())
        .uri(request.uri())
        .send(shadow.map(pending -> pending.teeRequest(requestBody)).orElse(requestBody))
        .response((upstream, body) -> {
          response.status(upstream.status());
          HttpHeaders answerHeaders = HopByHopHeaders.endToEnd(upstream.responseHeaders());
          if (!answerHeaders.contains(HttpHeaderNames.CONTENT_LENGTH) && !bodyless(request.method(), upstream.status().code())) {
            // REST's chunking is hop-by-hop, this hop's own; without it or a length the server would close the connection
            answerHeaders.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
          }
          response.headers(answerHeaders);
          Flux<ByteBuf> answer = shadow.map(pending -> pending.teeResponse(body, upstream, started)).orElse(body);
          if (bodyless(request.method(), upstream.status().code())) {
            // the server never reads a body it must not send: drain REST's (ending the comparison's copy) first
            return answer.then(Mono.defer(() -> response.send().then()));
          }
          return response.send(answer.map(ByteBuf::retain)).then(); // the server releases what it wrote
        })
        .onErrorResume(failure -> {
          LOG.warn("the REST upstream did not answer {} {}: {}", request.method(), request.uri(), failure.toString());
          return response.status(HttpResponseStatus.BAD_GATEWAY).send().then();
        })
        .then();
  }

  private static boolean bodyless(HttpMethod method, int status) {
    return method.equals(HttpMethod.HEAD) || status < 200 || status == 204 || status == 304;
  }

  /** The shadow of a request the engine routes and its route's rule samples; empty otherwise. */
  private Optional<Shadow> shadow(HttpServerRequest request) {
    HttpHeaders head = request.requestHeaders();
    RouteMatch match = shadows.match(request.method().name(), request.uri(), head.get(HttpHeaderNames.CONTENT_TYPE),
        head.get(HttpHeaderNames.ACCEPT));
    if (!(match instanceof RouteMatch.Matched matched)) {
      return Optional.empty();
    }
    MethodDescriptor rpc = matched.route().method();
    RouteRule rule = routes.rule(rpc.getFullName());
    boolean safe = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
    Optional<Channel> channel = targets.of(rule, safe);
    if (channel.isEmpty() || rule.sampleRate() == 0 || ThreadLocalRandom.current().nextDouble() >= rule.sampleRate()) {
      return Optional.empty();
    }
    List<RestHeaders.Header> headers = new ArrayList<>(head.size());
    head.forEach(header -> headers.add(new RestHeaders.Header(header.getKey(), header.getValue())));
    Shadow shadow = new Shadow(rpc, match, rule, channel.get(), request.method().name(), request.uri(), new RestHeaders(headers));
    if (safe) {
      shadow.start(ByteString.EMPTY);
    }
    return Optional.of(shadow);
  }

  /**
   * A shadowed request: what it asked, the copies of its body (a write's) and of REST's answer, and its gRPC call,
   * started once the request is whole. Each copy stops at the limit, beyond which nothing is compared.
   */
  private final class Shadow {
    private final MethodDescriptor rpc;
    private final RouteMatch match;
    private final RouteRule rule;
    private final Channel channel;
    private final String method;
    private final String target;
    private final RestHeaders headers;
    private final BodyCopy requestCopy = new BodyCopy();
    private volatile ShadowCall call;
    private volatile CompletableFuture<GrpcAnswer> grpc;
    private volatile Outcome notCompared;

    Shadow(MethodDescriptor rpc, RouteMatch match, RouteRule rule, Channel channel, String method, String target, RestHeaders headers) {
      this.rpc = rpc;
      this.match = match;
      this.rule = rule;
      this.channel = channel;
      this.method = method;
      this.target = target;
      this.headers = headers;
    }

    Flux<ByteBuf> teeRequest(Flux<ByteBuf> body) {
      if (grpc != null || notCompared != null) { // a read: its call has started, or was not made
        return body;
      }
      return body.doOnNext(requestCopy::keep).doOnComplete(() -> {
        if (requestCopy.tooLarge) {
          notCompared = Outcome.SKIPPED;
        } else {
          start(ByteString.copyFrom(requestCopy.bytes.toByteArray()));
        }
      });
    }

    Flux<ByteBuf> teeResponse(Flux<ByteBuf> body, HttpClientResponse upstream, long started) {
      int status = upstream.status().code();
      if (rpc.isServerStreaming() && status / 100 == 2 && !bodyless(HttpMethod.valueOf(method), status)) {
        StreamCopy copy = new StreamCopy(upstream, started);
        return body.doOnNext(copy::keep).doOnComplete(copy::ended).doOnCancel(copy::cutOff).doOnError(failure -> copy.cutOff());
      }
      BodyCopy answerCopy = new BodyCopy();
      return body.doOnNext(answerCopy::keep).doOnComplete(() -> restAnswered(upstream, answerCopy, started));
    }

    void start(ByteString body) {
      String contentType = headers.first("Content-Type").orElse("");
      Optional<ShadowCall> routed = shadows.route(match, RestRequest.of(method, target, headers, contentType, body));
      if (routed.isEmpty()) { // the engine refuses it (a 4xx of its own): REST's answer to a bad request is not shadowed
        notCompared = Outcome.SKIPPED;
        return;
      }
      call = routed.get();
      Optional<CompletableFuture<GrpcAnswer>> answer = shadows.start(routed.get(), channel);
      if (answer.isEmpty()) {
        notCompared = Outcome.DROPPED;
        return;
      }
      grpc = answer.get();
    }

    /** Nothing to compare: the outcome why, when the call was not made or the request is not whole. */
    private Optional<Outcome> notComparable() {
      if (notCompared != null || grpc == null) { // grpc still null: REST answered before the request was whole
        return Optional.of(notCompared != null ? notCompared : Outcome.SKIPPED);
      }
      return Optional.empty();
    }

    private void restAnswered(HttpClientResponse upstream, BodyCopy answerCopy, long started) {
      String name = rpc.getFullName();
      ParityLedger ledger = comparisons.ledger();
      ledger.latency(name, ParityLedger.Side.REST, Duration.ofNanos(System.nanoTime() - started));
      Optional<Outcome> not = notComparable();
      if (not.isPresent()) {
        ledger.record(name, not.get());
        return;
      }
      String length = upstream.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
      boolean cutShort = length != null && !bodyless(HttpMethod.valueOf(method), upstream.status().code())
          && !length.equals(Integer.toString(answerCopy.bytes.size())); // the client went away mid-answer
      if (answerCopy.tooLarge || cutShort) {
        ledger.record(name, Outcome.SKIPPED);
        return;
      }
      RestAnswers.of(upstream.status().code(), upstream.responseHeaders(), answerCopy.bytes.toByteArray(), maxComparedBodyBytes)
          .ifPresentOrElse(answer -> comparisons.compareWhenAnswered(new Comparisons.Shadowed(call, rule, channel), answer, grpc),
              () -> ledger.record(name, Outcome.SKIPPED)); // a coding the proxy does not read, or above the limit decoded
    }

    /**
     * REST's stream as it comes: its first frames kept (with when each came), the rest counted. The comparison is
     * asked for once REST has sent the frames compared, or ended its stream with fewer.
     */
    private final class StreamCopy {
      private final HttpClientResponse upstream;
      private final long started;
      private final List<StreamSeen.Seen> seen = new ArrayList<>();
      private StreamFrames frames; // null once nothing more is read: not compared, or not frames the engine reads
      private long beyond;
      private boolean decided;

      StreamCopy(HttpClientResponse upstream, long started) {
        this.upstream = upstream;
        this.started = started;
        Optional<Outcome> not = notComparable();
        if (not.isPresent()) {
          decide(not.get());
        } else if (upstream.responseHeaders().contains(HttpHeaderNames.CONTENT_ENCODING)) {
          decide(Outcome.SKIPPED);
        } else {
          frames = call.routed().call().responseStream().orElseThrow().frames();
        }
      }

      void keep(ByteBuf chunk) {
        if (frames == null) {
          return;
        }
        byte[] copy = new byte[chunk.readableBytes()];
        chunk.getBytes(chunk.readerIndex(), copy);
        try {
          frames.push(ByteString.copyFrom(copy)).forEach(this::frame);
        } catch (RestStreamException unreadable) { // REST's own stream, not frames the engine reads: nothing to hold gRPC to
          frames = null;
          decide(Outcome.SKIPPED);
        }
      }

      void ended() {
        if (frames != null) {
          try {
            frames.end().forEach(this::frame);
          } catch (RestStreamException truncated) {
            decide(Outcome.SKIPPED);
          }
        }
        if (!decided) {
          compare(true);
        }
        countBeyond();
      }

      void cutOff() {
        decide(Outcome.SKIPPED); // REST broke off, or the client went away: no whole answer to hold the gRPC side to
        countBeyond();
      }

      private void countBeyond() {
        if (beyond > 0) {
          comparisons.ledger().uncomparedEvents(rpc.getFullName(), beyond);
        }
      }

      private void frame(StreamFrames.Frame frame) {
        if (seen.size() < shadows.streams().events()) {
          seen.add(new StreamSeen.Seen(frame, Duration.ofNanos(System.nanoTime() - started)));
          if (seen.size() == shadows.streams().events()) {
            compare(false);
          }
        } else {
          beyond++;
        }
      }

      private void compare(boolean ended) {
        decided = true;
        RestResponse head = new RestResponse(upstream.status().code(), RestHeaders.NONE,
            upstream.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, ""), ByteString.EMPTY);
        comparisons.compareStreamWhenAnswered(new Comparisons.Shadowed(call, rule, channel), head, new StreamSeen(seen, ended), grpc);
      }

      private void decide(Outcome outcome) {
        if (!decided) {
          decided = true;
          comparisons.ledger().record(rpc.getFullName(), outcome);
        }
      }
    }
  }

  /** A copy of a body as it streams, up to the limit. */
  private final class BodyCopy {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean tooLarge;

    void keep(ByteBuf chunk) {
      if (tooLarge || bytes.size() + chunk.readableBytes() > maxComparedBodyBytes) {
        tooLarge = true;
        bytes.reset();
        return;
      }
      byte[] copy = new byte[chunk.readableBytes()];
      chunk.getBytes(chunk.readerIndex(), copy);
      bytes.writeBytes(copy);
    }
  }
}
