package io.rest2grpc.transcoding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.test.v1.MultipartProto;
import io.rest2grpc.test.v1.RequestsProto;
import io.rest2grpc.test.v1.Routing;
import io.rest2grpc.test.v1.StreamsProto;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.routing.PathTemplate;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.streams.RestStreamException;
import io.rest2grpc.transcoding.streams.StreamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the engine REST requests: half of the runs raw (any method, target, headers, body), half
 * built on a route of the test protos (its template with fuzzed values, query parameters named
 * after its request's fields with fuzzed values and styles, fuzzed headers, cookies and bodies in
 * every media type). Only the engine's own decisions may come out: a call, or a refusal with
 * 400, 404, 405, 406, 415 or 501; a call must also write itself back as REST, and a client
 * stream's body may fail only with {@link RestStreamException}. Maven runs it in fuzzing mode for
 * its bounded maxDuration (JAZZER_FUZZ=1, see the pom); without that it replays the seeds in
 * src/test/resources/io/rest2grpc/transcoding/engine/HttpTranscoderFuzzTestInputs.
 */
class HttpTranscoderFuzzTest {
  private static final HttpTranscoder ENGINE = HttpTranscoder.of(List.of(RequestsProto.getDescriptor(), Routing.getDescriptor(),
      MultipartProto.getDescriptor(), StreamsProto.getDescriptor()));
  private static final List<Route> ROUTES = ENGINE.routes().routes();
  private static final Set<Integer> DECISIONS = Set.of(400, 404, 405, 406, 415, 501);
  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};
  private static final String[] MEDIA_TYPES = {"application/json", "application/merge-patch+json", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=b", "text/csv", "application/x-ndjson", "text/event-stream", "application/json-seq", ""};
  private static final String[] HEADERS = {"Authorization", "Cookie", "X-Tags", "X-Trace-Tag", "Idempotency-Key", "Accept",
      "traceparent", "Last-Event-ID"};

  // Jazzer turns @Timeout into libFuzzer's per-input -timeout: an input that hangs fails the build
  // in 10 s (the huge-exponent input once held it 604 s), instead of stalling CI.
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "20s")
  void routesAndBindsOrDecides(FuzzedDataProvider data) {
    RestRequest request = data.consumeBoolean() ? raw(data) : onARoute(data);
    Routed routed = ENGINE.toGrpc(request);
    if (routed instanceof Routed.Refused refused) {
      assertThat(DECISIONS).as("%s → %s", request, refused.detail()).contains(refused.response().status());
      return;
    }
    Routed.Call call = (Routed.Call) routed;
    call.call().primary().toRest(call.request().message(), call.request().metadata());
    if (call.call().requestStream().isPresent()) {
      StreamReader reader = call.call().requestStream().get().reader(call.request().message());
      try {
        reader.push(request.body());
        reader.end();
      } catch (RestStreamException expected) {
        // a body that is no stream of the method's messages: the stream's own typed error
      }
    }
  }

  private static RestRequest raw(FuzzedDataProvider data) {
    List<String> headers = new ArrayList<>();
    for (int i = data.consumeInt(0, 3); i > 0; i--) {
      headers.add(data.pickValue(HEADERS));
      headers.add(data.consumeString(40));
    }
    return RestRequest.of(data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(8), "/" + data.consumeString(120),
        RestHeaders.of(headers.toArray(String[]::new)), data.consumeString(40), ByteString.copyFrom(data.consumeRemainingAsBytes()));
  }

  private static RestRequest onARoute(FuzzedDataProvider data) {
    Route route = data.pickValue(ROUTES);
    Map<String, String> values = new HashMap<>();
    for (PathTemplate.Variable variable : route.template().variables()) {
      values.put(variable.fieldPath(), data.consumeString(20));
    }
    StringBuilder query = new StringBuilder();
    route.query().forEach((name, value) -> query.append(name).append('=').append(value).append('&'));
    List<FieldDescriptor> fields = route.method().getInputType().getFields();
    for (int i = data.consumeInt(0, 6); i > 0 && !fields.isEmpty(); i--) {
      String name = RestJson.restName(data.pickValue(fields));
      String suffix = data.pickValue(new String[] {"", "[" + data.consumeString(6) + "]", "." + data.consumeString(6)});
      query.append(name).append(suffix).append('=').append(data.consumeString(30)).append('&');
    }
    List<String> headers = new ArrayList<>();
    for (int i = data.consumeInt(0, 3); i > 0; i--) {
      headers.add(data.pickValue(HEADERS));
      headers.add(data.consumeString(40));
    }
    String target = route.template().expand(values) + (query.length() == 0 ? "" : "?" + query);
    return RestRequest.of(route.httpMethod(), target, RestHeaders.of(headers.toArray(String[]::new)), data.pickValue(MEDIA_TYPES),
        ByteString.copyFrom(data.consumeRemainingAsBytes()));
  }
}
