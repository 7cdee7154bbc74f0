package it.depot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Wire values from @JsonValue; @JsonCreator reads them back. */
public enum Speed {
  EXPRESS("express"), STANDARD("standard"), NEXT_WEEK("next-week");

  private final String wire;

  Speed(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static Speed of(String wire) {
    return Arrays.stream(values()).filter(speed -> speed.wire.equals(wire)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no speed " + wire));
  }
}
