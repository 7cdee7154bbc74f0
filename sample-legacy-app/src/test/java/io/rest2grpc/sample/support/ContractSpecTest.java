package io.rest2grpc.sample.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract checker itself must catch drift, or a green contract suite proves nothing. */
class ContractSpecTest {

  private static final String ORDER = """
      {"id":1001,"user_id":1,"status":"pending","items":[{"sku":"PEN-FOUNTAIN","quantity":2}],
       "total":{"currency":"GBP","amount_cents":4599},"delivery_date":null,"note":null,
       "created_at":"2024-03-14T09:26:53Z","updated_at":"2024-03-14T09:26:53+01:00"}""";

  private final ContractSpec spec = ContractSpec.get();

  @Test
  void aConformingResponsePasses() {
    assertThat(spec.violations(json("GET", "/v1/orders/1001", 200, ORDER, Map.of("ETag", "\"1\"")))).isEmpty();
  }

  @Test
  void catchesAMissingRequiredFieldAWrongEnumValueAndAnUndocumentedField() {
    assertThat(spec.violations(json("GET", "/v1/orders/1001", 200, ORDER.replace("\"note\":null,", ""),
        Map.of("ETag", "\"1\"")))).isNotEmpty();
    assertThat(spec.violations(json("GET", "/v1/orders/1001", 200, ORDER.replace("pending", "PENDING"),
        Map.of("ETag", "\"1\"")))).isNotEmpty();
    assertThat(spec.violations(json("GET", "/v1/orders/1001", 200, ORDER.replace("\"note\":null", "\"notes\":null"),
        Map.of("ETag", "\"1\"")))).isNotEmpty();
  }

  @Test
  void catchesAMissingRequiredHeaderAndAnUndocumentedMediaType() {
    assertThat(spec.violations(json("GET", "/v1/orders/1001", 200, ORDER, Map.of()))).isNotEmpty();
    Exchange xml = new Exchange("GET", "/v1/orders/1001", 200,
        headers(Map.of("Content-Type", "application/xml", "ETag", "\"1\"")), "<order/>".getBytes(StandardCharsets.UTF_8));
    assertThat(spec.violations(xml)).isNotEmpty();
  }

  @Test
  void matchesConcretePathsToTheirTemplates() {
    assertThat(spec.match("POST", "/v1/orders/7/status")).hasValueSatisfying(
        operation -> assertThat(operation.template()).isEqualTo("/v1/orders/{id}/status"));
    assertThat(spec.match("GET", "/v1/orders?limit=3")).hasValueSatisfying(
        operation -> assertThat(operation.template()).isEqualTo("/v1/orders"));
    assertThat(spec.match("GET", "/actuator/health")).isEmpty();
  }

  private static Exchange json(String method, String path, int status, String body, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return new Exchange(method, path, status, headers(all), body.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpHeaders headers(Map<String, String> headers) {
    Map<String, List<String>> multi = new java.util.HashMap<>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    return HttpHeaders.of(multi, (name, value) -> true);
  }
}
