package io.rest2grpc.sample.payment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.rest2grpc.sample.order.Money;

/** Body of {@code POST /v1/payments}: a card or a bank transfer, told apart by {@code method}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CardPaymentRequest.class, name = "card"),
    @JsonSubTypes.Type(value = BankTransferRequest.class, name = "bank_transfer")})
public sealed interface PaymentRequest permits CardPaymentRequest, BankTransferRequest {

  Long orderId();

  Money amount();
}
