package io.rest2grpc.sample.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Order lifecycle. On the wire the values are lower-case and hyphenated ({@code in-progress}), not the Java names. */
public enum OrderStatus {
  PENDING("pending"),
  IN_PROGRESS("in-progress"),
  SHIPPED("shipped");

  private final String wireValue;

  OrderStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  @JsonCreator
  public static OrderStatus fromWireValue(String value) {
    return Arrays.stream(values()).filter(status -> status.wireValue.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown order status '" + value + "'; expected one of "
            + Arrays.stream(values()).map(OrderStatus::wireValue).collect(Collectors.joining(", "))));
  }

  /** Orders only move forward, one step at a time. */
  public boolean canMoveTo(OrderStatus next) {
    return next.ordinal() == ordinal() + 1;
  }
}
