package io.rest2grpc.sample.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sample_legacy_orders.v1.CreateOrderRequest;
import com.sample_legacy_orders.v1.GetUserRequest;
import com.sample_legacy_orders.v1.Money;
import com.sample_legacy_orders.v1.OrderInput;
import com.sample_legacy_orders.v1.OrderItem;
import com.sample_legacy_orders.v1.OrdersServiceGrpc;
import com.sample_legacy_orders.v1.UsersServiceGrpc;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import io.rest2grpc.sample.support.Tokens;
import io.rest2grpc.transcoding.shadow.ShadowKey;
import io.rest2grpc.transcoding.shadow.ShadowMarker;
import io.rest2grpc.transcoding.shadow.ShadowSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shadow calls: gRPC calls carrying a marker signed with a key the app knows ({@code rest2grpc.shadow.keys}
 * in the tests' config), as the shadow proxy sends its copies of live traffic. The app answers them, but
 * its rate limiter, idempotency store and audit trail skip them (they ask {@code ShadowCalls}).
 */
class ShadowCallsTest extends GrpcClientTest {
  private static final ShadowSigner SIGNER = new ShadowSigner(
      new ShadowKey("tests", Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")), Clock.systemUTC());
  private static final ShadowSigner STRANGER = new ShadowSigner(new ShadowKey("tests", new byte[32]), Clock.systemUTC());


  @Test
  void shadowCallsAreAnsweredButNotCountedByTheRateLimiter() {
    // the limited token allows 3 calls a minute, and other tests may have spent them already
    for (int i = 0; i < 6; i++) {
      assertThat(stub(UsersServiceGrpc.newBlockingStub(channel), Tokens.LIMITED, SIGNER.sign(UsersServiceGrpc.getGetUserMethod()
          .getFullMethodName()), null).getUser(GetUserRequest.newBuilder().setId(1).build()).getId()).isEqualTo(1);
    }
  }

  @Autowired
  MeterRegistry metrics;

  @Test
  void aMarkerSignedWithAnUnknownSecretMakesAnOrdinaryCallAndIsCounted() {
    double rejectedBefore = rejected("bad_signature");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      try {
        stub(UsersServiceGrpc.newBlockingStub(channel), Tokens.LIMITED, STRANGER.sign(UsersServiceGrpc.getGetUserMethod().getFullMethodName()),
            null).getUser(GetUserRequest.newBuilder().setId(1).build());
        codes.add("OK");
      } catch (io.grpc.StatusRuntimeException e) {
        codes.add(e.getStatus().getCode().name());
      }
    }
    assertThat(codes).as("counted like any call of the limited token").contains("RESOURCE_EXHAUSTED");
    assertThat(rejected("bad_signature") - rejectedBefore).as("each forged marker, in the app's metrics").isEqualTo(6);
  }

  private double rejected(String reason) {
    return metrics.get("rest2grpc.shadow.markers.rejected").tag("reason", reason).functionCounter().count();
  }

  @Test
  void theAuditTrailRecordsOrdinaryCallsButNotShadowCalls() throws Exception {
    String shadow = "shadow-" + UUID.randomUUID();
    String plain = "plain-" + UUID.randomUUID();
    UsersServiceGrpc.UsersServiceBlockingStub users = UsersServiceGrpc.newBlockingStub(channel);
    stub(users, Tokens.READER, SIGNER.sign(UsersServiceGrpc.getGetUserMethod().getFullMethodName()), shadow)
        .getUser(GetUserRequest.newBuilder().setId(1).build());
    stub(users, Tokens.READER, null, plain).getUser(GetUserRequest.newBuilder().setId(1).build());

    List<String> requestIds = new ArrayList<>();
    auditTrail().forEach(event -> requestIds.add(event.path("request_id").asText()));
    assertThat(requestIds).contains(plain).doesNotContain(shadow);
  }

  @Test
  void shadowCreatesNeitherFindNorLeaveIdempotencyRecords() {
    String key = "shadow-" + UUID.randomUUID();
    OrdersServiceGrpc.OrdersServiceBlockingStub orders = OrdersServiceGrpc.newBlockingStub(channel);
    CreateOrderRequest create = CreateOrderRequest.newBuilder().setIdempotencyKey(key).setOrder(OrderInput.newBuilder().setUserId(2)
        .addItems(OrderItem.newBuilder().setSku("STICKER-COBOL").setQuantity(1))
        .setTotal(Money.newBuilder().setCurrency("USD").setAmountCents(300))).build();
    String method = OrdersServiceGrpc.getCreateOrderMethod().getFullMethodName();

    String firstShadow = replayed(orders, SIGNER.sign(method), create);
    String secondShadow = replayed(orders, SIGNER.sign(method), create);
    String plain = replayed(orders, null, create);

    assertThat(List.of(firstShadow, secondShadow, plain)).as("Idempotent-Replayed of each create").containsOnly("false");
  }

  private static String replayed(OrdersServiceGrpc.OrdersServiceBlockingStub orders, String marker, CreateOrderRequest create) {
    AtomicReference<Metadata> headers = new AtomicReference<>();
    stub(orders, Tokens.WRITER, marker, null).withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, new AtomicReference<>()))
        .createOrder(create);
    return headers.get().get(Metadata.Key.of("idempotent-replayed", Metadata.ASCII_STRING_MARSHALLER));
  }

  private static <S extends AbstractStub<S>> S stub(S stub, String token, String marker, String requestId) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    if (marker != null) {
      headers.put(ShadowMarker.KEY, marker);
    }
    if (requestId != null) {
      headers.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), requestId);
    }
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private JsonNode auditTrail() throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/v1/audit-events?limit=500"))
        .header("Authorization", "Bearer " + Tokens.ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body();
    return new ObjectMapper().readTree(body);
  }
}
