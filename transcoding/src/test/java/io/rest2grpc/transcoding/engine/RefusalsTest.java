package io.rest2grpc.transcoding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.rest2grpc.test.v1.RefusalsProto;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's own answers come out as the service's would: in the error format the API documents
 * for the status, with the configured reason, the request's path and a request id.
 */
class RefusalsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpTranscoder ENGINE = HttpTranscoder.builder()
      .refusalReasons(Map.of(Refusal.UNREADABLE_BODY, "MALFORMED_BODY"))
      .build(List.of(RefusalsProto.getDescriptor()));

  @Test
  void anUnreadableBodyIsA400WithTheConfiguredReasonAndTheFieldAtFault() throws Exception {
    Routed.Refused refused = refuse(ENGINE, RestRequest.of("POST", "/v1/things", RestHeaders.of("X-Request-Id", "r-7"),
        "application/json", ByteString.copyFromUtf8("{\"parts\": [{\"weight\": \"heavy\"}]}")));

    assertThat(refused.refusal()).isEqualTo(Refusal.UNREADABLE_BODY);
    RestResponse response = refused.response();
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.mediaType()).isEqualTo("application/problem+json");
    assertThat(response.headers().first("X-Request-Id")).contains("r-7");
    JsonNode body = JSON.readTree(response.body().toStringUtf8());
    assertThat(body.path("code").asText()).isEqualTo("MALFORMED_BODY");
    assertThat(body.path("status").asInt()).isEqualTo(400);
    assertThat(body.path("request_id").asText()).isEqualTo("r-7");
    assertThat(body.path("instance").asText()).isEqualTo("/v1/things");
    assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("parts[0].weight");
    assertThat(body.path("detail").asText()).startsWith("body parameter '/parts/0/weight'");
  }

  @Test
  void malformedJsonNamesNoField() throws Exception {
    JsonNode body = body(refuse(ENGINE, RestRequest.of("POST", "/v1/things", RestHeaders.NONE, "application/json",
        ByteString.copyFromUtf8("{\"count\": "))));

    assertThat(body.path("code").asText()).isEqualTo("MALFORMED_BODY");
    assertThat(body.has("errors")).isFalse();
  }

  @Test
  void aBadParameterTakesItsDefaultReasonAndAMintedRequestIdTheHeaderRepeats() throws Exception {
    Routed.Refused refused = refuse(ENGINE, RestRequest.of("GET", "/v1/things/t1?depth=deep", RestHeaders.NONE));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_PARAMETER);
    JsonNode body = body(refused);
    assertThat(body.path("code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("depth");
    assertThat(body.path("request_id").asText()).matches("[0-9a-f-]{36}").isEqualTo(refused.response().headers().first("X-Request-Id").orElseThrow());
    assertThat(body.path("instance").asText()).isEqualTo("/v1/things/t1");
  }

  @Test
  void aPageLengthOutsideTheDocumentedBoundsHasItsOwnReason() throws Exception {
    HttpTranscoder engine = HttpTranscoder.builder().refusalReasons(Map.of(Refusal.PARAMETER_OUT_OF_RANGE, "VALIDATION_FAILED"))
        .build(List.of(RefusalsProto.getDescriptor()));
    for (String limit : List.of("0", "101")) {
      Routed.Refused refused = refuse(engine, RestRequest.of("GET", "/v1/things?limit=" + limit, RestHeaders.NONE));

      assertThat(refused.refusal()).isEqualTo(Refusal.PARAMETER_OUT_OF_RANGE);
      JsonNode body = body(refused);
      assertThat(body.path("status").asInt()).isEqualTo(400);
      assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
      assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("limit");
      assertThat(body.path("detail").asText()).contains("send 1 to 100");
    }
    assertThat(engine.toGrpc(RestRequest.of("GET", "/v1/things?limit=100", RestHeaders.NONE))).isInstanceOf(Routed.Call.class);
  }

  @Test
  void aMediaTypeTheMethodDoesNotTakeIs415InItsFormat() throws Exception {
    Routed.Refused refused = refuse(ENGINE, RestRequest.of("POST", "/v1/things", RestHeaders.NONE, "text/plain", ByteString.copyFromUtf8("a thing")));

    assertThat(refused.response().status()).isEqualTo(415);
    assertThat(body(refused).path("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void anUnknownPathTakesTheFormatAnotherMethodDocumentsFor404() throws Exception {
    Routed.Refused refused = refuse(ENGINE, RestRequest.of("GET", "/v1/nothing/here", RestHeaders.NONE));

    assertThat(refused.refusal()).isEqualTo(Refusal.NO_ROUTE);
    assertThat(refused.response().mediaType()).isEqualTo("application/problem+json");
    JsonNode body = body(refused);
    assertThat(body.path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(body.path("instance").asText()).isEqualTo("/v1/nothing/here");
    assertThat(body.has("request_id")).isTrue();
  }

  @Test
  void aStatusNoMethodDocumentsIsAnRfc9457ProblemAsSpringWritesIt() throws Exception {
    Routed.Refused refused = refuse(ENGINE, RestRequest.of("DELETE", "/v1/things/t1", RestHeaders.of("X-Request-Id", "r-8")));

    assertThat(refused.refusal()).isEqualTo(Refusal.METHOD_NOT_ALLOWED);
    assertThat(refused.response().headers().first("Allow")).contains("GET");
    assertThat(refused.response().headers().first("X-Request-Id")).contains("r-8");
    assertThat(refused.response().body().toStringUtf8()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"
        + "\"detail\":\"DELETE is not allowed on /v1/things/t1; allowed: GET\",\"instance\":\"/v1/things/t1\"}");
  }

  @Test
  void withoutARequestIdHeaderNoIdIsMintedOrSent() throws Exception {
    HttpTranscoder engine = HttpTranscoder.builder().requestIdHeader("").build(List.of(RefusalsProto.getDescriptor()));
    Routed.Refused refused = refuse(engine, RestRequest.of("GET", "/v1/things/t1?depth=deep", RestHeaders.of("X-Request-Id", "r-9")));

    assertThat(refused.response().headers().first("X-Request-Id")).isEmpty();
    assertThat(body(refused).has("request_id")).isFalse();
  }

  @Test
  void anIdThatIsNoVisibleAsciiIsReplaced() throws Exception {
    Routed.Refused refused = refuse(ENGINE, RestRequest.of("GET", "/v1/things/t1?depth=deep", RestHeaders.of("X-Request-Id", "a b")));

    assertThat(body(refused).path("request_id").asText()).isNotEqualTo("a b").hasSize(36);
  }

  private static Routed.Refused refuse(HttpTranscoder engine, RestRequest request) {
    return (Routed.Refused) engine.toGrpc(request);
  }

  private static JsonNode body(Routed.Refused refused) throws Exception {
    return JSON.readTree(refused.response().body().toStringUtf8());
  }
}
