package io.rest2grpc.sample.order;

import java.time.OffsetDateTime;

/** Published when an order changes; delivered to SSE subscribers once the transaction commits. */
public record OrderChanged(String type, long orderId, OrderStatus status, OffsetDateTime occurredAt) {

  public static final String CREATED = "order.created";
  public static final String UPDATED = "order.updated";
  public static final String STATUS_CHANGED = "order.status_changed";
  public static final String DELETED = "order.deleted";
}
