package io.rest2grpc.sample.user;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Query parameters of the user list, bound with {@code @ModelAttribute}. */
public record UserSearch(
    String cursor,
    @Min(1) @Max(100) Integer limit,
    @Pattern(regexp = "[a-z-]{1,50}", message = "must be a role name such as customer") String role) {

  static final int DEFAULT_LIMIT = 20;

  int limitOrDefault() {
    return limit == null ? DEFAULT_LIMIT : limit;
  }
}
