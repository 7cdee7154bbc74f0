package io.rest2grpc.openapi.proto;

import java.util.List;

/** The numbers and names of a message's fields or an enum's values that were removed and must never be reused. */
public record Reserved(List<Integer> numbers, List<String> names) {

  public static final Reserved NONE = new Reserved(List.of(), List.of());

  public Reserved {
    numbers = numbers.stream().sorted().toList();
    names = names.stream().distinct().sorted().toList();
  }

  public boolean isEmpty() {
    return numbers.isEmpty() && names.isEmpty();
  }
}
