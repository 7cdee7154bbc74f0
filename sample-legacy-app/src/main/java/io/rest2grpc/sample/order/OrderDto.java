package io.rest2grpc.sample.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.Builder;
import lombok.Value;

/** An order as the API returns it. Absent optional values are printed as {@code null}. */
@Value
@Builder
public class OrderDto {
  long id;
  long userId;
  OrderStatus status;
  List<OrderItem> items;
  Money total;
  LocalDate deliveryDate;
  String note;
  OffsetDateTime createdAt;
  OffsetDateTime updatedAt;

  public static OrderDto from(Order order) {
    return OrderDto.builder()
        .id(order.getId())
        .userId(order.getUserId())
        .status(order.getStatus())
        .items(List.copyOf(order.getItems()))
        .total(order.getTotal())
        .deliveryDate(order.getDeliveryDate())
        .note(order.getNote())
        .createdAt(order.getCreatedAt())
        .updatedAt(order.getUpdatedAt())
        .build();
  }
}
