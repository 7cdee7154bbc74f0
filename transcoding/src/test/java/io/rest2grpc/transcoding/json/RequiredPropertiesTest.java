package io.rest2grpc.transcoding.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.test.v1.Delivery;
import org.junit.jupiter.api.Test;

/** A required property is in every body: unset nullable fields as null, empty lists and maps as [] and {} (RestJson, emission). */
class RequiredPropertiesTest {

  private final RestJson json = RestJson.create();

  @Test
  void unsetRequiredPropertiesAreWrittenAsNullOrEmpty() {
    assertThat(json.print(Delivery.newBuilder().setCity("Leeds").build()))
        .isEqualTo("{\"date\":null,\"note\":null,\"city\":\"Leeds\",\"tags\":[],\"labels\":{}}");
  }

  @Test
  void aSetOneIsWrittenAsItsValue() {
    assertThat(json.print(Delivery.newBuilder().setDate("2024-06-30").setNote("").addTags("a").putLabels("k", "v").build()))
        .isEqualTo("{\"date\":\"2024-06-30\",\"note\":\"\",\"tags\":[\"a\"],\"labels\":{\"k\":\"v\"}}");
  }

  @Test
  void theyReadBackAsUnset() {
    String body = "{\"date\":null,\"note\":null,\"city\":\"Leeds\",\"tags\":[],\"labels\":{}}";
    Delivery parsed = json.parse(body, Delivery.newBuilder()).build();
    assertThat(parsed).isEqualTo(Delivery.newBuilder().setCity("Leeds").build());
    assertThat(json.print(parsed)).isEqualTo(body);
  }
}
