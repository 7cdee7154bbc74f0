package io.rest2grpc.shadow.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.Status;
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
import java.util.List;
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

    assertThat(new ParityCheck(IgnoredPaths.of(List.of())).compare(call, ok(call, ORDER), rest(200, restOrder))).isEmpty();
  }

  @Test
  void aWrongFieldIsReportedByItsPathAndAnIgnoredPathHidesOnlyItself() {
    Routed.Call call = call("/v1/orders/1001");
    String grpcOrder = ORDER.replace("\"quantity\": 2", "\"quantity\": 3").replace("\"user_id\": 1", "\"user_id\": 2");

    List<Mismatch> mismatches = new ParityCheck(IgnoredPaths.of(List.of("/user_id"))).compare(call, ok(call, grpcOrder), rest(200, ORDER));

    assertThat(mismatches).extracting(Mismatch::describe).containsExactly("body /items/0/quantity: REST 2, gRPC 3");
  }

  @Test
  void aWrongStatusAndAMissingLocationAreReported() {
    Routed.Call call = call("/v1/orders/1001");
    RestResponse created = new RestResponse(201, RestHeaders.of("Location", "/v1/orders/1001"), "application/json",
        ByteString.copyFromUtf8(ORDER));

    List<Mismatch> mismatches = new ParityCheck(IgnoredPaths.of(List.of())).compare(call, ok(call, ORDER), created);

    assertThat(mismatches).extracting(Mismatch::describe).containsExactly("status: REST 201, gRPC 200",
        "header Location: REST /v1/orders/1001, gRPC (absent)");
  }

  @Test
  void anErrorWhereRestAnsweredIsAStatusMismatch() {
    Routed.Call call = call("/v1/orders/1001");
    GrpcAnswer notFound = new GrpcAnswer(Status.NOT_FOUND.withDescription("order 1001 not found"), new Metadata(), new Metadata(), null);

    assertThat(new ParityCheck(IgnoredPaths.of(List.of())).compare(call, notFound, rest(200, ORDER)))
        .extracting(Mismatch::kind).contains(Mismatch.Kind.STATUS);
  }

  @Test
  void linksAreTheSameWhetherAbsoluteOrRelative() {
    assertThat(ParityCheck.linkTargets("<http://127.0.0.1:8080/v1/users/1/orders?page=1&size=1>; rel=\"next\""))
        .isEqualTo(ParityCheck.linkTargets("</v1/users/1/orders?page=1&size=1>; rel=\"next\""));
    assertThat(ParityCheck.linkTargets("</v1/o?page=1>; rel=\"next\"")).isNotEqualTo(ParityCheck.linkTargets("</v1/o?page=2>; rel=\"next\""));
  }

  private static Routed.Call call(String target) {
    return (Routed.Call) engine.toGrpc(RestRequest.of("GET", target, RestHeaders.of("Authorization", "Bearer t")));
  }

  private static GrpcAnswer ok(Routed.Call call, String orderJson) {
    DynamicMessage.Builder order = DynamicMessage.newBuilder(call.call().method().getOutputType());
    return new GrpcAnswer(Status.OK, new Metadata(), new Metadata(), RestJson.create().parse(orderJson, order).build());
  }

  private static RestResponse rest(int status, String body) {
    return new RestResponse(status, RestHeaders.NONE, "application/json", ByteString.copyFromUtf8(body));
  }
}
