package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.sample.support.Exchange;
import io.rest2grpc.sample.support.Tokens;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrdersContractTest extends ContractTestBase {

  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final long ID_ABOVE_2_POW_53 = 9007199254740993L;

  @Test
  void getsAnOrderWithInt64IdsAndAmountsAboveTwoToThe53Exactly() {
    Exchange order = api.get("/v1/orders/" + ID_ABOVE_2_POW_53).token(Tokens.READER).send();

    assertThat(order.status()).isEqualTo(200);
    assertThat(order.header("ETag")).matches("\"\\d+\"");
    assertThat(order.body()).contains("\"id\":9007199254740993").contains("\"amount_cents\":9007199254740993");
    JsonNode json = order.json();
    assertThat(json.path("id").asLong()).isEqualTo(ID_ABOVE_2_POW_53);
    assertThat(json.path("status").asText()).isEqualTo("in-progress");
    assertThat(json.path("delivery_date").asText()).isEqualTo("2024-06-30");
    // H2 keeps the offset it was given (+05:30), PostgreSQL answers the same instant in UTC
    assertThat(OffsetDateTime.parse(json.path("created_at").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2024-06-01T00:00:00+05:30").toInstant());
  }

  @Test
  void headAnswersTheETagWithoutABody() {
    Exchange get = api.get("/v1/orders/1004").token(Tokens.READER).send();
    Exchange head = api.head("/v1/orders/1004").token(Tokens.READER).send();
    Exchange missing = api.head("/v1/orders/42").token(Tokens.READER).send();

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
    assertThat(head.bytes()).isEmpty();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.bytes()).isEmpty();
  }

  @Test
  void unknownOrderIsA404Problem() {
    assertProblem(api.get("/v1/orders/42").token(Tokens.READER).send(), 404, "ORDER_NOT_FOUND");
  }

  @Test
  void listPagesWithOffsetAndLimitAndCountsAllMatchesInXTotalCount() {
    Exchange all = api.get("/v1/orders?limit=100").token(Tokens.READER).send();
    long total = Long.parseLong(all.header("X-Total-Count"));
    assertThat(all.json()).hasSize((int) Math.min(total, 100));

    List<Long> paged = new ArrayList<>();
    for (int offset = 0; offset < total; offset += 3) {
      Exchange page = api.get("/v1/orders?offset=" + offset + "&limit=3").token(Tokens.READER).send();
      assertThat(page.header("X-Total-Count")).isEqualTo(Long.toString(total));
      page.json().forEach(order -> paged.add(order.path("id").asLong()));
    }
    List<Long> inOneGo = new ArrayList<>();
    all.json().forEach(order -> inOneGo.add(order.path("id").asLong()));
    assertThat(paged).isEqualTo(inOneGo);
  }

  @Test
  void listFiltersByRepeatedStatusUserAndCreationRange() {
    Exchange byStatus = api.get("/v1/orders?status=pending&status=shipped&limit=100").token(Tokens.READER).send();
    assertThat(byStatus.json()).isNotEmpty()
        .allSatisfy(order -> assertThat(order.path("status").asText()).isIn("pending", "shipped"));
    assertThat(statuses(byStatus)).contains("pending", "shipped");

    Exchange byUser = api.get("/v1/orders?user_id=3&limit=100").token(Tokens.READER).send();
    assertThat(ids(byUser)).contains(1005L, 1006L);
    assertThat(byUser.json()).allSatisfy(order -> assertThat(order.path("user_id").asLong()).isEqualTo(3));

    // 2024-04-10T07:30+02:00 (1005) is inside, 2024-04-01T12:00-04:00 (1004) and 2024-05-01 (1008) are not
    Exchange byRange = api.get("/v1/orders?created_from=2024-04-10T05:30:00Z&created_to=2024-05-01T14:00:00%2B02:00"
        + "&sort=created_at").token(Tokens.READER).send();
    assertThat(ids(byRange)).containsExactly(1005L, 1006L, 1007L);
    assertThat(byRange.header("X-Total-Count")).isEqualTo("3");
  }

  @Test
  void listSortsByTheRequestedField() {
    Exchange byTotalDescending = api.get("/v1/orders?sort=-total&limit=3&user_id=2").token(Tokens.READER).send();
    assertThat(ids(byTotalDescending)).startsWith(ID_ABOVE_2_POW_53, 1003L);

    List<OffsetDateTime> created = new ArrayList<>();
    api.get("/v1/orders?limit=100").token(Tokens.READER).send().json()
        .forEach(order -> created.add(OffsetDateTime.parse(order.path("created_at").asText())));
    for (int i = 1; i < created.size(); i++) {
      assertThat(created.get(i)).as("default sort is -created_at").isBeforeOrEqualTo(created.get(i - 1));
    }
  }

  @Test
  void listRejectsBadParametersWith400() {
    assertProblem(api.get("/v1/orders?limit=101").token(Tokens.READER).send(), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/v1/orders?sort=price").token(Tokens.READER).send(), 400, "INVALID_SORT");
    assertProblem(api.get("/v1/orders?status=lost").token(Tokens.READER).send(), 400, "BAD_REQUEST");
    assertProblem(api.get("/v1/orders?created_from=yesterday").token(Tokens.READER).send(), 400, "BAD_REQUEST");
  }

  @Test
  void createAnswers201WithLocationAndETag() {
    Exchange created = api.post("/v1/orders").token(Tokens.WRITER).json(Map.of(
        "user_id", 5,
        "items", List.of(Map.of("sku", "DESK-LAMP", "quantity", 1), Map.of("sku", "BOOK-ABSTRACTION", "quantity", 3)),
        "total", Map.of("currency", "USD", "amount_cents", 8800))).send();

    assertThat(created.status()).isEqualTo(201);
    JsonNode order = created.json();
    assertThat(created.header("Location")).isEqualTo("/v1/orders/" + order.path("id").asLong());
    assertThat(created.header("ETag")).isNotBlank();
    assertThat(created.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(order.path("status").asText()).isEqualTo("pending");
    assertThat(order.path("items")).hasSize(2);
    assertThat(order.has("delivery_date")).isTrue();
    assertThat(order.path("delivery_date").isNull()).isTrue();
    assertThat(order.path("note").isNull()).isTrue();

    Exchange fetched = api.get(created.header("Location")).token(Tokens.READER).send();
    assertThat(fetched.json()).isEqualTo(order);
  }

  @Test
  void repeatedIdempotencyKeyReplaysTheFirstOrder() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("user_id", 2, "items", List.of(Map.of("sku", "STICKER-COBOL", "quantity", 1)),
        "total", Map.of("currency", "USD", "amount_cents", 300));

    Exchange first = api.post("/v1/orders").token(Tokens.WRITER).header("Idempotency-Key", key).json(body).send();
    Exchange second = api.post("/v1/orders").token(Tokens.WRITER).header("Idempotency-Key", key).json(body).send();

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.header("Location")).isEqualTo(first.header("Location"));
    assertThat(second.json()).isEqualTo(first.json());
  }

  @Test
  void createValidatesTheShapeWith400AndBusinessRulesWith422() {
    Exchange malformed = api.post("/v1/orders").token(Tokens.WRITER).json(Map.of(
        "user_id", 1,
        "items", List.of(Map.of("sku", "x", "quantity", 0)),
        "total", Map.of("currency", "GBP"))).send();
    assertProblem(malformed, 400, "VALIDATION_FAILED");
    assertThat(fields(malformed)).containsExactlyInAnyOrder("items[0].sku", "items[0].quantity", "total.amount_cents");

    Exchange notJson = api.post("/v1/orders").token(Tokens.WRITER).json("{\"user_id\": ").send();
    assertProblem(notJson, 400, "MALFORMED_BODY");

    Exchange wrongType = api.post("/v1/orders").token(Tokens.WRITER).json("{\"user_id\": \"one\"}").send();
    assertProblem(wrongType, 400, "MALFORMED_BODY");
    assertThat(fields(wrongType)).containsExactly("user_id");

    Exchange breaksRules = api.post("/v1/orders").token(Tokens.WRITER).json(Map.of(
        "user_id", 99,
        "items", List.of(Map.of("sku", "PEN-FOUNTAIN", "quantity", 1)),
        "total", Map.of("currency", "JPY", "amount_cents", 100),
        "delivery_date", "2001-01-01")).send();
    assertProblem(breaksRules, 422, "BUSINESS_RULE_VIOLATED");
    assertThat(fields(breaksRules)).containsExactlyInAnyOrder("user_id", "total.currency", "delivery_date");
  }

  @Test
  void createRefusesANonJsonBodyWith415() {
    assertProblem(api.post("/v1/orders").token(Tokens.WRITER).body("text/plain", "an order please").send(),
        415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void replaceSetsEveryWritableFieldAndHonoursIfMatch() {
    JsonNode order = createOrder("to be replaced");
    String path = "/v1/orders/" + order.path("id").asLong();
    String etag = api.get(path).token(Tokens.READER).send().header("ETag");
    Map<String, Object> replacement = Map.of("user_id", 3,
        "items", List.of(Map.of("sku", "RELAY-Z3", "quantity", 7)),
        "total", Map.of("currency", "EUR", "amount_cents", 700));

    Exchange replaced = api.put(path).token(Tokens.WRITER).header("If-Match", etag).json(replacement).send();

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isNotEqualTo(etag);
    JsonNode json = replaced.json();
    assertThat(json.path("user_id").asLong()).isEqualTo(3);
    assertThat(json.path("total").path("currency").asText()).isEqualTo("EUR");
    assertThat(json.path("note").isNull()).as("PUT replaces: an absent note is cleared").isTrue();

    assertProblem(api.put(path).token(Tokens.WRITER).header("If-Match", etag).json(replacement).send(),
        412, "ETAG_MISMATCH");
    assertProblem(api.put(path).token(Tokens.WRITER).json(Map.of("user_id", 3)).send(), 400, "VALIDATION_FAILED");
    assertProblem(api.put(path).token(Tokens.WRITER).json(Map.of("user_id", 404,
        "items", List.of(Map.of("sku", "RELAY-Z3", "quantity", 7)),
        "total", Map.of("currency", "EUR", "amount_cents", 700))).send(), 422, "BUSINESS_RULE_VIOLATED");
    assertProblem(api.put("/v1/orders/42").token(Tokens.WRITER).json(replacement).send(), 404, "ORDER_NOT_FOUND");
    assertProblem(api.put("/v1/orders/1003").token(Tokens.WRITER).json(replacement).send(), 409,
        "ORDER_ALREADY_SHIPPED");
  }

  @Test
  void mergePatchLeavesAbsentFieldsAndClearsNullOnes() {
    JsonNode order = createOrder("keep me");
    String path = "/v1/orders/" + order.path("id").asLong();

    Exchange cleared = api.patch(path).token(Tokens.WRITER).body(MERGE_PATCH, "{\"delivery_date\": null}").send();
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().path("delivery_date").isNull()).isTrue();
    assertThat(cleared.json().path("note").asText()).as("absent: unchanged").isEqualTo("keep me");
    assertThat(cleared.json().path("items")).isEqualTo(order.path("items"));

    Exchange nested = api.patch(path).token(Tokens.WRITER).header("If-Match", cleared.header("ETag"))
        .body(MERGE_PATCH, "{\"total\": {\"amount_cents\": 2600}, \"note\": null}").send();
    assertThat(nested.json().path("total").path("currency").asText()).as("objects merge").isEqualTo("GBP");
    assertThat(nested.json().path("total").path("amount_cents").asLong()).isEqualTo(2600);
    assertThat(nested.json().path("note").isNull()).isTrue();

    Exchange plainJson = api.patch(path).token(Tokens.WRITER).json(Map.of("note", "plain JSON works too")).send();
    assertThat(plainJson.json().path("note").asText()).isEqualTo("plain JSON works too");

    assertProblem(api.patch(path).token(Tokens.WRITER).header("If-Match", "\"0\"").body(MERGE_PATCH, "{}").send(),
        412, "ETAG_MISMATCH");
    Exchange clearsRequired = api.patch(path).token(Tokens.WRITER).body(MERGE_PATCH, "{\"items\": null}").send();
    assertProblem(clearsRequired, 400, "VALIDATION_FAILED");
    assertThat(fields(clearsRequired)).containsExactly("items");
    assertProblem(api.patch(path).token(Tokens.WRITER).body(MERGE_PATCH, "{\"user_id\": 77}").send(),
        422, "BUSINESS_RULE_VIOLATED");
    assertProblem(api.patch(path).token(Tokens.WRITER).body("text/plain", "note=x").send(),
        415, "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(api.patch("/v1/orders/42").token(Tokens.WRITER).body(MERGE_PATCH, "{}").send(), 404,
        "ORDER_NOT_FOUND");
    assertProblem(api.patch("/v1/orders/1006").token(Tokens.WRITER).body(MERGE_PATCH, "{}").send(), 409,
        "ORDER_ALREADY_SHIPPED");
  }

  @Test
  void statusMovesForwardOnlyAndChecksIfMatch() {
    JsonNode order = createOrder("status walk");
    String path = "/v1/orders/" + order.path("id").asLong() + "/status";

    assertProblem(api.post(path).token(Tokens.WRITER).json(Map.of("status", "shipped")).send(), 409,
        "INVALID_STATUS_TRANSITION");
    assertProblem(api.post(path).token(Tokens.WRITER).header("If-Match", "\"999\"")
        .json(Map.of("status", "in-progress")).send(), 412, "ETAG_MISMATCH");
    assertProblem(api.post(path).token(Tokens.WRITER).json(Map.of("status", "lost")).send(), 400, "MALFORMED_BODY");
    assertProblem(api.post(path).token(Tokens.WRITER).json(Map.of()).send(), 400, "VALIDATION_FAILED");
    assertProblem(api.post("/v1/orders/42/status").token(Tokens.WRITER).json(Map.of("status", "shipped")).send(),
        404, "ORDER_NOT_FOUND");

    String etag = api.head("/v1/orders/" + order.path("id").asLong()).token(Tokens.READER).send().header("ETag");
    Exchange inProgress = api.post(path).token(Tokens.WRITER).header("If-Match", etag)
        .json(Map.of("status", "in-progress")).send();
    assertThat(inProgress.status()).isEqualTo(200);
    assertThat(inProgress.json().path("status").asText()).isEqualTo("in-progress");
    Exchange shipped = api.post(path).token(Tokens.WRITER).json(Map.of("status", "shipped")).send();
    assertThat(shipped.json().path("status").asText()).isEqualTo("shipped");
  }

  @Test
  void deleteAnswers204ThenTheOrderIsGone() {
    JsonNode order = createOrder("short-lived");
    String path = "/v1/orders/" + order.path("id").asLong();

    assertProblem(api.delete(path).token(Tokens.WRITER).header("If-Match", "\"41\"").send(), 412, "ETAG_MISMATCH");
    Exchange deleted = api.delete(path).token(Tokens.WRITER).send();
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.bytes()).isEmpty();
    assertProblem(api.get(path).token(Tokens.READER).send(), 404, "ORDER_NOT_FOUND");
    assertProblem(api.delete(path).token(Tokens.WRITER).send(), 404, "ORDER_NOT_FOUND");
    assertProblem(api.delete("/v1/orders/1008").token(Tokens.WRITER).send(), 409, "ORDER_ALREADY_SHIPPED");
  }

  @Test
  void invoiceAddsTaxAndFailsWith500ForACustomerWithoutAddress() {
    Exchange invoice = api.get("/v1/orders/1005/invoice").token(Tokens.READER).send();
    assertThat(invoice.status()).isEqualTo(200);
    assertThat(invoice.json().path("country").asText()).isEqualTo("DE");
    assertThat(invoice.json().path("tax").path("amount_cents").asLong()).isEqualTo(1416); // 19 % of 7450
    assertThat(invoice.json().path("gross").path("amount_cents").asLong()).isEqualTo(8866);

    Exchange broken = api.get("/v1/orders/1010/invoice").token(Tokens.READER).send();
    assertProblem(broken, 500, "INTERNAL");
    assertThat(broken.json().path("detail").asText()).contains(broken.header("X-Request-Id"))
        .doesNotContain("NullPointerException");
    assertProblem(api.get("/v1/orders/42/invoice").token(Tokens.READER).send(), 404, "ORDER_NOT_FOUND");
  }

  private static List<Long> ids(Exchange exchange) {
    List<Long> ids = new ArrayList<>();
    exchange.json().forEach(order -> ids.add(order.path("id").asLong()));
    return ids;
  }

  private static List<String> statuses(Exchange exchange) {
    List<String> statuses = new ArrayList<>();
    exchange.json().forEach(order -> statuses.add(order.path("status").asText()));
    return statuses;
  }

  static List<String> fields(Exchange problem) {
    List<String> fields = new ArrayList<>();
    problem.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }
}
