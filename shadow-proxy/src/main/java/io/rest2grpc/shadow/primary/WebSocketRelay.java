package io.rest2grpc.shadow.primary;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Locale;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A WebSocket upgrade, passed through and never shadowed: the proxy accepts the client's WebSocket, opens the same
 * one to REST (the client's end-to-end headers and subprotocols with it), and relays frames both ways until either
 * side ends. REST refusing the upgrade closes the client's WebSocket, and the proxy logs REST's answer.
 */
final class WebSocketRelay {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketRelay.class);

  private WebSocketRelay() {}

  static boolean asked(HttpServerRequest request) {
    HttpHeaders headers = request.requestHeaders();
    return headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(headers.get(HttpHeaderNames.UPGRADE, ""));
  }

  /** {@code forward}: the request's end-to-end headers; the handshake's own ({@code Sec-WebSocket-*}) are the relay's. */
  static Publisher<Void> relay(HttpClient rest, HttpHeaders forward, HttpServerRequest request, HttpServerResponse response) {
    String protocols = request.requestHeaders().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    forward.names().stream().filter(name -> name.toLowerCase(Locale.ROOT).startsWith("sec-websocket-")).toList().forEach(forward::remove);
    WebsocketClientSpec.Builder toRest = WebsocketClientSpec.builder().handlePing(true);
    if (protocols != null) {
      toRest.protocols(protocols);
    }
    WebsocketServerSpec.Builder toClient = WebsocketServerSpec.builder().handlePing(true);
    if (protocols != null) {
      toClient.protocols(protocols);
    }
    return response.sendWebsocket((clientIn, clientOut) -> rest.headers(headers -> headers.add(forward)).websocket(toRest.build())
        .uri(request.uri())
        .handle((restIn, restOut) -> Mono.firstWithSignal(
            restOut.sendObject(clientIn.receiveFrames().map(WebSocketFrame::retain)).then(),
            clientOut.sendObject(restIn.receiveFrames().map(WebSocketFrame::retain)).then()))
        .doOnError(failure -> LOG.warn("the WebSocket {} to REST ended with {}", request.uri(), failure.toString()))
        .then(), toClient.build());
  }
}
