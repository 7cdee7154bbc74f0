package io.rest2grpc.sample.order;

import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.error.FieldViolation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The {@code sort} parameter of the order list: a field name, with a leading {@code -} for descending. */
public record OrderSort(String property, boolean descending) {

  private static final Map<String, String> PROPERTIES_BY_FIELD = Map.of(
      "id", "id",
      "created_at", "createdAt",
      "updated_at", "updatedAt",
      "delivery_date", "deliveryDate",
      "total", "total.amountCents");

  public static OrderSort parse(String sort) {
    boolean descending = sort.startsWith("-");
    String field = descending ? sort.substring(1) : sort;
    String property = PROPERTIES_BY_FIELD.get(field);
    if (property == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_SORT", "Cannot sort orders by '" + sort + "'",
          List.of(new FieldViolation("sort", "must be one of " + String.join(", ", PROPERTIES_BY_FIELD.keySet().stream()
              .sorted().toList()) + ", optionally prefixed with '-'")));
    }
    return new OrderSort(property, descending);
  }
}
