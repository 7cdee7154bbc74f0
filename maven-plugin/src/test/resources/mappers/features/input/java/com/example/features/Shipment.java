package com.example.features;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import lombok.Data;

@Data
public class Shipment {
  private String trackingCode;
  private Integer parcelCount;
  private boolean fragile;
  private Set<String> labels;
  private Map<String, Long> weights;
  private Instant shippedAt;
  private Duration transit;
  private Long insuredCents;
  private BigDecimal price;
  private BigInteger serial;
  private Parcel[] parcels;
  private Priority priority;
  private byte[] signature;
}
