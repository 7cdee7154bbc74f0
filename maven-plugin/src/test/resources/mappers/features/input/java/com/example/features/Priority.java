package com.example.features;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Priority {
  LOW("low"),
  HIGH("high");

  @JsonValue
  private final String code;

  Priority(String code) {
    this.code = code;
  }
}
