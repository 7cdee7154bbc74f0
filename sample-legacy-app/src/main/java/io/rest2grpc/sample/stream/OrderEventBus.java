package io.rest2grpc.sample.stream;

import io.rest2grpc.sample.order.OrderChanged;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Numbers committed order changes and fans them out to SSE subscribers. Keeps the latest events so a
 * client that reconnects with {@code Last-Event-ID} gets what it missed. Synchronized: a replay and a
 * live event never interleave, at the price of a slow client delaying the others (fine for a sample).
 */
@Component
public class OrderEventBus {

  private static final int HISTORY = 1000;

  private final Deque<OrderEvent> history = new ArrayDeque<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private long lastSequence;

  @TransactionalEventListener
  public synchronized void onOrderChanged(OrderChanged change) {
    OrderEvent event = new OrderEvent(++lastSequence, change.type(), change.orderId(), change.status(),
        change.occurredAt());
    history.addLast(event);
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
    for (Iterator<Subscription> it = subscriptions.iterator(); it.hasNext(); ) {
      if (!it.next().deliver(event)) {
        it.remove();
      }
    }
  }

  /** Replays events after {@code lastEventId}, then streams live ones; completes after {@code limit} events if given. */
  public synchronized void subscribe(SseEmitter emitter, long lastEventId, Integer limit) {
    Subscription subscription = new Subscription(emitter, limit == null ? Long.MAX_VALUE : limit);
    for (OrderEvent event : history) {
      if (event.sequence() > lastEventId && !subscription.deliver(event)) {
        return;
      }
    }
    subscriptions.add(subscription);
    emitter.onCompletion(() -> remove(subscription));
    emitter.onTimeout(() -> remove(subscription));
    emitter.onError(error -> remove(subscription));
  }

  private synchronized void remove(Subscription subscription) {
    subscriptions.remove(subscription);
  }

  private static final class Subscription {
    private final SseEmitter emitter;
    private long remaining;

    Subscription(SseEmitter emitter, long remaining) {
      this.emitter = emitter;
      this.remaining = remaining;
      if (remaining <= 0) {
        emitter.complete();
      }
    }

    /** Sends one event; false once this subscription is over (limit reached or client gone). */
    boolean deliver(OrderEvent event) {
      if (remaining <= 0) {
        return false;
      }
      try {
        emitter.send(SseEmitter.event().id(Long.toString(event.sequence())).name(event.type())
            .data(event, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException e) {
        emitter.completeWithError(e);
        return false;
      }
      if (--remaining == 0) {
        emitter.complete();
        return false;
      }
      return true;
    }
  }
}
