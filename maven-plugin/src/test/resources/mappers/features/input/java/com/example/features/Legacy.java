package com.example.features;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

public record Legacy(
    Date createdAt,
    @JsonFormat(pattern = "dd.MM.yyyy") LocalDate day,
    int count,
    State state,
    Map<String, Object> extra,
    String notInTheProto) {

  public enum State { ACTIVE, ARCHIVED }
}
