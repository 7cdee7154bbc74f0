package io.rest2grpc.sample.order;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/orders/{id}/status}. */
public record StatusChangeRequest(@NotNull OrderStatus status) {}
