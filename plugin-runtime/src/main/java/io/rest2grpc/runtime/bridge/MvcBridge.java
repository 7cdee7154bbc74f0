package io.rest2grpc.runtime.bridge;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.rest2grpc.runtime.call.CallMetadata;
import io.rest2grpc.runtime.call.LateCalls;
import io.rest2grpc.runtime.call.PassThroughHeaders;
import io.rest2grpc.runtime.contract.GrpcContract;
import io.rest2grpc.runtime.shadow.BridgedShadows;
import io.rest2grpc.runtime.shadow.ShadowCalls;
import io.rest2grpc.transcoding.engine.MethodCall;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.responses.GrpcResponse;
import io.rest2grpc.transcoding.responses.ResponseContext;
import io.rest2grpc.transcoding.streams.StreamItem;
import io.rest2grpc.transcoding.streams.StreamReader;
import io.rest2grpc.transcoding.streams.StreamWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bridge: a gRPC call answered by the app's own MVC stack. The engine turns the request into the
 * REST request a legacy client would send, which goes to the app over loopback HTTP (so the whole
 * servlet filter chain, interceptors, binding, validation and advice run as for REST), and the app's
 * answer comes back through the engine: the message and documented headers as response metadata, an
 * error as the {@code google.rpc.Status} of the contract's error transform, events as stream messages.
 * Generated services call it for the handlers a typed call cannot reach.
 */
public final class MvcBridge implements AutoCloseable {
  /** Headers java.net.http sets itself and refuses from the caller. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final int CHUNK = 8192;
  private static final Duration NO_DEADLINE = Duration.ofMinutes(10);

  private final GrpcContract contract;
  private final Supplier<URI> app;
  private final HttpClient http;
  private final ExecutorService streams;
  private final BridgedShadows shadows;

  /**
   * @param app the app's base URL ({@code http://127.0.0.1:8080/context-path}), known once its web server runs
   * @param streams where server streams are read, off the gRPC call's own executor so a cancellation still arrives
   * @param shadows how a shadow call's REST request tells the app it is one
   */
  public MvcBridge(GrpcContract contract, Supplier<URI> app, HttpClient http, ExecutorService streams, BridgedShadows shadows) {
    this.contract = contract;
    this.app = app;
    this.http = http;
    this.streams = streams;
    this.shadows = shadows;
  }

  /** Stops the streams being read: their calls end as the app's answers are cut. */
  @Override
  public void close() {
    streams.shutdownNow();
  }

  /** A unary call. */
  public <ReqT extends Message, RespT> void unary(MethodDescriptor<ReqT, RespT> method, ReqT request, StreamObserver<RespT> responses) {
    answer(method, List.of(request), responses);
  }

  /** A server-streaming call: the app's events as messages, as fast as the client takes them. */
  public <ReqT extends Message, RespT> void serverStream(MethodDescriptor<ReqT, RespT> method, ReqT request,
      StreamObserver<RespT> responses) {
    answer(method, List.of(request), responses);
  }

  /** A client-streaming or bidirectional call: the messages are framed into one REST body when the client is done. */
  public <ReqT extends Message, RespT> StreamObserver<ReqT> clientStream(MethodDescriptor<ReqT, RespT> method,
      StreamObserver<RespT> responses) {
    List<ReqT> requests = new ArrayList<>();
    return new StreamObserver<>() {
      @Override
      public void onNext(ReqT request) {
        requests.add(request);
      }

      @Override
      public void onError(Throwable t) {
        // the client cancelled: nothing was sent to the app yet
      }

      @Override
      public void onCompleted() {
        answer(method, requests, responses);
      }
    };
  }

  private <ReqT extends Message, RespT> void answer(MethodDescriptor<ReqT, RespT> method, List<ReqT> requests,
      StreamObserver<RespT> responses) {
    if (LateCalls.refuse(responses)) {
      return;
    }
    Context context = Context.current();
    Deadline deadline = context.getDeadline();
    try {
      MethodCall call = contract.method(method.getFullMethodName());
      List<Message> messages = new ArrayList<>();
      for (ReqT request : requests) {
        messages.add(DynamicMessage.parseFrom(call.method().getInputType(), request.toByteString()));
      }
      Message first = messages.isEmpty() ? DynamicMessage.getDefaultInstance(call.method().getInputType()) : messages.get(0);
      RestRequest rest = contract.engine().toRest(call.method(), first, CallMetadata.requestHeaders());
      if (call.requestStream().isPresent()) {
        rest = withFramedBody(call, rest, messages);
      }
      HttpRequest toApp = toApp(rest, timeout(deadline), ShadowCalls.isShadow());
      if (call.responseStream().isPresent()) {
        Stream<RespT> stream = new Stream<>(method, call, responses);
        streams.execute(() -> context.run(() -> stream.run(toApp)));
      } else {
        unary(method, call, rest, first, toApp, responses);
      }
    } catch (InvalidProtocolBufferException e) {
      responses.onError(Status.INTERNAL.withDescription("the generated service and the descriptor set disagree on "
          + method.getFullMethodName() + ": rebuild the app").asRuntimeException());
    } catch (RuntimeException e) {
      responses.onError(Status.INTERNAL.withDescription("rest2grpc bridge: " + e.getMessage()).asRuntimeException());
    }
  }

  private <RespT> void unary(MethodDescriptor<?, RespT> method, MethodCall call, RestRequest rest, Message request, HttpRequest toApp,
      StreamObserver<RespT> responses) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(toApp, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      responses.onError(unavailable(e));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      responses.onError(Status.CANCELLED.withDescription("interrupted").asRuntimeException());
      return;
    }
    RestResponse answer = restResponse(response, ByteString.copyFrom(response.body()));
    GrpcResponse grpc = call.responses().orElseThrow().toGrpc(answer, new ResponseContext(rest.method(), rest.path(), rest.query(), request));
    if (grpc instanceof GrpcResponse.Success success) {
      CallMetadata.addResponseHeaders(PassThroughHeaders.fromApp(answer.headers(), success.headers()));
      responses.onNext(method.parseResponse(success.message().toByteString().newInput()));
      responses.onCompleted();
    } else {
      responses.onError(failure(((GrpcResponse.Failure) grpc).status(), response));
    }
  }

  /** One server stream: the app's event stream read and sent as messages, honouring the client's flow control. */
  private final class Stream<RespT> {
    private final MethodDescriptor<?, RespT> method;
    private final MethodCall call;
    private final StreamObserver<RespT> responses;
    private final ServerCallStreamObserver<RespT> flow;
    private final Object ready = new Object();
    private volatile InputStream body;
    private volatile boolean cancelled;

    Stream(MethodDescriptor<?, RespT> method, MethodCall call, StreamObserver<RespT> responses) {
      this.method = method;
      this.call = call;
      this.responses = responses;
      this.flow = responses instanceof ServerCallStreamObserver<RespT> server ? server : null;
      if (flow != null) {
        flow.setOnReadyHandler(this::signal);
        flow.setOnCancelHandler(() -> {
          cancelled = true;
          closeQuietly(body); // ends the read of the app's stream: the app sees its client go
          signal();
        });
      }
    }

    void run(HttpRequest toApp) {
      try {
        HttpResponse<InputStream> response = http.send(toApp, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          body = in;
          if (response.statusCode() >= 300) {
            RestResponse error = restResponse(response, ByteString.readFrom(in));
            responses.onError(failure(ErrorTransform.of(call.method()).toStatus(error), response));
            return;
          }
          CallMetadata.addResponseHeaders(PassThroughHeaders.fromApp(restResponse(response, ByteString.EMPTY).headers(), new Metadata()));
          CallMetadata.sendResponseHeadersNow(); // the stream started: its client need not wait for the first event
          StreamReader reader = call.responseStream().get().reader();
          byte[] buffer = new byte[CHUNK];
          int read;
          while (!cancelled && (read = readQuietly(in, buffer)) >= 0) {
            if (!emit(reader.push(ByteString.copyFrom(buffer, 0, read)))) {
              return;
            }
          }
          if (!cancelled && emit(reader.end())) {
            responses.onCompleted();
          }
        }
      } catch (IOException e) {
        if (!cancelled) {
          responses.onError(unavailable(e));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        if (!cancelled) {
          responses.onError(Status.INTERNAL.withDescription("rest2grpc bridge: " + e.getMessage()).asRuntimeException());
        }
      }
    }

    /** Sends the messages; false when a frame was the app's error (which ended the call) or the call was cancelled. */
    private boolean emit(List<StreamItem> items) throws InterruptedException {
      for (StreamItem item : items) {
        if (item instanceof StreamItem.Data data) {
          if (!awaitReady()) {
            return false;
          }
          responses.onNext(method.parseResponse(data.message().toByteString().newInput()));
        } else {
          responses.onError(StatusProto.toStatusRuntimeException(((StreamItem.Failure) item).status()));
          return false;
        }
      }
      return true;
    }

    /** Waits until the transport takes another message (back-pressure); false when the call was cancelled meanwhile. */
    private boolean awaitReady() throws InterruptedException {
      if (flow == null) {
        return true;
      }
      synchronized (ready) {
        while (!cancelled && !flow.isReady()) {
          ready.wait(TimeUnit.SECONDS.toMillis(1));
        }
      }
      return !cancelled;
    }

    private void signal() {
      synchronized (ready) {
        ready.notifyAll();
      }
    }
  }

  private static RestRequest withFramedBody(MethodCall call, RestRequest rest, List<Message> messages) {
    StreamWriter frames = call.requestStream().get().writer();
    ByteString body = ByteString.EMPTY;
    for (Message message : messages) {
      body = body.concat(frames.write(message));
    }
    return new RestRequest(rest.method(), rest.path(), rest.query(), rest.headers(), call.requestStream().get().mediaType(),
        body.concat(frames.finish().lastBytes()));
  }

  private HttpRequest toApp(RestRequest rest, Duration timeout, boolean shadow) {
    HttpRequest.BodyPublisher body = rest.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(rest.body().toByteArray());
    URI base = app.get();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + rest.target())).timeout(timeout)
        .method(rest.method(), body);
    for (RestHeaders.Header header : rest.headers().list()) {
      if (!RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))) {
        request.header(header.name(), header.value());
      }
    }
    if (!rest.contentType().isEmpty()) {
      request.header("Content-Type", rest.contentType());
    }
    if (shadow) {
      request.header(BridgedShadows.HEADER, shadows.token());
    }
    return request.build();
  }

  private static Duration timeout(Deadline deadline) {
    return deadline == null ? NO_DEADLINE : Duration.ofNanos(Math.max(1, deadline.timeRemaining(TimeUnit.NANOSECONDS)));
  }

  /** The app's answer as the engine reads it: Content-Type apart, the other headers by name. */
  private static RestResponse restResponse(HttpResponse<?> response, ByteString body) {
    List<RestHeaders.Header> headers = new ArrayList<>();
    response.headers().map().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("content-type")) {
        values.forEach(value -> headers.add(new RestHeaders.Header(name, value)));
      }
    });
    return new RestResponse(response.statusCode(), new RestHeaders(headers), response.headers().firstValue("Content-Type").orElse(""), body);
  }

  /** The app's error as a gRPC failure, its pass-through headers in the trailers. */
  private static StatusRuntimeException failure(com.google.rpc.Status status, HttpResponse<?> app) {
    StatusRuntimeException failure = StatusProto.toStatusRuntimeException(status);
    Metadata trailers = failure.getTrailers();
    return new StatusRuntimeException(failure.getStatus(), PassThroughHeaders.fromApp(restResponse(app, ByteString.EMPTY).headers(), trailers == null ? new Metadata() : trailers));
  }

  private static StatusRuntimeException unavailable(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return Status.DEADLINE_EXCEEDED.withDescription("the app did not answer within the call's deadline").asRuntimeException();
    }
    return Status.UNAVAILABLE.withDescription("the app did not answer: " + e).withCause(e).asRuntimeException();
  }

  /** -1 when the stream was closed under the reader (the call was cancelled). */
  private static int readQuietly(InputStream in, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (IOException closed) {
      return -1;
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the call is over either way
      }
    }
  }
}
