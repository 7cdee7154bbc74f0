package io.rest2grpc.shadow.shadowing;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.shadow.ShadowMarker;
import io.rest2grpc.transcoding.shadow.ShadowSigner;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC side of shadowing: a REST request the engine routes to a unary RPC becomes that RPC's call, with the
 * request's credentials and trace context as metadata (the engine's), the signed shadow marker and a deadline, on the
 * channel the route's rule picks (the gRPC side, or the isolated candidate for writes). At most {@code maxInFlight}
 * calls run at once; a request beyond that is not shadowed.
 */
public final class ShadowCalls {
  private final HttpTranscoder engine;
  private final Semaphore inFlight;
  private final Duration deadline;
  private final Optional<ShadowSigner> signer;
  private final Map<Descriptors.MethodDescriptor, MethodDescriptor<DynamicMessage, DynamicMessage>> methods = new ConcurrentHashMap<>();

  public ShadowCalls(HttpTranscoder engine, int maxInFlight, Duration deadline, Optional<ShadowSigner> signer) {
    this.engine = engine;
    this.inFlight = new Semaphore(maxInFlight);
    this.deadline = deadline;
    this.signer = signer;
  }

  /** The RPC a request's method and target come to, before its body is read; empty if none. */
  public Optional<Descriptors.MethodDescriptor> rpcOf(String method, String target) {
    return engine.routes().match(method, target) instanceof RouteMatch.Matched matched
        ? Optional.of(matched.route().method()) : Optional.empty();
  }

  /**
   * The call a REST request comes to, without any shadow marker a client sent (only the proxy marks its calls); empty
   * for a request the engine does not route to a unary RPC (refused, unknown, a stream).
   */
  public Optional<Routed.Call> route(RestRequest rest) {
    RestHeaders headers = new RestHeaders(rest.headers().list().stream()
        .filter(header -> !header.name().equalsIgnoreCase(ShadowMarker.HEADER)).toList());
    Routed routed;
    try {
      routed = engine.toGrpc(new RestRequest(rest.method(), rest.path(), rest.query(), headers, rest.contentType(), rest.body()));
    } catch (RuntimeException unroutable) {
      return Optional.empty();
    }
    if (routed instanceof Routed.Call call && !call.call().method().isClientStreaming() && !call.call().method().isServerStreaming()) {
      return Optional.of(call);
    }
    return Optional.empty();
  }

  /** Starts {@code call} on {@code channel} now; empty when {@code maxInFlight} calls are already running. */
  public Optional<CompletableFuture<GrpcAnswer>> start(Routed.Call call, Channel channel) {
    if (!inFlight.tryAcquire()) {
      return Optional.empty();
    }
    CompletableFuture<GrpcAnswer> answer = new CompletableFuture<>();
    answer.whenComplete((done, failure) -> inFlight.release());
    try {
      MethodDescriptor<DynamicMessage, DynamicMessage> method = methods.computeIfAbsent(call.call().method(), ShadowCalls::method);
      Metadata metadata = new Metadata();
      metadata.merge(call.request().metadata());
      signer.ifPresent(sign -> metadata.put(ShadowMarker.KEY, sign.sign(method.getFullMethodName())));
      ClientCall<DynamicMessage, DynamicMessage> grpc = channel.newCall(method,
          CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
      grpc.start(new Listener(answer, System.nanoTime()), metadata);
      grpc.request(2);
      grpc.sendMessage((DynamicMessage) call.request().message());
      grpc.halfClose();
    } catch (RuntimeException failed) {
      answer.complete(new GrpcAnswer(Status.INTERNAL.withDescription("the shadow call could not start: " + failed).withCause(failed),
          new Metadata(), new Metadata(), null, Duration.ZERO));
    }
    return Optional.of(answer);
  }

  private static MethodDescriptor<DynamicMessage, DynamicMessage> method(Descriptors.MethodDescriptor method) {
    return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(method.getService().getFullName(), method.getName()))
        .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
        .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .build();
  }

  private static final class Listener extends ClientCall.Listener<DynamicMessage> {
    private final CompletableFuture<GrpcAnswer> answer;
    private final long started;
    private Metadata headers = new Metadata();
    private DynamicMessage message;

    Listener(CompletableFuture<GrpcAnswer> answer, long started) {
      this.answer = answer;
      this.started = started;
    }

    @Override
    public void onHeaders(Metadata headers) {
      this.headers = headers;
    }

    @Override
    public void onMessage(DynamicMessage message) {
      this.message = message;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      answer.complete(new GrpcAnswer(status, headers, trailers, message, Duration.ofNanos(System.nanoTime() - started)));
    }
  }
}
