package io.rest2grpc.sample.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user in full. Prints every field, {@code null} included ({@code "phone": null}, {@code "address": null}).
 * {@code fullName} went out as {@code display_name} before anyone renamed the Java field.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserDto(
    long id,
    @JsonProperty("display_name") String fullName,
    String email,
    String phone,
    Address address,
    Map<String, String> attributes,
    List<String> roles,
    OffsetDateTime createdAt) {

  static UserDto from(User user) {
    return new UserDto(user.getId(), user.getDisplayName(), user.getEmail(), user.getPhone(), user.getAddress(),
        new TreeMap<>(user.getAttributes()), user.getRoles().stream().sorted().toList(), user.getCreatedAt());
  }
}
