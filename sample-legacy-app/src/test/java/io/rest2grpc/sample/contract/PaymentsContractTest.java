package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.sample.support.Exchange;
import io.rest2grpc.sample.support.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentsContractTest extends ContractTestBase {

  private static final Map<String, Object> GBP_120 = Map.of("currency", "GBP", "amount_cents", 12000);

  @Test
  void cardPaymentIsAuthorisedAndCanBeFetched() {
    Exchange created = api.post("/v1/payments").token(Tokens.WRITER).json(Map.of(
        "method", "card", "order_id", 1002, "amount", GBP_120,
        "card_number", "4111111111111111", "expiry_month", 12, "expiry_year", 2099)).send();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("state").asText()).isEqualTo("authorized");
    assertThat(created.json().path("card_last4").asText()).isEqualTo("1111");
    assertThat(created.json().has("iban_last4")).isFalse();
    String location = created.header("Location");
    assertThat(location).isEqualTo("/v1/payments/" + created.json().path("id").asText());
    assertThat(api.get(location).token(Tokens.READER).send().json()).isEqualTo(created.json());
  }

  @Test
  void bankTransferStaysPending() {
    Exchange created = api.post("/v1/payments").token(Tokens.WRITER).json(Map.of(
        "method", "bank_transfer", "order_id", 1005, "amount", Map.of("currency", "EUR", "amount_cents", 7450),
        "iban", "DE89370400440532013000", "account_holder", "Konrad Zuse")).send();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("method").asText()).isEqualTo("bank_transfer");
    assertThat(created.json().path("state").asText()).isEqualTo("pending");
    assertThat(created.json().path("iban_last4").asText()).isEqualTo("3000");
  }

  @Test
  void unknownMethodOrInvalidFieldsAre400() {
    assertProblem(api.post("/v1/payments").token(Tokens.WRITER).json(Map.of("method", "cash", "order_id", 1002))
        .send(), 400, "MALFORMED_BODY");
    Exchange invalid = api.post("/v1/payments").token(Tokens.WRITER).json(Map.of(
        "method", "card", "order_id", 1002, "amount", GBP_120,
        "card_number", "4111-1111", "expiry_month", 13, "expiry_year", 2099)).send();
    assertProblem(invalid, 400, "VALIDATION_FAILED");
    assertThat(OrdersContractTest.fields(invalid)).containsExactlyInAnyOrder("card_number", "expiry_month");
  }

  @Test
  void paymentsThatBreakBusinessRulesAre422() {
    Exchange wrongCurrency = api.post("/v1/payments").token(Tokens.WRITER).json(Map.of(
        "method", "bank_transfer", "order_id", 1002, "amount", Map.of("currency", "USD", "amount_cents", 1),
        "iban", "GB82WEST12345698765432", "account_holder", "Ada Lovelace")).send();
    assertProblem(wrongCurrency, 422, "BUSINESS_RULE_VIOLATED");
    assertThat(OrdersContractTest.fields(wrongCurrency)).containsExactly("amount.currency");

    Exchange expiredForUnknownOrder = api.post("/v1/payments").token(Tokens.WRITER).json(Map.of(
        "method", "card", "order_id", 42, "amount", GBP_120,
        "card_number", "4111111111111111", "expiry_month", 1, "expiry_year", 2020)).send();
    assertProblem(expiredForUnknownOrder, 422, "BUSINESS_RULE_VIOLATED");
    assertThat(OrdersContractTest.fields(expiredForUnknownOrder)).containsExactlyInAnyOrder("order_id", "expiry_year");
  }

  @Test
  void unknownPaymentIs404() {
    assertProblem(api.get("/v1/payments/pay_missing").token(Tokens.READER).send(), 404, "PAYMENT_NOT_FOUND");
  }
}
