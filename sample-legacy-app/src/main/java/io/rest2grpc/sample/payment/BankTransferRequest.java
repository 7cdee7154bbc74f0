package io.rest2grpc.sample.payment;

import io.rest2grpc.sample.order.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code "method": "bank_transfer"}. */
public record BankTransferRequest(
    @NotNull Long orderId,
    @NotNull @Valid Money amount,
    @NotNull @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", message = "must be an IBAN without spaces")
    String iban,
    @NotBlank @Size(max = 100) String accountHolder) implements PaymentRequest {}
