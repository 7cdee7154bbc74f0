package io.rest2grpc.sample.export;

import io.rest2grpc.sample.order.OrderStatus;
import java.time.OffsetDateTime;
import java.util.List;

/** The state of an asynchronous export; {@code order_count}, {@code completed_at} and {@code download_url} stay null until it completes. */
public record ExportJob(String id, State state, List<OrderStatus> statuses, Integer orderCount,
    OffsetDateTime createdAt, OffsetDateTime completedAt, String downloadUrl) {

  public enum State {
    running, completed, failed
  }

  ExportJob completed(int count, OffsetDateTime at) {
    return new ExportJob(id, State.completed, statuses, count, createdAt, at, "/v1/order-exports/" + id + "/content");
  }

  ExportJob failed(OffsetDateTime at) {
    return new ExportJob(id, State.failed, statuses, null, createdAt, at, null);
  }
}
