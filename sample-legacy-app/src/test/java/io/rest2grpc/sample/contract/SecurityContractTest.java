package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.sample.support.ContractSpec;
import io.rest2grpc.sample.support.ContractSpec.Operation;
import io.rest2grpc.sample.support.Exchange;
import io.rest2grpc.sample.support.Tokens;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bearer authentication, roles, the rate limiter, request ids and the audit trail, across every operation. */
class SecurityContractTest extends ContractTestBase {

  private static final String MULTIPART_BOUNDARY = "auth-test";

  @Test
  void everyOperationAnswers401WithAChallengeWithoutAToken() {
    for (Operation operation : ContractSpec.get().operations()) {
      Exchange anonymous = withBody(operation, api.call(operation.method(), operation.pathWith("1"))).send();

      assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).as("%s", anonymous).startsWith("Bearer realm=");
      if (!operation.method().equals("HEAD")) {
        assertProblem(anonymous, 401, "AUTHENTICATION_REQUIRED");
      }
    }
  }

  @Test
  void unknownTokenIs401WithInvalidTokenError() {
    Exchange rejected = api.get("/v1/orders/1001").token("not-a-token").send();

    assertProblem(rejected, 401, "INVALID_TOKEN");
    assertThat(rejected.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
  }

  @Test
  void everyOperationThatNeedsMoreThanReadingAnswers403ToAReader() {
    List<Operation> guarded = ContractSpec.get().operations().stream()
        .filter(operation -> operation.statuses().contains("403")).toList();
    assertThat(guarded).hasSizeGreaterThanOrEqualTo(10);
    for (Operation operation : guarded) {
      Exchange denied = withBody(operation, api.call(operation.method(), operation.pathWith("1001")))
          .token(Tokens.READER).send();

      assertProblem(denied, 403, "PERMISSION_DENIED");
    }
  }

  @Test
  void aTokenOverItsRateLimitGets429WithRetryAfter() {
    List<Integer> statuses = new ArrayList<>();
    Exchange limited = null;
    for (int i = 0; i < 10 && limited == null; i++) {
      Exchange exchange = api.get("/v1/users/1").token(Tokens.LIMITED).send();
      statuses.add(exchange.status());
      if (exchange.status() == 429) {
        limited = exchange;
      }
    }

    assertThat(limited).as("statuses seen: %s", statuses).isNotNull();
    assertProblem(limited, 429, "RATE_LIMITED");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(statuses.subList(0, statuses.size() - 1)).allSatisfy(status -> assertThat(status).isEqualTo(200));
    assertThat(api.get("/v1/users/1").token(Tokens.READER).send().status())
        .as("other tokens have their own budget").isEqualTo(200);
  }

  @Test
  void requestIdIsEchoedOrGenerated() {
    Exchange echoed = api.get("/v1/users/1").token(Tokens.READER).header("X-Request-Id", "trace-42.a_b").send();
    Exchange generated = api.get("/v1/users/1").token(Tokens.READER).send();
    Exchange unsafe = api.get("/v1/users/1").token(Tokens.READER).header("X-Request-Id", "<script>").send();

    assertThat(echoed.header("X-Request-Id")).isEqualTo("trace-42.a_b");
    assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(unsafe.header("X-Request-Id")).isNotEqualTo("<script>").matches("[0-9a-f-]{36}");
  }

  @Test
  void auditTrailRecordsCallsForAdminsOnly() {
    api.get("/v1/users/2").token(Tokens.READER).header("X-Request-Id", "audit-me-1").send();

    Exchange audit = api.get("/v1/audit-events?limit=500").token(Tokens.ADMIN).send();

    assertThat(audit.status()).isEqualTo(200);
    assertThat(audit.json().isArray()).isTrue();
    assertThat(audit.json()).anySatisfy(event -> {
      assertThat(event.path("request_id").asText()).isEqualTo("audit-me-1");
      assertThat(event.path("path").asText()).isEqualTo("/v1/users/2");
      assertThat(event.path("status").asInt()).isEqualTo(200);
      assertThat(event.path("caller").asText()).isNotBlank();
    });
    assertProblem(api.get("/v1/audit-events?limit=0").token(Tokens.ADMIN).send(), 400, "VALIDATION_FAILED");
  }

  @Test
  void healthAndInfoNeedNoToken() {
    Exchange health = api.get("/actuator/health").sendUnchecked();
    Exchange info = api.get("/actuator/info").sendUnchecked();

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(info.status()).isEqualTo(200);
  }

  @Test
  void unknownApiPathIs404ProblemOnceAuthenticated() {
    assertProblem(api.get("/v1/no-such-thing").token(Tokens.READER).sendUnchecked(), 404, "NOT_FOUND");
  }

  /** A body of the operation's first documented media type, so that routing reaches the auth checks. */
  private static io.rest2grpc.sample.support.ContractClient.Call withBody(Operation operation,
      io.rest2grpc.sample.support.ContractClient.Call call) {
    PathItem path = ContractSpec.get().openApi().getPaths().get(operation.template());
    RequestBody body = path.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.method()))
        .getRequestBody();
    if (body == null || body.getContent() == null) {
      return call;
    }
    String mediaType = body.getContent().keySet().iterator().next();
    return switch (mediaType) {
      case "multipart/form-data" -> call.body("multipart/form-data; boundary=" + MULTIPART_BOUNDARY,
          "--" + MULTIPART_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
              + "Content-Type: text/plain\r\n\r\na\r\n--" + MULTIPART_BOUNDARY + "--\r\n");
      case "application/x-ndjson" -> call.body(mediaType, "");
      default -> call.body(mediaType, "{}");
    };
  }
}
