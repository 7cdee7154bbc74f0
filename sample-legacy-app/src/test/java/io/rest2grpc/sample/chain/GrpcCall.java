package io.rest2grpc.sample.chain;

import com.google.protobuf.DynamicMessage;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The client side of one gRPC call, as a queue of what the server sent (headers, messages, the
 * close), so the thread that answers the HTTP request reads them in order.
 */
final class GrpcCall extends ClientCall.Listener<DynamicMessage> {

  /** What the server sent. */
  sealed interface Event {}

  record Headers(Metadata headers) implements Event {}

  record Message(DynamicMessage message) implements Event {}

  record Closed(Status status, Metadata trailers) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  @Override
  public void onHeaders(Metadata headers) {
    events.add(new Headers(headers));
  }

  @Override
  public void onMessage(DynamicMessage message) {
    events.add(new Message(message));
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    events.add(new Closed(status, trailers));
  }

  /** The next event; the call's deadline bounds the wait. */
  Event next() throws InterruptedException {
    return events.take();
  }
}
