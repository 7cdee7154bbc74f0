package it.depot;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire values from @JsonProperty on each constant. */
public enum Tier {
  @JsonProperty("basic") BASIC,
  @JsonProperty("gold-member") GOLD
}
