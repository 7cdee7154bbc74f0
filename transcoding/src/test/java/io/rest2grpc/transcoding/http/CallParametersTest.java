package io.rest2grpc.transcoding.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.options.v1.RestParameterUse;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallParametersTest {
  private static final RestParameter PRETTY = parameter("pretty", ParameterLocation.PARAMETER_LOCATION_QUERY, "pretty", false);
  private static final RestParameter TOKEN = parameter("token", ParameterLocation.PARAMETER_LOCATION_HEADER, "token", true);
  private static final RestFile FILE = RestFile.newBuilder().addSharedParameters(PRETTY).addSharedParameters(TOKEN).build();
  private static final RestConstant VERSION = RestConstant.newBuilder().setName("Api-Version")
      .setLocation(ParameterLocation.PARAMETER_LOCATION_HEADER).setValue("2024-01-01").build();

  @Test
  void aMethodTakesEverySharedParameterWhereTheFileSaysAndItsConstants() {
    CallParameters parameters = CallParameters.of(RestMethod.newBuilder().addConstants(VERSION).build(), FILE);
    assertThat(parameters.shared()).containsExactly(PRETTY, TOKEN);
    assertThat(parameters.constants()).containsExactly(VERSION);
  }

  @Test
  void aMethodTakesOneElsewhereOrNotAtAll() {
    RestMethod method = RestMethod.newBuilder()
        .addSharedParameterUses(RestParameterUse.newBuilder().setMetadataKey("token").setLocation(ParameterLocation.PARAMETER_LOCATION_QUERY))
        .addSharedParameterUses(RestParameterUse.newBuilder().setMetadataKey("pretty"))
        .build();
    assertThat(CallParameters.of(method, FILE).shared())
        .containsExactly(parameter("token", ParameterLocation.PARAMETER_LOCATION_QUERY, "token", true));
  }

  @Test
  void aFileWithoutSharedParametersGivesNone() {
    assertThat(CallParameters.of(RestMethod.getDefaultInstance(), RestFile.getDefaultInstance()))
        .isEqualTo(new CallParameters(List.of(), List.of()));
  }

  private static RestParameter parameter(String name, ParameterLocation location, String key, boolean secret) {
    return RestParameter.newBuilder().setName(name).setLocation(location).setMetadataKey(key).setSecret(secret).build();
  }
}
