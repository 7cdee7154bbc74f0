package io.rest2grpc.sample.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.sample.support.GrpcMethods;
import io.rest2grpc.sample.support.HttpExchanges;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.streams.RestStreamException;
import io.rest2grpc.transcoding.streams.StreamEnd;
import io.rest2grpc.transcoding.streams.StreamItem;
import io.rest2grpc.transcoding.streams.StreamReader;
import io.rest2grpc.transcoding.streams.StreamWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The chain's near side, an HTTP handler: a REST request → the engine ({@link HttpTranscoder#toGrpc})
 * → a gRPC call on {@code channel} → the gRPC answer back to REST ({@code ResponseTranscoder.toRest},
 * or a server stream's frames, flushed one by one) → the HTTP response.
 */
final class RestFront implements HttpHandler {

  /** Set by the HTTP server itself. */
  private static final int CHUNK = 8192;
  private static final long UNARY_DEADLINE_SECONDS = 30;
  /**
   * The suite's event streams are short subscriptions; one the app never ends (a listed limitation:
   * {@code limit=0} is not sent back) fails here instead of holding the suite, whose client waits
   * for a whole body without a time limit.
   */
  private static final long STREAM_DEADLINE_SECONDS = 5;

  private final HttpTranscoder engine;
  private final Channel channel;

  RestFront(HttpTranscoder engine, Channel channel) {
    this.engine = engine;
    this.channel = channel;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RestRequest head = HttpExchanges.request(exchange, ByteString.EMPTY);
      // a client stream's body is read as it comes, frame by frame; any other is bound whole
      boolean streamsIn = engine.routes().match(head.method(), head.target(), head.contentType().isEmpty() ? null : head.contentType(),
          head.headers().first("Accept").orElse(null)) instanceof RouteMatch.Matched matched && matched.route().method().isClientStreaming();
      RestRequest rest = streamsIn ? head : HttpExchanges.request(exchange, ByteString.readFrom(exchange.getRequestBody()));
      Routed routed = engine.toGrpc(rest);
      if (routed instanceof Routed.Refused refused) {
        HttpExchanges.send(exchange, refused.response(), rest.method());
        return;
      }
      Routed.Call call = (Routed.Call) routed;
      GrpcCall events = new GrpcCall();
      CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(
          call.call().responseStream().isPresent() ? STREAM_DEADLINE_SECONDS : UNARY_DEADLINE_SECONDS, TimeUnit.SECONDS);
      ClientCall<DynamicMessage, DynamicMessage> grpc = channel.newCall(GrpcMethods.of(call.call().method()), options);
      grpc.start(events, call.request().metadata());
      grpc.request(Integer.MAX_VALUE);
      if (streamsIn) {
        try {
          sendStream(exchange.getRequestBody(), call, grpc);
        } catch (RestStreamException badFrame) {
          grpc.cancel("the request stream has a bad frame", badFrame);
          HttpExchanges.send(exchange, errorResponse(call, Status.INVALID_ARGUMENT.withDescription(badFrame.getMessage()), new Metadata()), rest.method());
          return;
        }
      } else {
        grpc.sendMessage((DynamicMessage) call.request().message());
      }
      grpc.halfClose();
      if (call.call().responseStream().isPresent()) {
        answerStream(exchange, call, events, grpc);
      } else {
        answerUnary(exchange, call, events);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request body's frames as the client stream's messages, each sent as soon as its frame is complete. */
  private static void sendStream(InputStream body, Routed.Call call, ClientCall<DynamicMessage, DynamicMessage> grpc) throws IOException {
    // a line the app reports as bad (and skips) travels to it as it came, as the legacy upload's did
    StreamReader reader = call.call().requestStream().orElseThrow().carryingUnreadableFrames().reader(call.request().message());
    byte[] buffer = new byte[CHUNK];
    for (int read; (read = body.read(buffer)) >= 0; ) {
      sendAll(reader.push(ByteString.copyFrom(buffer, 0, read)), grpc);
    }
    sendAll(reader.end(), grpc);
  }

  private static void sendAll(List<StreamItem> items, ClientCall<DynamicMessage, DynamicMessage> grpc) {
    for (StreamItem item : items) {
      grpc.sendMessage((DynamicMessage) ((StreamItem.Data) item).message());
    }
  }

  private static void answerUnary(HttpExchange exchange, Routed.Call call, GrpcCall events) throws IOException, InterruptedException {
    Metadata headers = new Metadata();
    Message response = null;
    while (true) {
      GrpcCall.Event event = events.next();
      if (event instanceof GrpcCall.Headers received) {
        headers = received.headers();
      } else if (event instanceof GrpcCall.Message message) {
        response = message.message();
      } else {
        GrpcCall.Closed closed = (GrpcCall.Closed) event;
        var responses = call.call().responses().orElseThrow();
        RestResponse rest = closed.status().isOk()
            ? PassThroughHeaders.toRest(responses.toRest(response, headers, closed.trailers(), call.context()), headers)
            : PassThroughHeaders.toRest(responses.toRest(closed.status(), closed.trailers(), call.context()), closed.trailers());
        HttpExchanges.send(exchange, rest, call.rest().method());
        return;
      }
    }
  }

  /**
   * A server stream: the HTTP status waits for the call's headers (the far side accepted) or its
   * close (it failed before any message: a whole error response); then one frame per message.
   */
  private static void answerStream(HttpExchange exchange, Routed.Call call, GrpcCall events, ClientCall<DynamicMessage, DynamicMessage> grpc)
      throws IOException, InterruptedException {
    GrpcCall.Event first = events.next();
    if (first instanceof GrpcCall.Closed closed) {
      HttpExchanges.send(exchange, PassThroughHeaders.toRest(errorResponse(call, closed.status(), closed.trailers()), closed.trailers()),
          call.rest().method());
      return;
    }
    HttpExchanges.addHeaders(exchange, PassThroughHeaders.with(RestHeaders.NONE, ((GrpcCall.Headers) first).headers()), false);
    StreamWriter writer = call.call().responseStream().orElseThrow()
        .writer(call.rest().headers().first("Last-Event-ID").orElse(null));
    exchange.getResponseHeaders().set("Content-Type", call.call().responseStream().get().mediaType());
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    try {
      write(body, writer.opening());
      while (true) {
        GrpcCall.Event event = events.next();
        if (event instanceof GrpcCall.Message message) {
          write(body, writer.write(message.message()));
        } else if (event instanceof GrpcCall.Closed closed) {
          StreamEnd end = closed.status().isOk() ? writer.finish()
              : writer.fail(StatusProto.fromStatusAndTrailers(closed.status(), closed.trailers()));
          write(body, end.lastBytes());
          if (end.abort()) {
            throw new IOException("the stream failed: " + closed.status()); // the server drops the connection
          }
          return;
        }
      }
    } catch (IOException clientGone) {
      grpc.cancel("the HTTP client went away", clientGone);
      throw clientGone;
    }
  }

  private static RestResponse errorResponse(Routed.Call call, Status status, Metadata trailers) {
    return ErrorTransform.of(call.call().method()).toHttp(StatusProto.fromStatusAndTrailers(status, trailers), call.rest().path());
  }

  private static void write(OutputStream body, ByteString bytes) throws IOException {
    if (!bytes.isEmpty()) {
      bytes.writeTo(body);
      body.flush();
    }
  }
}
