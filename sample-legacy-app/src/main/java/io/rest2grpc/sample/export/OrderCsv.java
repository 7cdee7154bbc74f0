package io.rest2grpc.sample.export;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.rest2grpc.sample.order.Order;
import java.util.List;

/** The CSV layout of an order export (RFC 4180 quoting for free text). */
final class OrderCsv {

  static final String HEADER = "id,user_id,status,currency,amount_cents,delivery_date,created_at,note";

  private OrderCsv() {}

  static String write(List<Order> orders) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (Order order : orders) {
      csv.append(order.getId()).append(',')
          .append(order.getUserId()).append(',')
          .append(order.getStatus().wireValue()).append(',')
          .append(order.getTotal().currency()).append(',')
          .append(order.getTotal().amountCents()).append(',')
          .append(order.getDeliveryDate() == null ? "" : order.getDeliveryDate()).append(',')
          .append(ISO_OFFSET_DATE_TIME.format(order.getCreatedAt())).append(',')
          .append(quote(order.getNote())).append("\r\n");
    }
    return csv.toString();
  }

  private static String quote(String text) {
    return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
