package io.rest2grpc.maven.mappers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.palantir.javapoet.JavaFile;
import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the generated mappers with the sample's DTO sources and the Java protoc generates for its protos,
 * and runs round trips through the app's Jackson and the REST JSON codec, from the spec's examples.
 */
class SampleAppRoundTripTest {

  /** Configured as the sample app's (application.yml: SNAKE_CASE, dates as ISO strings, offsets kept). */
  private static final ObjectMapper JACKSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** A hand-written mapper that loses the currency: what a broken mapper's round trip reports. */
  private static final String LOSSY_MAPPER = """
      package io.rest2grpc.sample.grpc.mappers;

      import io.rest2grpc.sample.order.Money;

      public final class LossyMoneyMapper {
        public static com.sample_legacy_orders.v1.Money toProto(Money dto) {
          return com.sample_legacy_orders.v1.Money.newBuilder().setAmountCents(dto.amountCents()).build();
        }

        public static Money fromProto(com.sample_legacy_orders.v1.Money proto) {
          return new Money(null, proto.getAmountCents());
        }
      }
      """;

  @TempDir
  static Path work;

  private static ClassLoader classes;
  private static JsonNode schemas;

  @BeforeAll
  static void compileMappersWithTheSampleDtosAndProtos() throws Exception {
    MapperSet plan = SampleMappers.plan();
    Path sources = work.resolve("sources");
    Protoc.javaOut(SampleMappers.protoRoot(), List.of("sample_legacy_orders/v1/models.proto"), sources);
    DtoSources.copy(plan, SampleApp.sourceRoot(), sources);
    for (JavaFile file : MapperWriter.write(plan, SampleMappers.JAVA_PACKAGE)) {
      file.writeTo(sources);
    }
    Path lossy = sources.resolve(SampleMappers.JAVA_PACKAGE.replace('.', '/')).resolve("LossyMoneyMapper.java");
    Files.writeString(lossy, LOSSY_MAPPER);
    classes = JavaCompilation.compile(List.of(sources), work.resolve("classes"));
    schemas = new YAMLMapper().readTree(SampleMappers.root().resolve("src/main/resources/openapi.yaml").toFile())
        .path("components").path("schemas");
  }

  @Test
  void orderFromTheSpecExample() throws Exception {
    roundTrip("OrderDtoMapper").assertKeepsRestJson(example("Order"));
  }

  @Test
  void orderWithoutOptionalValues() throws Exception {
    roundTrip("OrderDtoMapper").assertKeepsRestJson("""
        {"id": 7, "user_id": 1, "status": "pending", "items": [], "total": {"currency": "EUR", "amount_cents": 0},
         "delivery_date": null, "note": null, "created_at": "2024-03-14T09:26:53.120Z", "updated_at": "2024-03-14T09:26:53Z"}
        """);
  }

  @Test
  void orderRequestFromTheSpecExample() throws Exception {
    roundTrip("OrderRequestMapper").assertKeepsRestJson(example("OrderInput"));
  }

  @Test
  void cardPaymentRequestFromTheSpecExample() throws Exception {
    roundTrip("PaymentRequestMapper").assertKeepsRestJson(example("CardPayment"));
  }

  @Test
  void bankTransferRequestFromTheSpecExample() throws Exception {
    roundTrip("PaymentRequestMapper").assertKeepsRestJson(example("BankTransferPayment"));
  }

  @Test
  void paymentFromTheSpecExample() throws Exception {
    roundTrip("PaymentDtoMapper").assertKeepsRestJson(example("Payment"));
  }

  @Test
  void usersFromTheSpecExamples() throws Exception {
    roundTrip("UserDtoMapper").assertKeepsRestJson(example("User"));
    roundTrip("UserDtoMapper").assertKeepsRestJson("""
        {"id": 1, "display_name": "Ada Lovelace", "email": "ada@example.com", "phone": "+44 20 7946 0000",
         "address": {"street": "12 St James's Square", "city": "London", "postal_code": null, "country": "GB"},
         "attributes": {"tier": "gold", "locale": "en-GB"}, "roles": ["beta-tester", "customer"],
         "created_at": "2015-12-10T09:00:00Z"}
        """);
    roundTrip("UserPageMapper").assertKeepsRestJson(example("UserPage"));
  }

  @Test
  void exportsEventsAndAudit() throws Exception {
    roundTrip("ExportJobMapper").assertKeepsRestJson("""
        {"id": "exp_1", "state": "completed", "statuses": ["pending", "in-progress"], "order_count": 3,
         "created_at": "2024-03-14T09:26:53Z", "completed_at": "2024-03-14T09:27:00Z", "download_url": "/v1/order-exports/exp_1/content"}
        """);
    roundTrip("OrderEventMapper").assertKeepsRestJson("""
        {"type": "order.status_changed", "order_id": 1001, "status": "in-progress", "occurred_at": "2024-03-15T08:00:00Z"}
        """);
    roundTrip("TrackingEventMapper").assertKeepsRestJson("""
        {"order_id": 1002, "status": "shipped", "occurred_at": "2024-03-16T10:30:00+01:00"}
        """);
    roundTrip("TrackingUploadSummaryMapper").assertKeepsRestJson("""
        {"received": 3, "applied": 1, "rejected": 2, "errors": [{"line": 2, "message": "unknown order 9"}]}
        """);
    roundTrip("AuditEventMapper").assertKeepsRestJson("""
        {"at": "2024-03-14T09:26:53Z", "request_id": "r-1", "caller": "admin", "method": "GET", "path": "/v1/orders",
         "status": 200, "handler": "OrderController#list"}
        """);
  }

  @Test
  void aLossyMapperFailsNamingTheFieldAndTheBridge() {
    assertThatThrownBy(() -> roundTrip("LossyMoneyMapper").assertKeepsRestJson(example("Money")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LossyMoneyMapper does not keep the REST JSON of io.rest2grpc.sample.order.Money")
        .hasMessageContaining("currency")
        .hasMessageContaining("Route this DTO's RPCs through the bridge instead");
  }

  private static MapperRoundTrip roundTrip(String mapper) throws Exception {
    return MapperRoundTrip.of(classes.loadClass(SampleMappers.JAVA_PACKAGE + "." + mapper), JACKSON);
  }

  private static String example(String schema) throws Exception {
    JsonNode example = schemas.path(schema).path("example");
    if (example.isMissingNode()) {
      throw new IllegalArgumentException("openapi.yaml has no example for schema " + schema);
    }
    return JACKSON.writeValueAsString(example);
  }
}
