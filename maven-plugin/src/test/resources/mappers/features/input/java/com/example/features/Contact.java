package com.example.features;

import lombok.AllArgsConstructor;
import lombok.Getter;

@Getter
@AllArgsConstructor
public class Contact {
  private final String email;
  private final boolean verified;
}
