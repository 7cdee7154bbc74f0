package io.rest2grpc.sample.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rest2grpc.sample.order.Money;
import java.time.OffsetDateTime;

/** A payment as returned; {@code card_last4} or {@code iban_last4} is present depending on the method. */
public record PaymentDto(String id, long orderId, String method, String state, Money amount,
    @JsonInclude(JsonInclude.Include.NON_NULL) String cardLast4,
    @JsonInclude(JsonInclude.Include.NON_NULL) String ibanLast4,
    OffsetDateTime createdAt) {

  static PaymentDto from(Payment payment) {
    return new PaymentDto(payment.getId(), payment.getOrderId(), payment.getMethod(), payment.getState(),
        payment.getAmount(), payment.getCardLast4(), payment.getIbanLast4(), payment.getCreatedAt());
  }
}
