package io.rest2grpc.sample.order;

import java.time.OffsetDateTime;
import java.util.List;

/** Filters of the order list; every null or empty filter matches all orders. */
public record OrderFilter(List<OrderStatus> statuses, Long userId, OffsetDateTime createdFrom,
    OffsetDateTime createdTo) {

  public OrderFilter {
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }

  public static OrderFilter byStatuses(List<OrderStatus> statuses) {
    return new OrderFilter(statuses, null, null, null);
  }
}
