package io.rest2grpc.shadow.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.Status;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.TrafficDependence;
import io.rest2grpc.shadow.routes.WriteMirroring;
import io.rest2grpc.shadow.shadowing.GrpcAnswer;
import io.rest2grpc.shadow.support.SampleApp;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison on seeded differences, with the sample app's contract: each one reported where it is, a wrong field
 * by its path, a wrong status, a missing {@code Location}; noise hidden only where named.
 */
class ParityCheckTest {
  private static final String ORDER = """
      {"id": 1001, "user_id": 1, "status": "pending", "items": [{"sku": "BOOK-1", "quantity": 2}],
       "total": {"currency": "EUR", "amount_cents": 2500}, "created_at": "2024-03-14T09:26:53Z", "updated_at": "2024-03-14T09:26:53Z"}
      """;
  private static HttpTranscoder engine;

  @BeforeAll
  static void readTheContract() throws Exception {
    try (InputStream in = Files.newInputStream(SampleApp.descriptorSet())) {
      FileDescriptorSet set = FileDescriptorSet.parseFrom(in, RestOptions.registry());
      engine = HttpTranscoder.builder().build(DescriptorSets.load(set, "sample").values());
    }
  }

  @Test
  void theSameAnswerMatchesAndATimestampsOffsetIsNoDifference() {
    Routed.Call call = call("/v1/orders/1001");
    String restOrder = ORDER.replace("2024-03-14T09:26:53Z\"}", "2024-03-14T10:26:53+01:00\"}");

    assertThat(compare(call, ok(call, ORDER), rest(200, restOrder))).isEmpty();
  }

  @Test
  void aWrongFieldIsReportedByItsPathAndAnIgnoredPathHidesOnlyItself() {
    Routed.Call call = call("/v1/orders/1001");
    String grpcOrder = ORDER.replace("\"quantity\": 2", "\"quantity\": 3").replace("\"user_id\": 1", "\"user_id\": 2");

    List<Mismatch> mismatches = ParityCheck.compare(call, ok(call, grpcOrder), rest(200, ORDER),
        rule(TrafficDependence.NONE, "/user_id")).mismatches();

    assertThat(mismatches).extracting(Mismatch::describe).containsExactly("body /items/0/quantity: REST 2, gRPC 3");
  }

  @Test
  void aWrongStatusAndAMissingLocationAreReported() {
    Routed.Call call = call("/v1/orders/1001");
    RestResponse created = new RestResponse(201, RestHeaders.of("Location", "/v1/orders/1001"), "application/json",
        ByteString.copyFromUtf8(ORDER));

    List<Mismatch> mismatches = compare(call, ok(call, ORDER), created);

    assertThat(mismatches).extracting(Mismatch::describe).containsExactly("status: REST 201, gRPC 200",
        "header Location: REST /v1/orders/1001, gRPC (absent)");
  }

  @Test
  void anErrorWhereRestAnsweredIsAStatusMismatch() {
    Routed.Call call = call("/v1/orders/1001");
    GrpcAnswer notFound = GrpcAnswer.unary(Status.NOT_FOUND.withDescription("order 1001 not found"), new Metadata(), new Metadata(), null,
        Duration.ZERO);

    assertThat(compare(call, notFound, rest(200, ORDER)))
        .extracting(Mismatch::kind).contains(Mismatch.Kind.STATUS);
  }

  @Test
  void aTrafficDependentReadComparesByShapeOrByStatusAlone() {
    Routed.Call call = call("/v1/orders/1001");
    String otherValues = ORDER.replace("\"quantity\": 2}]", "\"quantity\": 5}, {\"sku\": \"PEN-9\", \"quantity\": 1}]")
        .replace("\"pending\"", "\"shipped\"");
    String restWithMore = ORDER.replace("\"id\": 1001,", "\"id\": 1001, \"note\": \"gift\",");

    assertThat(ParityCheck.compare(call, ok(call, otherValues), rest(200, ORDER), rule(TrafficDependence.SHAPE)).mismatches())
        .as("other values, another length: the same shape").isEmpty();
    assertThat(ParityCheck.compare(call, ok(call, ORDER), rest(200, restWithMore), rule(TrafficDependence.SHAPE)).mismatches())
        .extracting(Mismatch::describe).containsExactly("body /note: REST string, gRPC (absent)");
    assertThat(ParityCheck.compare(call, ok(call, otherValues), rest(200, restWithMore), rule(TrafficDependence.STATUS)).mismatches())
        .as("status and headers only").isEmpty();
    assertThat(ParityCheck.compare(call, ok(call, ORDER), rest(404, ORDER), rule(TrafficDependence.STATUS)).mismatches())
        .extracting(Mismatch::describe).containsExactly("status: REST 404, gRPC 200");
  }

  @Test
  void anUnorderedArrayComparesWhateverTheOrderOfItsElementsAndOnlyThere() {
    Routed.Call call = call("/v1/orders/1001");
    String errors = """
        {"status": 400, "errors": [{"field": "items", "message": "must not be empty"}, {"field": "total", "message": "must not be null"}]}""";
    String reversed = """
        {"status": 400, "errors": [{"field": "total", "message": "must not be null"}, {"field": "items", "message": "must not be empty"}]}""";
    GrpcAnswer invalid = GrpcAnswer.unary(Status.INVALID_ARGUMENT, new Metadata(), new Metadata(), null, Duration.ZERO);
    RestResponse restAnswer = ParityCheck.compare(call, invalid, rest(400, errors), rule(TrafficDependence.NONE)).grpcAsRest();
    RouteRule unordered = new RouteRule(1, PathPatterns.of(List.of()), PathPatterns.of(List.of("/errors")), Set.of(), WriteMirroring.OFF,
        TrafficDependence.NONE);

    assertThat(restAnswer.status()).isEqualTo(400);
    assertThat(UnorderedArrays.sorted(reversed, unordered.unordered())).isEqualTo(UnorderedArrays.sorted(errors, unordered.unordered()));
    assertThat(UnorderedArrays.sorted(reversed, PathPatterns.of(List.of("/other")))).as("only the arrays named").contains(
        "[{\"field\":\"total\"");
  }

  @Test
  void linksAreTheSameWhetherAbsoluteOrRelative() {
    assertThat(ParityCheck.linkTargets("<http://127.0.0.1:8080/v1/users/1/orders?page=1&size=1>; rel=\"next\""))
        .isEqualTo(ParityCheck.linkTargets("</v1/users/1/orders?page=1&size=1>; rel=\"next\""));
    assertThat(ParityCheck.linkTargets("</v1/o?page=1>; rel=\"next\"")).isNotEqualTo(ParityCheck.linkTargets("</v1/o?page=2>; rel=\"next\""));
  }

  private static List<Mismatch> compare(Routed.Call call, GrpcAnswer grpc, RestResponse rest) {
    return ParityCheck.compare(call, grpc, rest, rule(TrafficDependence.NONE)).mismatches();
  }

  private static RouteRule rule(TrafficDependence dependence, String... ignored) {
    return new RouteRule(1, PathPatterns.of(List.of(ignored)), PathPatterns.of(List.of()), Set.of(), WriteMirroring.OFF, dependence);
  }

  private static Routed.Call call(String target) {
    return (Routed.Call) engine.toGrpc(RestRequest.of("GET", target, RestHeaders.of("Authorization", "Bearer t")));
  }

  private static GrpcAnswer ok(Routed.Call call, String orderJson) {
    DynamicMessage.Builder order = DynamicMessage.newBuilder(call.call().method().getOutputType());
    return GrpcAnswer.unary(Status.OK, new Metadata(), new Metadata(), RestJson.create().parse(orderJson, order).build(), Duration.ZERO);
  }

  private static RestResponse rest(int status, String body) {
    return new RestResponse(status, RestHeaders.NONE, "application/json", ByteString.copyFromUtf8(body));
  }
}
