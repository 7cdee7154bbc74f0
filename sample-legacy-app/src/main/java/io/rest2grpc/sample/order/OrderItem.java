package io.rest2grpc.sample.order;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One line of an order. */
@Embeddable
public record OrderItem(
    @NotNull @Pattern(regexp = "[A-Z0-9-]{3,40}", message = "must be 3-40 upper-case letters, digits or '-'") String sku,
    @NotNull @Min(1) @Max(1000) Integer quantity) {}
