package io.rest2grpc.sample.export;

import io.rest2grpc.sample.order.OrderStatus;
import java.util.List;

/** Body of {@code POST /v1/order-exports}: which orders to export (all when {@code statuses} is empty). */
public record ExportRequest(List<OrderStatus> statuses) {

  public ExportRequest {
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }
}
