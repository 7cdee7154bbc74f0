package io.rest2grpc.sample.stream;

import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events of order changes ({@code text/event-stream}). */
@RestController
public class OrderEventController {

  private static final long STREAM_TIMEOUT_MILLIS = Duration.ofMinutes(10).toMillis();
  private static final long RECONNECT_DELAY_MILLIS = 3000;
  private final OrderEventBus bus;

  public OrderEventController(OrderEventBus bus) {
    this.bus = bus;
  }

  @GetMapping(path = "/v1/order-events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter streamOrderEvents(
      @RequestHeader(name = "Last-Event-ID", required = false) @Min(0) Long lastEventId,
      @RequestParam(required = false) @Min(1) Integer limit) throws IOException {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
    // Sent at once, so the client gets the response headers before the first order changes.
    emitter.send(SseEmitter.event().reconnectTime(RECONNECT_DELAY_MILLIS));
    // Without Last-Event-ID a client only gets what happens from now on.
    bus.subscribe(emitter, lastEventId == null ? Long.MAX_VALUE : lastEventId, limit);
    return emitter;
  }
}
