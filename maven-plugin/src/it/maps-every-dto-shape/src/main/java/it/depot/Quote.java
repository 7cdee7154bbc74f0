package it.depot;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** Lombok @Builder (with @Jacksonized, so Jackson reads it through the builder too). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Quote {
  String id;
  Speed speed;
  List<Speed> alternatives;
  @JsonFormat(shape = JsonFormat.Shape.STRING)
  BigDecimal price;
  OffsetDateTime validUntil;
  Map<String, Address> pickupPoints;
}
