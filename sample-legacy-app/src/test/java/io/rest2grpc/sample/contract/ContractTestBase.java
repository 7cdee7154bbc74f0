package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.sample.support.ContractClient;
import io.rest2grpc.sample.support.Exchange;
import io.rest2grpc.sample.support.LegacyAppTest;
import io.rest2grpc.sample.support.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every contract test shares: the client for the target, and a way to make fresh orders. */
@LegacyAppTest
abstract class ContractTestBase {

  static final String PROBLEM_JSON = "application/problem+json";

  @LocalServerPort
  int localPort;

  ContractClient api;

  @BeforeEach
  void connectToTarget() {
    api = ContractClient.forTarget(localPort);
  }

  /** A new pending order of user 1, so tests never depend on each other's changes to seed data. */
  JsonNode createOrder(String note) {
    Exchange created = api.post("/v1/orders").token(Tokens.WRITER).json(Map.of(
        "user_id", 1,
        "items", List.of(Map.of("sku", "PEN-FOUNTAIN", "quantity", 2)),
        "total", Map.of("currency", "GBP", "amount_cents", 2500),
        "delivery_date", "2099-12-24",
        "note", note)).send();
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json();
  }

  static void assertProblem(Exchange exchange, int status, String code) {
    assertThat(exchange.status()).as("%s", exchange).isEqualTo(status);
    assertThat(exchange.contentType()).as("%s", exchange).startsWith(PROBLEM_JSON);
    JsonNode problem = exchange.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("request_id").asText()).isEqualTo(exchange.header("X-Request-Id"));
  }
}
