package io.rest2grpc.sample.payment;

import io.rest2grpc.sample.order.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code "method": "card"}. */
public record CardPaymentRequest(
    @NotNull Long orderId,
    @NotNull @Valid Money amount,
    @NotNull @Pattern(regexp = "[0-9]{12,19}", message = "must be 12-19 digits") String cardNumber,
    @NotNull @Min(1) @Max(12) Integer expiryMonth,
    @NotNull @Min(2000) @Max(2100) Integer expiryYear,
    @Size(max = 100) String cardholderName) implements PaymentRequest {}
