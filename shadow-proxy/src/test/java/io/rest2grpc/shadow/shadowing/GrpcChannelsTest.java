package io.rest2grpc.shadow.shadowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.shadow.support.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service configs the plugin writes beside the descriptor set become the shadow channel's, as grpc-java reads them. */
class GrpcChannelsTest {

  @Test
  void theSampleServicesConfigsMergeIntoOneWithTheirPolicyAndNumbersAsDoubles() throws Exception {
    Path folder = SampleApp.descriptorSet().resolveSibling("service-config");

    Map<String, Object> config = GrpcChannels.serviceConfig(List.of(folder));

    assertThat(config.get("loadBalancingConfig")).isEqualTo(List.of(Map.of("round_robin", Map.of())));
    assertThat((List<?>) config.get("methodConfig")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(config.toString()).contains("maxAttempts=3.0").doesNotContain("maxAttempts=3,");
  }

  @Test
  void withoutAnyRoundRobinSpreadsTheCallsAndABadFileIsNamed(@TempDir Path folder) throws Exception {
    assertThat(GrpcChannels.serviceConfig(List.of())).isEqualTo(Map.of("loadBalancingConfig", List.of(Map.of("round_robin", Map.of()))));
    Path bad = Files.writeString(folder.resolve("bad.json"), "{ not json");
    assertThatThrownBy(() -> GrpcChannels.serviceConfig(List.of(bad))).hasMessageStartingWith("service-config " + bad + " is no JSON");
  }
}
