package io.rest2grpc.sample.order;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in minor units (int64 cents) of an ISO 4217 currency; never a floating-point number. */
@Embeddable
public record Money(
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
    @NotNull @PositiveOrZero Long amountCents) {}
