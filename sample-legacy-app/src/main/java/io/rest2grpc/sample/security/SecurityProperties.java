package io.rest2grpc.sample.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The bearer tokens the API accepts ({@code sample.security.*}), each with its caller name, roles and rate limit. */
@Validated
@ConfigurationProperties("sample.security")
public record SecurityProperties(@NotBlank String realm, @NotEmpty List<@Valid TokenGrant> tokens) {

  public record TokenGrant(@NotBlank String token, @NotBlank String caller, Set<String> roles,
      @Min(1) int requestsPerMinute) {

    public TokenGrant {
      roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
  }
}
