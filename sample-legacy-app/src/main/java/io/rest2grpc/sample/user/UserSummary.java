package io.rest2grpc.sample.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A user in a list. Unlike {@link UserDto}, omits fields that are {@code null} (no {@code "email": null}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserSummary(long id, @JsonProperty("display_name") String fullName, String email, String country,
    List<String> roles) {

  static UserSummary from(User user) {
    return new UserSummary(user.getId(), user.getDisplayName(), user.getEmail(),
        user.getAddress() == null ? null : user.getAddress().country(), user.getRoles().stream().sorted().toList());
  }
}
