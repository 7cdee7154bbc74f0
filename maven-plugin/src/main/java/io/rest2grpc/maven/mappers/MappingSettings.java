package io.rest2grpc.maven.mappers;

import io.rest2grpc.maven.mappers.dto.JacksonDefaults;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import java.util.Set;

/**
 * What the application decides about its mappers.
 *
 * @param naming its Jackson naming strategy ({@code spring.jackson.property-naming-strategy}); a class's
 *     {@code @JsonNaming} wins
 * @param bridgedDtos DTO classes (qualified names) no mapper is planned for, so that the RPCs carrying them go
 *     through the bridge: the plugin's {@code <bridgedDtos>}, for a DTO whose mapper fails the self-check
 * @param jackson the defaults of the Jackson its Spring MVC writes JSON with, found on its classpath
 */
public record MappingSettings(NamingStrategy naming, Set<String> bridgedDtos, JacksonDefaults jackson) {

  public MappingSettings {
    bridgedDtos = Set.copyOf(bridgedDtos);
  }

  /** Spring Boot 3's Jackson 2, nothing bridged. */
  public static MappingSettings of(NamingStrategy naming) {
    return new MappingSettings(naming, Set.of(), JacksonDefaults.JACKSON_2);
  }
}
