package io.rest2grpc.sample.payment;

import io.rest2grpc.sample.order.Money;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** A recorded payment. Ids are strings ({@code pay_…}), unlike the numeric ids of orders and users. */
@Entity
@Table(name = "payments")
@Getter
@Setter
@NoArgsConstructor
public class Payment {

  @Id
  private String id;

  private Long orderId;
  private String method;
  private String state;

  @Embedded
  private Money amount;

  private String cardLast4;
  private String ibanLast4;
  private OffsetDateTime createdAt;
}
