package io.rest2grpc.maven.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.maven.mappers.dto.JacksonDefaults;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The row of the support matrix, from the versions a project resolves and its application.yml. */
class PlatformTest {

  private static final Map<String, String> BOOT_3 = Map.of("org.springframework.boot:spring-boot", "3.5.7",
      "org.springframework.grpc:spring-grpc-core", "0.12.0", "com.fasterxml.jackson.core:jackson-databind", "2.19.2");
  private static final Map<String, String> BOOT_4 = Map.of("org.springframework.boot:spring-boot", "4.0.7",
      "org.springframework.grpc:spring-grpc-core", "1.0.3", "tools.jackson.core:jackson-databind", "3.1.4",
      "com.fasterxml.jackson.core:jackson-databind", "2.21.4");

  @Test
  void springBoot3IsSpringGrpc012AndJackson2() {
    Platform platform = Platform.of(BOOT_3, Map.of());

    assertThat(platform.describe()).isEqualTo("Spring Boot 3.5.7, Spring gRPC 0.12, Jackson 2");
    assertThat(platform.springGrpc().serverFactoryConfiguration())
        .isEqualTo("org.springframework.grpc.autoconfigure.server.GrpcServerFactoryAutoConfiguration");
    assertThat(platform.jackson()).isEqualTo(JacksonDefaults.JACKSON_2);
  }

  @Test
  void springBoot4IsSpringGrpc10AndJackson3EvenWithJackson2OnTheClasspath() {
    Platform platform = Platform.of(BOOT_4, Map.of());

    assertThat(platform.describe()).isEqualTo("Spring Boot 4.0.7, Spring gRPC 1.0, Jackson 3");
    assertThat(platform.springGrpc().serverFactoryConfiguration())
        .isEqualTo("org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration");
    assertThat(platform.jackson()).isEqualTo(JacksonDefaults.JACKSON_3);
  }

  @Test
  void jackson2DefaultsOnJackson3AreFollowed() {
    assertThat(Platform.of(BOOT_4, Map.of("spring.jackson.use-jackson2-defaults", "true")).jackson())
        .isEqualTo(new JacksonDefaults("Jackson 3", false, false));
    assertThat(Platform.of(BOOT_4, Map.of("spring.jackson.datatype.enum.WRITE_ENUMS_USING_TO_STRING", "false")).jackson())
        .isEqualTo(new JacksonDefaults("Jackson 3", false, true));
    assertThat(Platform.of(BOOT_3, Map.of("spring.jackson.serialization.write-enums-using-to-string", "true")).jackson())
        .isEqualTo(new JacksonDefaults("Jackson 2", true, false));
    assertThat(Platform.of(BOOT_4, Map.of("spring.http.converters.preferred-json-mapper", "jackson2")).jackson())
        .isEqualTo(JacksonDefaults.JACKSON_2);
  }

  @Test
  void springGrpc012OnSpringBoot4SaysWhichBomToImport() {
    Map<String, String> versions = Map.of("org.springframework.boot:spring-boot", "4.0.7",
        "org.springframework.grpc:spring-grpc-core", "0.12.0");

    assertThatThrownBy(() -> Platform.of(versions, Map.of())).hasMessage("Spring Boot 4.0.7 resolves Spring gRPC 0.12.0, which runs "
        + "on Spring Boot 3 only: import org.springframework.grpc:spring-grpc-dependencies:1.0.3 (after io.grpc:grpc-bom) in "
        + "<dependencyManagement>, so that rest2grpc-runtime's Spring gRPC starter is 1.0's");
  }

  @Test
  void springGrpc10OnSpringBoot3AndOtherBootsAreRefused() {
    assertThatThrownBy(() -> Platform.of(Map.of("org.springframework.boot:spring-boot", "3.5.7",
        "org.springframework.grpc:spring-grpc-core", "1.0.3"), Map.of()))
        .hasMessageStartingWith("Spring Boot 3.5.7 resolves Spring gRPC 1.0.3, which runs on Spring Boot 4 only");
    assertThatThrownBy(() -> Platform.of(Map.of("org.springframework.boot:spring-boot", "2.7.18",
        "org.springframework.grpc:spring-grpc-core", "0.12.0"), Map.of()))
        .hasMessage("rest2grpc supports Spring Boot 3.5 (Spring gRPC 0.12) and Spring Boot 4.0 (Spring gRPC 1.0); this project is on "
            + "Spring Boot 2.7.18");
    assertThatThrownBy(() -> Platform.of(Map.of("org.springframework.boot:spring-boot", "3.5.7"), Map.of()))
        .hasMessageContaining("resolves no org.springframework.grpc:spring-grpc-core");
  }
}
