package it.depot;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

public record CardPayment(String cardNumber, int expiryMonth, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount)
    implements Payment {

  CardPayment masked() {
    return new CardPayment("*".repeat(cardNumber.length() - 4) + cardNumber.substring(cardNumber.length() - 4), expiryMonth, amount);
  }
}
