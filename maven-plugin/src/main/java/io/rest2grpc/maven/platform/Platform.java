package io.rest2grpc.maven.platform;

import io.rest2grpc.maven.mappers.dto.JacksonDefaults;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The row of the support matrix a project is on, read from the artifacts it resolves: which Spring gRPC registers the
 * generated services, and which Jackson, with which defaults, its Spring MVC writes JSON with.
 *
 * @param springBoot the version of {@code org.springframework.boot:spring-boot}
 * @param springGrpc the Spring gRPC line of {@code org.springframework.grpc:spring-grpc-core}
 * @param jackson the defaults the typed mappers follow
 */
public record Platform(String springBoot, SpringGrpc springGrpc, JacksonDefaults jackson) {

  /**
   * The row of a project.
   *
   * @param versions the version of each artifact the project's main code resolves, by {@code groupId:artifactId}
   * @param properties the app's {@code application.yml}/{@code .properties}, flattened
   * @throws IllegalArgumentException naming what does not fit together and the fix
   */
  public static Platform of(Map<String, String> versions, Map<String, String> properties) {
    String boot = versions.get("org.springframework.boot:spring-boot");
    String grpc = versions.get("org.springframework.grpc:spring-grpc-core");
    if (boot == null || grpc == null) {
      throw new IllegalArgumentException("the project resolves no " + (boot == null ? "org.springframework.boot:spring-boot"
          : "org.springframework.grpc:spring-grpc-core") + ": the generated services run on Spring Boot and Spring gRPC, which "
          + "io.rest2grpc:rest2grpc-runtime brings; add it as a dependency");
    }
    int bootMajor = major(boot);
    SpringGrpc springGrpc = major(grpc) == 0 ? SpringGrpc.V0_12 : SpringGrpc.V1_0;
    if (bootMajor == 3 && springGrpc == SpringGrpc.V0_12) {
      return new Platform(boot, springGrpc, jackson2(properties));
    }
    if (bootMajor == 4 && springGrpc == SpringGrpc.V1_0) {
      boolean jackson3 = versions.containsKey("tools.jackson.core:jackson-databind")
          && !"jackson2".equalsIgnoreCase(property(properties, "spring.http.converters.preferred-json-mapper").orElse(""));
      return new Platform(boot, springGrpc, jackson3 ? jackson3(properties) : jackson2(properties));
    }
    if (bootMajor == 4) {
      throw new IllegalArgumentException("Spring Boot " + boot + " resolves Spring gRPC " + grpc + ", which runs on Spring Boot 3 "
          + "only: import org.springframework.grpc:spring-grpc-dependencies:1.0.3 (after io.grpc:grpc-bom) in <dependencyManagement>, "
          + "so that rest2grpc-runtime's Spring gRPC starter is 1.0's");
    }
    if (bootMajor == 3) {
      throw new IllegalArgumentException("Spring Boot " + boot + " resolves Spring gRPC " + grpc + ", which runs on Spring Boot 4 "
          + "only: remove the Spring gRPC 1.x BOM or dependency, so that rest2grpc-runtime brings Spring gRPC 0.12");
    }
    throw new IllegalArgumentException("rest2grpc supports Spring Boot 3.5 (Spring gRPC 0.12) and Spring Boot 4.0 (Spring gRPC 1.0); "
        + "this project is on Spring Boot " + boot);
  }

  /** For the build's log: {@code Spring Boot 4.0.7, Spring gRPC 1.0, Jackson 3}. */
  public String describe() {
    return "Spring Boot " + springBoot + ", Spring gRPC " + springGrpc.line() + ", " + jackson.label();
  }

  private static JacksonDefaults jackson2(Map<String, String> properties) {
    return JacksonDefaults.JACKSON_2
        .withEnumsAsToString(flag(properties, "spring.jackson.serialization.write-enums-using-to-string").orElse(false))
        .withFieldNamesKeepCase(flag(properties, "spring.jackson.mapper.fix-field-name-upper-case-prefix").orElse(false));
  }

  /** Boot 4's defaults, or Jackson 2's where {@code spring.jackson.use-jackson2-defaults} asks for them. */
  private static JacksonDefaults jackson3(Map<String, String> properties) {
    boolean legacy = flag(properties, "spring.jackson.use-jackson2-defaults").orElse(false);
    return JacksonDefaults.JACKSON_3
        .withEnumsAsToString(flag(properties, "spring.jackson.datatype.enum.write-enums-using-to-string").orElse(!legacy))
        .withFieldNamesKeepCase(flag(properties, "spring.jackson.mapper.fix-field-name-upper-case-prefix").orElse(!legacy));
  }

  private static Optional<Boolean> flag(Map<String, String> properties, String key) {
    return property(properties, key).map(value -> Boolean.parseBoolean(value.strip()));
  }

  /** A property by Spring's relaxed names: {@code WRITE_ENUMS_USING_TO_STRING} is {@code write-enums-using-to-string}. */
  private static Optional<String> property(Map<String, String> properties, String key) {
    return properties.entrySet().stream()
        .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).replace('_', '-').equals(key))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static int major(String version) {
    try {
      int dot = version.indexOf('.');
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
