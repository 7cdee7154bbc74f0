package io.rest2grpc.shadow.shadowing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.rest2grpc.shadow.ShadowSettings.StreamLimits;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.shadow.ShadowMarker;
import io.rest2grpc.transcoding.shadow.ShadowSigner;
import io.rest2grpc.transcoding.streams.RestStreamException;
import io.rest2grpc.transcoding.streams.StreamItem;
import io.rest2grpc.transcoding.streams.StreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC side of shadowing: a REST request the engine routes becomes its RPC's call, with the request's credentials
 * and trace context as metadata (the engine's), the signed shadow marker and a deadline, on the channel the route's
 * rule picks (the gRPC side, or the isolated candidate for writes). A client stream sends every frame of the REST
 * body; a server stream is read up to the number of messages compared, within its window, then cancelled. At most
 * {@code maxInFlight} calls run at once; a request beyond that is not shadowed.
 */
public final class ShadowCalls {
  private final HttpTranscoder engine;
  private final Semaphore inFlight;
  private final Duration deadline;
  private final StreamLimits streams;
  private final Optional<ShadowSigner> signer;
  private final Map<Descriptors.MethodDescriptor, MethodDescriptor<DynamicMessage, DynamicMessage>> methods = new ConcurrentHashMap<>();

  public ShadowCalls(HttpTranscoder engine, int maxInFlight, Duration deadline, StreamLimits streams, Optional<ShadowSigner> signer) {
    this.engine = engine;
    this.inFlight = new Semaphore(maxInFlight);
    this.deadline = deadline;
    this.streams = streams;
    this.signer = signer;
  }

  public StreamLimits streams() {
    return streams;
  }

  /** The route of a request by its head, once for the whole of its shadowing. */
  public RouteMatch match(String method, String target, String contentType, String accept) {
    return engine.routes().match(method, target, contentType, accept);
  }

  /**
   * The call a REST request comes to, without any shadow marker a client sent (only the proxy marks its calls); empty
   * for a request the engine refuses (REST's answer to a bad request is its own) and for a client stream whose body
   * does not read as the stream's frames.
   */
  public Optional<ShadowCall> route(RouteMatch match, RestRequest rest) {
    RestHeaders headers = new RestHeaders(rest.headers().list().stream()
        .filter(header -> !header.name().equalsIgnoreCase(ShadowMarker.HEADER)).toList());
    Routed routed;
    try {
      routed = engine.toGrpc(match, new RestRequest(rest.method(), rest.path(), rest.query(), headers, rest.contentType(), rest.body()));
    } catch (RuntimeException unroutable) {
      return Optional.empty();
    }
    if (!(routed instanceof Routed.Call call)) {
      return Optional.empty();
    }
    if (!call.call().method().isClientStreaming()) {
      return Optional.of(new ShadowCall(call, List.of(call.request().message())));
    }
    return frames(call, rest.body()).map(messages -> new ShadowCall(call, messages));
  }

  /** A client stream's messages: each frame of the body over what the path and query bound. */
  private static Optional<List<Message>> frames(Routed.Call call, ByteString body) {
    StreamReader reader = call.call().requestStream().orElseThrow().reader(call.request().message());
    List<StreamItem> items = new ArrayList<>();
    try {
      items.addAll(reader.push(body));
      items.addAll(reader.end());
    } catch (RestStreamException unreadable) {
      return Optional.empty();
    }
    return Optional.of(items.stream().map(item -> ((StreamItem.Data) item).message()).toList());
  }

  /** Starts {@code call} on {@code channel} now; empty when {@code maxInFlight} calls are already running. */
  public Optional<CompletableFuture<GrpcAnswer>> start(ShadowCall call, Channel channel) {
    if (!inFlight.tryAcquire()) {
      return Optional.empty();
    }
    CompletableFuture<GrpcAnswer> answer = new CompletableFuture<>();
    answer.whenComplete((done, failure) -> inFlight.release());
    try {
      MethodDescriptor<DynamicMessage, DynamicMessage> method = methods.computeIfAbsent(call.routed().call().method(), ShadowCalls::method);
      Metadata metadata = new Metadata();
      metadata.merge(call.routed().request().metadata());
      signer.ifPresent(sign -> metadata.put(ShadowMarker.KEY, sign.sign(method.getFullMethodName())));
      Duration within = call.streamed() ? streams.window() : deadline;
      ClientCall<DynamicMessage, DynamicMessage> grpc = channel.newCall(method,
          CallOptions.DEFAULT.withDeadlineAfter(within.toMillis(), TimeUnit.MILLISECONDS));
      int wanted = call.streamed() ? streams.events() : 1;
      grpc.start(new Listener(grpc, answer, wanted, call.streamed(), System.nanoTime()), metadata);
      grpc.request(wanted + 1);
      call.requests().forEach(message -> grpc.sendMessage((DynamicMessage) message));
      grpc.halfClose();
    } catch (RuntimeException failed) {
      answer.complete(GrpcAnswer.unary(Status.INTERNAL.withDescription("the shadow call could not start: " + failed).withCause(failed),
          new Metadata(), new Metadata(), null, Duration.ZERO));
    }
    return Optional.of(answer);
  }

  private static MethodDescriptor<DynamicMessage, DynamicMessage> method(Descriptors.MethodDescriptor method) {
    MethodDescriptor.MethodType type = method.isClientStreaming()
        ? method.isServerStreaming() ? MethodDescriptor.MethodType.BIDI_STREAMING : MethodDescriptor.MethodType.CLIENT_STREAMING
        : method.isServerStreaming() ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY;
    return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(method.getService().getFullName(), method.getName()))
        .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
        .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
        .build();
  }

  /**
   * Collects the answer. A server stream stops at {@code wanted} messages (the proxy cancels the call) or at its
   * deadline, its window: either way it did not end, and what it sent until then is what is compared.
   */
  private static final class Listener extends ClientCall.Listener<DynamicMessage> {
    private final ClientCall<DynamicMessage, DynamicMessage> call;
    private final CompletableFuture<GrpcAnswer> answer;
    private final int wanted;
    private final boolean streamed;
    private final long started;
    private final List<DynamicMessage> messages = new ArrayList<>();
    private Metadata headers = new Metadata();
    private boolean stopped;

    Listener(ClientCall<DynamicMessage, DynamicMessage> call, CompletableFuture<GrpcAnswer> answer, int wanted, boolean streamed,
        long started) {
      this.call = call;
      this.answer = answer;
      this.wanted = wanted;
      this.streamed = streamed;
      this.started = started;
    }

    @Override
    public void onHeaders(Metadata headers) {
      this.headers = headers;
    }

    @Override
    public void onMessage(DynamicMessage message) {
      if (stopped) {
        return;
      }
      messages.add(message);
      if (streamed && messages.size() == wanted) {
        stopped = true;
        call.cancel("the shadow proxy compares the first " + wanted + " messages", null);
      }
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      boolean windowClosed = streamed && status.getCode() == Status.Code.DEADLINE_EXCEEDED;
      if (stopped || windowClosed) {
        answer.complete(new GrpcAnswer(Status.OK, headers, trailers, messages, false, took));
      } else {
        answer.complete(new GrpcAnswer(status, headers, trailers, messages, true, took));
      }
    }
  }
}
