package it.depot;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A record: nested records, a list of lists, a map, java.time, a decimal string, an Optional; parcelCount is computed. */
public record Shipment(
    @JsonProperty("ref") String customerReference,
    Speed speed,
    List<Parcel> parcels,
    List<List<String>> loadingPlan,
    Map<String, Integer> stockByWarehouse,
    Instant createdAt,
    LocalDate deliverOn,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal declaredValue,
    Optional<String> note,
    int parcelCount) {

  Shipment counted() {
    return new Shipment(customerReference, speed, parcels, loadingPlan, stockByWarehouse, createdAt, deliverOn, declaredValue, note,
        parcels == null ? 0 : parcels.size());
  }
}
