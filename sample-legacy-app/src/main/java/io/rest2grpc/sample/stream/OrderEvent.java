package io.rest2grpc.sample.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.rest2grpc.sample.order.OrderStatus;
import java.time.OffsetDateTime;

/** The data of one SSE event; its sequence number travels in the SSE {@code id:} field, its type in {@code event:}. */
public record OrderEvent(@JsonIgnore long sequence, String type, long orderId, OrderStatus status,
    OffsetDateTime occurredAt) {}
