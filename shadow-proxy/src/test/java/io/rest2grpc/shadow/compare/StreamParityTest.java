package io.rest2grpc.shadow.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.Status;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.TrafficDependence;
import io.rest2grpc.shadow.routes.WriteMirroring;
import io.rest2grpc.shadow.shadowing.GrpcAnswer;
import io.rest2grpc.shadow.support.SampleApp;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.streams.SseFields;
import io.rest2grpc.transcoding.streams.StreamFrames;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server stream compared frame by frame, with the sample app's order events (SSE: an id, the change type as the
 * event name, the event as data): each difference at its frame's path; a frame missing only where the other side
 * could no longer send it.
 */
class StreamParityTest {
  private static final RestResponse STREAM_HEAD = new RestResponse(200, RestHeaders.NONE, "text/event-stream", ByteString.EMPTY);
  private static final RouteRule RULE = new RouteRule(1.0, PathPatterns.of(List.of()), PathPatterns.of(List.of()), Set.of(),
      WriteMirroring.OFF, TrafficDependence.NONE);
  private static Routed.Call call;

  @BeforeAll
  static void routeAStream() {
    HttpTranscoder engine = HttpTranscoder.of(SampleApp.descriptorSet());
    call = (Routed.Call) engine.toGrpc(RestRequest.of("GET", "/v1/order-events", RestHeaders.of("Last-Event-ID", "0")));
  }

  @Test
  void theSameEventsMatchAndATimestampsOffsetIsNoDifference() {
    StreamSeen rest = rest(true, restFrame("1", "in-progress", "2024-03-14T10:26:53+01:00", 10), restFrame("2", "shipped",
        "2024-03-14T09:26:53Z", 20));

    assertThat(compare(grpc(true, event("1", "in-progress"), event("2", "shipped")), rest)).hasValue(List.of());
  }

  @Test
  void aWrongFieldAndAWrongIdAreReportedAtTheirFrame() {
    StreamSeen rest = rest(true, restFrame("1", "in-progress", "2024-03-14T09:26:53Z", 10), restFrame("2", "shipped",
        "2024-03-14T09:26:53Z", 20));

    assertThat(compare(grpc(true, event("9", "in-progress"), event("2", "pending")), rest).orElseThrow())
        .extracting(Mismatch::describe)
        .containsExactly("body /0/id: REST \"1\", gRPC \"9\"", "body /1/data/status: REST \"shipped\", gRPC \"pending\"");
  }

  @Test
  void aFrameMissingFromAStreamThatEndedIsReported() {
    StreamSeen rest = rest(true, restFrame("1", "in-progress", "2024-03-14T09:26:53Z", 10), restFrame("2", "shipped",
        "2024-03-14T09:26:53Z", 20));

    assertThat(compare(grpc(true, event("1", "in-progress")), rest).orElseThrow()).extracting(Mismatch::describe)
        .singleElement().asString().startsWith("body /1: REST {").endsWith(", gRPC (absent)");
  }

  @Test
  void aFrameRestSentAfterTheGrpcWindowClosedIsNotJudged() {
    GrpcAnswer windowOfOneSecond = new GrpcAnswer(Status.OK, new Metadata(), new Metadata(), List.of(event("1", "in-progress")), false,
        Duration.ofSeconds(1));

    assertThat(compare(windowOfOneSecond, rest(false, restFrame("1", "in-progress", "2024-03-14T09:26:53Z", 10),
        restFrame("2", "shipped", "2024-03-14T09:26:53Z", 5_000)))).hasValue(List.of());
    assertThat(compare(windowOfOneSecond, rest(false, restFrame("1", "in-progress", "2024-03-14T09:26:53Z", 10),
        restFrame("2", "shipped", "2024-03-14T09:26:53Z", 500)))).get().asList().hasSize(1);
  }

  @Test
  void aQuietLiveStreamHasNothingToCompare() {
    assertThat(compare(new GrpcAnswer(Status.OK, new Metadata(), new Metadata(), List.of(), false, Duration.ofSeconds(1)),
        rest(false))).isEmpty();
  }

  @Test
  void aGrpcErrorBeforeAnyEventIsTheErrorResponseRestWouldHaveSent() {
    GrpcAnswer denied = new GrpcAnswer(Status.PERMISSION_DENIED, new Metadata(), new Metadata(), List.of(), true, Duration.ZERO);

    assertThat(compare(denied, rest(true, restFrame("1", "in-progress", "2024-03-14T09:26:53Z", 10))).orElseThrow())
        .extracting(Mismatch::describe).containsExactly("status: REST 200, gRPC 403");
  }

  private static Optional<List<Mismatch>> compare(GrpcAnswer grpc, StreamSeen rest) {
    return StreamParity.compare(call, grpc, STREAM_HEAD, rest, RULE).map(ParityCheck.Checked::mismatches);
  }

  private static StreamSeen rest(boolean ended, StreamSeen.Seen... frames) {
    return new StreamSeen(List.of(frames), ended);
  }

  /** A frame as the legacy app sends it. */
  private static StreamSeen.Seen restFrame(String id, String status, String occurredAt, long atMillis) {
    String json = "{\"type\":\"order.status_changed\",\"order_id\":7,\"status\":\"" + status + "\",\"occurred_at\":\"" + occurredAt + "\"}";
    return new StreamSeen.Seen(new StreamFrames.Frame(json, new SseFields("order.status_changed", id, OptionalLong.of(3000))),
        Duration.ofMillis(atMillis));
  }

  private static GrpcAnswer grpc(boolean ended, DynamicMessage... messages) {
    return new GrpcAnswer(Status.OK, new Metadata(), new Metadata(), List.of(messages), ended, Duration.ofMillis(50));
  }

  private static DynamicMessage event(String id, String status) {
    Descriptor response = call.call().method().getOutputType();
    Descriptor orderEvent = response.findFieldByName("order_event").getMessageType();
    DynamicMessage data = RestJson.create().parse("{\"type\": \"order.status_changed\", \"order_id\": 7, \"status\": \"" + status
        + "\", \"occurred_at\": \"2024-03-14T09:26:53Z\"}", DynamicMessage.newBuilder(orderEvent)).build();
    return DynamicMessage.newBuilder(response).setField(response.findFieldByName("order_event"), data)
        .setField(response.findFieldByName("event_id"), id).build();
  }
}
