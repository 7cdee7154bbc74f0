package io.rest2grpc.sample.stream;

import io.rest2grpc.sample.order.OrderStatus;
import java.time.OffsetDateTime;

/** One line of a tracking upload: a carrier reports that an order reached a status. */
public record TrackingEvent(Long orderId, OrderStatus status, OffsetDateTime occurredAt) {}
