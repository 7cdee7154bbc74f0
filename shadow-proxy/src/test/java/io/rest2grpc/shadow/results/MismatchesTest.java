package io.rest2grpc.shadow.results;

import static io.rest2grpc.shadow.support.Ledgers.awaitAccounted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rest2grpc.shadow.ShadowProxy;
import io.rest2grpc.shadow.ShadowSettings;
import io.rest2grpc.shadow.results.ParityLedger.Outcome;
import io.rest2grpc.shadow.support.AlteringRestSide;
import io.rest2grpc.shadow.support.SampleApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to a difference, against the sample app with a REST side the test alters: it is kept (ring, JSONL,
 * secrets redacted) and served at {@code /diffs}; a field REST itself answers differently each time is learned as
 * noise and hides nothing else; a difference gone when both sides are asked again is not counted.
 */
class MismatchesTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GET_ORDER = "sample_legacy_orders.v1.OrdersService.GetOrder";
  private static SampleApp app;

  @BeforeAll
  static void startTheApp() throws Exception {
    app = SampleApp.start();
  }

  @AfterAll
  static void stopIt() throws InterruptedException {
    app.close();
  }

  @Test
  void aMismatchIsKeptWithItsSecretsRedactedInTheRingAndTheLog(@TempDir Path folder) throws Exception {
    Path log = folder.resolve("diffs.jsonl");
    try (AlteringRestSide rest = AlteringRestSide.of(app.httpPort(), (target, nth, body) -> {
          if (target.equals("/v1/orders/1002")) {
            ((ObjectNode) body.at("/items/0")).put("quantity", 99);
          }
        });
        ShadowProxy proxy = ShadowProxy.start(settings(rest, "diff-log: " + log + "\nredact: [/total/amount_cents]\n"))) {
      get(proxy, "/v1/orders/1001");
      get(proxy, "/v1/orders/1002");
      awaitAccounted(proxy.ledger(), 2);

      JsonNode diffs = JSON.readTree(admin(proxy, "/diffs")).path("diffs");
      assertThat(diffs).hasSize(1);
      JsonNode diff = diffs.get(0);
      assertThat(diff.path("request").asText()).isEqualTo("GET /v1/orders/1002");
      assertThat(diff.path("mismatches").get(0).path("where").asText()).isEqualTo("/items/0/quantity");
      assertThat(diff.path("request_headers").path("authorization").asText()).isEqualTo("(redacted)");
      assertThat(JSON.readTree(diff.path("rest").path("body").asText()).at("/total/amount_cents").asText()).isEqualTo("(redacted)");
      assertThat(JSON.readTree(diff.path("grpc").path("body").asText()).at("/items/0/quantity").asInt()).isNotEqualTo(99);
      List<String> lines = Files.readAllLines(log);
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).contains("/items/0/quantity").doesNotContain("sample-reader-token");
    }
  }

  @Test
  void aFieldRestAnswersDifferentlyEachTimeIsLearnedAsNoiseAndHidesNothingElse() throws Exception {
    // REST's note differs at every answer (a field of that nature); order 1002's quantity is wrong every time
    try (AlteringRestSide rest = AlteringRestSide.of(app.httpPort(), (target, nth, body) -> {
          ((ObjectNode) body).put("note", "note " + UUID.randomUUID());
          if (target.equals("/v1/orders/1002")) {
            ((ObjectNode) body.at("/items/0")).put("quantity", 99);
          }
        });
        ShadowProxy proxy = ShadowProxy.start(settings(rest, "noise-sample: 1.0\n"))) {
      get(proxy, "/v1/orders/1001");
      awaitAccounted(proxy.ledger(), 1);
      awaitNoise(proxy, "/note");
      for (int i = 0; i < 4; i++) {
        get(proxy, "/v1/orders/1001");
        get(proxy, "/v1/orders/1002");
      }
      awaitAccounted(proxy.ledger(), 9);

      ParityLedger.Verdict getOrder = proxy.ledger().verdicts().get(0);
      assertThat(getOrder.counts().get(Outcome.MISMATCHED)).as("the first, before anything was learned; and 1002's four")
          .isEqualTo(5);
      assertThat(getOrder.samples()).hasSize(5).allSatisfy(diff -> assertThat(diff.mismatches()).extracting(mismatch -> mismatch.where())
          .containsAnyOf("/items/0/quantity", "/note"));
      assertThat(getOrder.samples().subList(0, 4)).allSatisfy(diff -> assertThat(diff.mismatches())
          .extracting(mismatch -> mismatch.where()).containsExactly("/items/0/quantity"));
      assertThat(admin(proxy, "/verdict")).contains("\"path\" : \"/note\"", "\"noise_rate\" : 1.0");
    }
  }

  @Test
  void aDifferenceGoneWhenBothSidesAreAskedAgainIsNotCounted() throws Exception {
    // only REST's first answer to order 1003 is off, as if read a moment before a write landed
    AlteringRestSide.Alteration once = (target, nth, body) -> {
      if (target.equals("/v1/orders/1003") && nth == 1) {
        ((ObjectNode) body.at("/items/0")).put("quantity", 99);
      }
    };
    try (AlteringRestSide rest = AlteringRestSide.of(app.httpPort(), once);
        ShadowProxy proxy = ShadowProxy.start(settings(rest, "recheck: true\n"))) {
      get(proxy, "/v1/orders/1003");
      awaitAccounted(proxy.ledger(), 1);

      ParityLedger.Verdict getOrder = proxy.ledger().verdicts().get(0);
      assertThat(getOrder.counts().get(Outcome.MATCHED)).isEqualTo(1);
      assertThat(getOrder.recheckedAway()).isEqualTo(1);
    }
    try (AlteringRestSide rest = AlteringRestSide.of(app.httpPort(), once); ShadowProxy proxy = ShadowProxy.start(settings(rest, ""))) {
      get(proxy, "/v1/orders/1003");
      awaitAccounted(proxy.ledger(), 1);

      assertThat(proxy.ledger().verdicts().get(0).counts().get(Outcome.MISMATCHED)).as("without re-checking").isEqualTo(1);
    }
  }

  private static ShadowSettings settings(AlteringRestSide rest, String more) {
    return SampleApp.proxyOptions(rest.port(), app.grpcPort(), more).settings();
  }


  private static void get(ShadowProxy proxy, String target) throws Exception {
    HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.address().getPort() + target))
        .header("Authorization", "Bearer sample-reader-token").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private static String admin(ShadowProxy proxy, String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.adminAddress().getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void awaitNoise(ShadowProxy proxy, String path) throws Exception {
    Instant until = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(until)) {
      if (admin(proxy, "/verdict").contains("\"path\" : \"" + path + "\"")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("after 20 s no noise learned at " + path + ": " + admin(proxy, "/verdict"));
  }
}
