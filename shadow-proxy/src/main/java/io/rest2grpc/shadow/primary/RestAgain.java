package io.rest2grpc.shadow.primary;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A read sent to REST once more, off the primary path: to learn REST's own noise (the same request answered twice),
 * and to re-check a mismatch. These requests reach REST as any client's would (they count against its rate limits);
 * both uses are sampled and off by default.
 */
public final class RestAgain {
  private final HttpClient rest;
  private final int limit;

  public RestAgain(HttpClient rest, int limit) {
    this.rest = rest;
    this.limit = limit;
  }

  /** REST's answer to {@code request}; empty when it could not be read (no answer, an unread coding, too large). */
  public CompletableFuture<Optional<RestResponse>> send(RestRequest request) {
    HttpHeaders sent = new DefaultHttpHeaders();
    request.headers().list().forEach(header -> sent.add(header.name(), header.value()));
    HttpHeaders forward = HopByHopHeaders.endToEnd(sent);
    forward.remove(HttpHeaderNames.HOST);
    forward.remove(HttpHeaderNames.CONTENT_LENGTH);
    return rest.headers(headers -> headers.add(forward))
        .request(HttpMethod.valueOf(request.method()))
        .uri(request.target())
        .send(Mono.just(Unpooled.wrappedBuffer(request.body().toByteArray())))
        .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
            .map(bytes -> RestAnswers.of(response.status().code(), response.responseHeaders(), bytes, limit)))
        .onErrorReturn(Optional.empty())
        .toFuture();
  }
}
