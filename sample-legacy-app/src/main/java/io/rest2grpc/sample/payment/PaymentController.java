package io.rest2grpc.sample.payment;

import io.rest2grpc.sample.security.RequiresRole;
import io.rest2grpc.sample.security.Role;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Payments: a polymorphic request body (oneOf card | bank transfer). */
@RestController
@RequestMapping("/v1/payments")
public class PaymentController {

  private final PaymentService payments;

  public PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  @PostMapping
  @RequiresRole(Role.WRITER)
  public ResponseEntity<PaymentDto> createPayment(@Valid @RequestBody PaymentRequest request) {
    Payment payment = payments.create(request);
    return ResponseEntity.created(URI.create("/v1/payments/" + payment.getId())).body(PaymentDto.from(payment));
  }

  @GetMapping("/{id}")
  public PaymentDto getPayment(@PathVariable String id) {
    return PaymentDto.from(payments.get(id));
  }
}
