package io.rest2grpc.sample.payment;

import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.error.FieldViolation;
import io.rest2grpc.sample.order.Order;
import io.rest2grpc.sample.order.OrderRepository;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records payments: cards are authorised at once, bank transfers stay pending until the money arrives. */
@Service
public class PaymentService {

  private final PaymentRepository payments;
  private final OrderRepository orders;

  public PaymentService(PaymentRepository payments, OrderRepository orders) {
    this.payments = payments;
    this.orders = orders;
  }

  @Transactional
  public Payment create(PaymentRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    Order order = orders.findById(request.orderId()).orElse(null);
    if (order == null) {
      violations.add(new FieldViolation("order_id", "no order with id " + request.orderId()));
    } else if (!order.getTotal().currency().equals(request.amount().currency())) {
      violations.add(new FieldViolation("amount.currency", "must be the order's currency " + order.getTotal().currency()));
    }
    Payment payment = new Payment();
    if (request instanceof CardPaymentRequest card) {
      if (YearMonth.of(card.expiryYear(), card.expiryMonth()).isBefore(YearMonth.now(ZoneOffset.UTC))) {
        violations.add(new FieldViolation("expiry_year", "the card has expired"));
      }
      payment.setMethod("card");
      payment.setState("authorized");
      payment.setCardLast4(last4(card.cardNumber()));
    } else if (request instanceof BankTransferRequest transfer) {
      payment.setMethod("bank_transfer");
      payment.setState("pending");
      payment.setIbanLast4(last4(transfer.iban()));
    }
    if (!violations.isEmpty()) {
      throw ApiException.unprocessable(violations);
    }
    payment.setId("pay_" + UUID.randomUUID().toString().replace("-", ""));
    payment.setOrderId(request.orderId());
    payment.setAmount(request.amount());
    payment.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    return payments.save(payment);
  }

  @Transactional(readOnly = true)
  public Payment get(String id) {
    return payments.findById(id).orElseThrow(() -> ApiException.notFound("payment", id));
  }

  private static String last4(String digits) {
    return digits.substring(digits.length() - 4);
  }
}
