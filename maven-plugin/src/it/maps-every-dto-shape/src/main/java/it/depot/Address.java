package it.depot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import lombok.Value;

/** Lombok @Value: immutable, built through its all-args constructor. */
@Value
public class Address {
  String street;
  String city;
  @JsonProperty("zip")
  String postalCode;
  String countryCode;

  Address normalized() {
    return new Address(street.strip(), city.strip(), postalCode.replace(" ", ""), countryCode.toUpperCase(Locale.ROOT));
  }
}
