package io.rest2grpc.runtime.call;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The metadata of the current call, for code that only sees a request and a {@code StreamObserver}
 * (the generated services): the request's headers, the client's address, and response headers to
 * send with the call's first message. Installed for every call by this interceptor (a Spring gRPC
 * global interceptor).
 */
public final class CallMetadata implements ServerInterceptor {
  private static final Context.Key<Metadata> REQUEST = Context.key("rest2grpc-request-metadata");
  private static final Context.Key<ResponseHeaders> RESPONSE = Context.key("rest2grpc-response-metadata");
  private static final Context.Key<String> REMOTE_ADDRESS = Context.key("rest2grpc-remote-address");

  /** The request's headers; empty outside a call. */
  public static Metadata requestHeaders() {
    Metadata headers = REQUEST.get();
    return headers == null ? new Metadata() : headers;
  }

  /**
   * The client's IP address, as a servlet request's {@code getRemoteAddr()} gives it for REST; 127.0.0.1 outside a
   * call or over a transport without one (in-process).
   */
  public static String remoteAddress() {
    String address = REMOTE_ADDRESS.get();
    return address == null ? "127.0.0.1" : address;
  }

  /** Adds {@code headers} to what the call sends with its response headers (before its first message). */
  public static void addResponseHeaders(Metadata headers) {
    current().add(headers);
  }

  /**
   * Sends the response headers now, before any message: a stream whose first message may be long in
   * coming still tells its client at once that it started. grpc-java's own later send is then skipped.
   */
  public static void sendResponseHeadersNow() {
    current().sendNow();
  }

  private static ResponseHeaders current() {
    ResponseHeaders pending = RESPONSE.get();
    if (pending == null) {
      throw new IllegalStateException("no gRPC call in this context: is the CallMetadata interceptor registered?");
    }
    return pending;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    ResponseHeaders pending = new ResponseHeaders(call);
    ServerCall<ReqT, RespT> withHeaders = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void sendHeaders(Metadata responseHeaders) {
        pending.send(responseHeaders);
      }
    };
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String address = remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
    Context context = Context.current().withValues(REQUEST, headers, RESPONSE, pending, REMOTE_ADDRESS, address);
    return Contexts.interceptCall(context, withHeaders, headers, next);
  }

  /** The call's response headers until they are sent; sent once, whoever sends them first. */
  private static final class ResponseHeaders {
    private final ServerCall<?, ?> call;
    private final Metadata pending = new Metadata();
    private boolean sent;

    ResponseHeaders(ServerCall<?, ?> call) {
      this.call = call;
    }

    synchronized void add(Metadata headers) {
      pending.merge(headers);
    }

    synchronized void sendNow() {
      send(new Metadata());
    }

    synchronized void send(Metadata headers) {
      if (!sent) {
        sent = true;
        headers.merge(pending);
        call.sendHeaders(headers);
      }
    }
  }
}
