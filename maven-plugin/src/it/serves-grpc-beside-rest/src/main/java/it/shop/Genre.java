package it.shop;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Genre {
  SCIENCE_FICTION("science-fiction"), POETRY("poetry"), HISTORY("history");

  private final String wire;

  Genre(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}
