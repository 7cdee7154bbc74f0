package io.rest2grpc.sample.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gRPC service of the chain's far side: every method turns its request back into the REST
 * request a legacy client would send ({@link HttpTranscoder#toRest}), sends it to the running app,
 * and answers with the app's response in gRPC terms ({@code ResponseTranscoder.toGrpc}), or, for a
 * server stream, the app's events as messages ({@code StreamCodec} reader).
 */
final class LoopbackService {

  /** Headers java.net.http sets itself and refuses from the caller. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final int CHUNK = 8192;

  private final HttpTranscoder engine;
  private final URI app;
  private final HttpClient http;
  private final ExecutorService calls;

  LoopbackService(HttpTranscoder engine, URI app, HttpClient http, ExecutorService calls) {
    this.engine = engine;
    this.app = app;
    this.http = http;
    this.calls = calls;
  }

  /** One service definition per proto service of the engine's routes. */
  List<ServerServiceDefinition> services(Iterable<Descriptors.FileDescriptor> files) {
    List<ServerServiceDefinition> services = new ArrayList<>();
    for (Descriptors.FileDescriptor file : files) {
      for (Descriptors.ServiceDescriptor service : file.getServices()) {
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(service.getFullName());
        for (Descriptors.MethodDescriptor method : service.getMethods()) {
          definition.addMethod(GrpcMethods.of(method), new Handler(engine.call(method)));
        }
        services.add(definition.build());
      }
    }
    return services;
  }

  /** Every call of one method. */
  private final class Handler implements ServerCallHandler<DynamicMessage, DynamicMessage> {
    private final MethodCall method;

    Handler(MethodCall method) {
      this.method = method;
    }

    @Override
    public ServerCall.Listener<DynamicMessage> startCall(ServerCall<DynamicMessage, DynamicMessage> call, Metadata headers) {
      call.request(Integer.MAX_VALUE);
      List<DynamicMessage> requests = new ArrayList<>();
      AtomicReference<InputStream> open = new AtomicReference<>();
      return new ServerCall.Listener<>() {
        @Override
        public void onMessage(DynamicMessage message) {
          requests.add(message);
        }

        @Override
        public void onHalfClose() {
          // off the call's serializing executor, so a cancellation still arrives while the app streams
          calls.execute(() -> answer(call, headers, requests, open));
        }

        @Override
        public void onCancel() {
          closeQuietly(open.get()); // ends the read of the app's stream, if one is open
        }
      };
    }

    private void answer(ServerCall<DynamicMessage, DynamicMessage> call, Metadata headers, List<DynamicMessage> requests,
        AtomicReference<InputStream> open) {
      try {
        Message request = requests.isEmpty() ? DynamicMessage.getDefaultInstance(method.method().getInputType()) : requests.get(0);
        RestRequest rest = engine.toRest(method.method(), request, headers);
        if (method.requestStream().isPresent()) {
          StreamWriter frames = method.requestStream().get().writer();
          ByteString body = ByteString.EMPTY;
          for (DynamicMessage message : requests) {
            body = body.concat(frames.write(message));
          }
          rest = new RestRequest(rest.method(), rest.path(), rest.query(), rest.headers(), method.requestStream().get().mediaType(),
              body.concat(frames.finish().lastBytes()));
        }
        if (method.responseStream().isPresent()) {
          stream(call, rest, open);
        } else {
          unary(call, rest, request);
        }
      } catch (IOException e) {
        call.close(Status.UNAVAILABLE.withDescription("the app did not answer: " + e).withCause(e), new Metadata());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        call.close(Status.CANCELLED.withDescription("interrupted"), new Metadata());
      } catch (RuntimeException e) {
        call.close(Status.INTERNAL.withDescription("loopback: " + e).withCause(e), new Metadata());
      }
    }

    private void unary(ServerCall<DynamicMessage, DynamicMessage> call, RestRequest rest, Message request)
        throws IOException, InterruptedException {
      HttpResponse<byte[]> response = http.send(toApp(rest), HttpResponse.BodyHandlers.ofByteArray());
      RestResponse answer = restResponse(response, ByteString.copyFrom(response.body()));
      ResponseContext context = new ResponseContext(rest.method(), rest.path(), rest.query(), request);
      GrpcResponse grpc = method.responses().orElseThrow().toGrpc(answer, context);
      if (grpc instanceof GrpcResponse.Success success) {
        call.sendHeaders(PassThroughHeaders.fromApp(response.headers(), success.headers()));
        call.sendMessage((DynamicMessage) success.message());
        call.close(Status.OK, new Metadata());
      } else {
        fail(call, ((GrpcResponse.Failure) grpc).status(), response);
      }
    }

    private void stream(ServerCall<DynamicMessage, DynamicMessage> call, RestRequest rest, AtomicReference<InputStream> open)
        throws IOException, InterruptedException {
      HttpResponse<InputStream> response = http.send(toApp(rest), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() >= 300) {
          RestResponse error = restResponse(response, ByteString.readFrom(body));
          fail(call, ErrorTransform.of(method.method()).toStatus(error), response);
          return;
        }
        open.set(body);
        call.sendHeaders(PassThroughHeaders.fromApp(response.headers(), new Metadata()));
        StreamReader reader = method.responseStream().get().reader();
        byte[] buffer = new byte[CHUNK];
        int read;
        while (!call.isCancelled() && (read = readQuietly(body, buffer)) >= 0) {
          if (!emit(call, reader.push(ByteString.copyFrom(buffer, 0, read)))) {
            return;
          }
        }
        if (call.isCancelled()) {
          return;
        }
        if (emit(call, reader.end())) {
          call.close(Status.OK, new Metadata());
        }
      }
    }

    /** Sends the messages; false when a frame was the app's error, which closed the call. */
    private boolean emit(ServerCall<DynamicMessage, DynamicMessage> call, List<StreamItem> items) {
      for (StreamItem item : items) {
        if (item instanceof StreamItem.Data data) {
          call.sendMessage((DynamicMessage) data.message());
        } else {
          fail(call, ((StreamItem.Failure) item).status(), null);
          return false;
        }
      }
      return true;
    }
  }

  private HttpRequest toApp(RestRequest rest) {
    HttpRequest.BodyPublisher body = rest.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(rest.body().toByteArray());
    HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(rest.target())).timeout(Duration.ofSeconds(20))
        .method(rest.method(), body);
    for (RestHeaders.Header header : rest.headers().list()) {
      if (!RESTRICTED.contains(header.name().toLowerCase(Locale.ROOT))) {
        request.header(header.name(), header.value());
      }
    }
    if (!rest.contentType().isEmpty()) {
      request.header("Content-Type", rest.contentType());
    }
    return request.build();
  }

  /** The app's answer as the engine reads it: Content-Type apart, the other headers in java.net.http's order (by name). */
  static RestResponse restResponse(HttpResponse<?> response, ByteString body) {
    List<RestHeaders.Header> headers = new ArrayList<>();
    response.headers().map().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("content-type")) {
        values.forEach(value -> headers.add(new RestHeaders.Header(name, value)));
      }
    });
    return new RestResponse(response.statusCode(), new RestHeaders(headers),
        response.headers().firstValue("Content-Type").orElse(""), body);
  }

  /** Closes the call with the app's error; {@code app}: its answer, whose pass-through headers go in the trailers. */
  private static void fail(ServerCall<DynamicMessage, DynamicMessage> call, com.google.rpc.Status status, HttpResponse<?> app) {
    StatusRuntimeException failure = StatusProto.toStatusRuntimeException(status);
    Metadata trailers = failure.getTrailers();
    call.close(failure.getStatus(), app == null ? trailers : PassThroughHeaders.fromApp(app.headers(), trailers));
  }

  /** -1 when the stream was closed under the reader (the call was cancelled). */
  private static int readQuietly(InputStream body, byte[] buffer) {
    try {
      return body.read(buffer);
    } catch (IOException closed) {
      return -1;
    }
  }

  private static void closeQuietly(InputStream body) {
    if (body != null) {
      try {
        body.close();
      } catch (IOException ignored) {
        // the call is over either way
      }
    }
  }
}
