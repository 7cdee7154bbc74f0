package io.rest2grpc.sample.order;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** An order as stored. Entity name differs from the class because ORDER is a JPQL keyword. */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
@Getter
@Setter
@NoArgsConstructor
public class Order {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_id_seq")
  @SequenceGenerator(name = "order_id_seq", sequenceName = "order_id_seq", allocationSize = 1)
  private Long id;

  private Long userId;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  @Embedded
  private Money total;

  private LocalDate deliveryDate;
  private String note;
  private String idempotencyKey;
  private OffsetDateTime createdAt;
  private OffsetDateTime updatedAt;

  @Version
  private int version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "line_no")
  private List<OrderItem> items = new ArrayList<>();

  /** The entity tag of this version of the order, as sent in {@code ETag} and expected in {@code If-Match}. */
  public String etag() {
    return "\"" + version + "\"";
  }
}
