package io.rest2grpc.sample.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import lombok.Data;

/** The client-writable fields of an order: the body of create (POST) and replace (PUT), and what PATCH merges into. */
@Data
public class OrderRequest {

  @NotNull
  private Long userId;

  @NotEmpty
  @Size(max = 50)
  private List<@Valid @NotNull OrderItem> items;

  @NotNull
  @Valid
  private Money total;

  private LocalDate deliveryDate;

  @Size(max = 500)
  private String note;

  static OrderRequest from(Order order) {
    OrderRequest request = new OrderRequest();
    request.setUserId(order.getUserId());
    request.setItems(List.copyOf(order.getItems()));
    request.setTotal(order.getTotal());
    request.setDeliveryDate(order.getDeliveryDate());
    request.setNote(order.getNote());
    return request;
  }
}
