package it.depot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.parcel_depot.v1.Address;
import com.parcel_depot.v1.ArrayOfString;
import com.parcel_depot.v1.BankTransfer;
import com.parcel_depot.v1.BankTransferMethod;
import com.parcel_depot.v1.CardPayment;
import com.parcel_depot.v1.CardPaymentMethod;
import com.parcel_depot.v1.CreateInvoiceRequest;
import com.parcel_depot.v1.CreatePaymentRequest;
import com.parcel_depot.v1.CreateQuoteRequest;
import com.parcel_depot.v1.CreateShipmentRequest;
import com.parcel_depot.v1.Customer;
import com.parcel_depot.v1.DepotServiceGrpc;
import com.parcel_depot.v1.Invoice;
import com.parcel_depot.v1.InvoiceLine;
import com.parcel_depot.v1.NormalizeAddressRequest;
import com.parcel_depot.v1.Parcel;
import com.parcel_depot.v1.Payment;
import com.parcel_depot.v1.Quote;
import com.parcel_depot.v1.RegisterCustomerRequest;
import com.parcel_depot.v1.Shipment;
import com.parcel_depot.v1.Speed;
import com.parcel_depot.v1.Tier;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.json.RestJson;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Each DTO shape, one value sent twice: over gRPC with the generated stub (typed mappers on both ways) and, as the
 * REST JSON of the same message, over REST. The gRPC answer printed as REST JSON must be the REST answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class EveryDtoShapeTest {

  private static final RestJson REST_JSON = RestJson.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  GrpcServerLifecycle grpcServer;

  @LocalServerPort
  int restPort;

  private ManagedChannel channel;
  private DepotServiceGrpc.DepotServiceBlockingStub depot;
  private RestClient rest;

  @BeforeEach
  void connect() {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort()).usePlaintext().build();
    depot = DepotServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    rest = RestClient.create("http://127.0.0.1:" + restPort);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void aRecordWithNestedRecordsAListOfListsAMapTimesADecimalAndAnOptional() throws Exception {
    Shipment shipment = Shipment.newBuilder()
        .setRef("ACME-7")
        .setSpeed(Speed.SPEED_NEXT_WEEK)
        .addParcels(Parcel.newBuilder().setLabel("vase").setWeightGrams(1200).addTags("glass"))
        .addParcels(Parcel.newBuilder().setLabel("books").setWeightGrams(300))
        .addLoadingPlan(ArrayOfString.newBuilder().addValues("books").addValues("vase"))
        .addLoadingPlan(ArrayOfString.getDefaultInstance())
        .putStockByWarehouse("LYS", 12)
        .putStockByWarehouse("AMS", 0)
        .setCreatedAt(timestamp("2024-03-14T09:26:53.123456789Z"))
        .setDeliverOn("2024-03-20")
        .setDeclaredValue("120.50")
        .setNote("leave at the door")
        .build();

    Shipment grpc = depot.createShipment(CreateShipmentRequest.newBuilder().setShipment(shipment).build());
    JsonNode rest = assertSameAnswer(grpc, post("/v1/shipments", shipment));

    assertThat(grpc.getParcelCount()).as("computed by the handler").isEqualTo(2);
    assertThat(rest.get("ref").asText()).as("@JsonProperty beats the naming strategy").isEqualTo("ACME-7");
    assertThat(grpc.getSpeed()).isEqualTo(Speed.SPEED_NEXT_WEEK);
    assertThat(rest.get("speed").asText()).isEqualTo("next-week");
    assertThat(grpc.getLoadingPlan(0).getValuesList()).containsExactly("books", "vase");
    assertThat(grpc.getLoadingPlan(1).getValuesCount()).as("an empty layer stays").isZero();
    assertThat(rest.get("loading_plan").toString()).isEqualTo("[[\"books\",\"vase\"],[]]");
    assertThat(grpc.getStockByWarehouseMap()).containsEntry("LYS", 12).containsEntry("AMS", 0);
    assertThat(grpc.getCreatedAt().getNanos()).isEqualTo(123_456_789);
    assertThat(rest.get("created_at").asText()).isEqualTo("2024-03-14T09:26:53.123456789Z");
    assertThat(grpc.getDeclaredValue()).as("the decimal keeps its scale").isEqualTo("120.50");
    assertThat(grpc.getNote()).isEqualTo("leave at the door");
    assertThat(grpc.getParcels(1).getTagsCount()).isZero();
    assertThat(rest.get("parcels").get(1).get("tags").isNull()).as("a list never set is null on REST, absent on gRPC").isTrue();
  }

  @Test
  void aPojoWithGettersAndSetters() throws Exception {
    Customer customer = Customer.newBuilder()
        .setName("Ada")
        .setTier(Tier.TIER_GOLD_MEMBER)
        .setMemberSince(timestamp("2020-01-01T08:00:00Z"))
        .setAddress(Address.newBuilder().setStreet("1 Quai Perrache").setCity("Lyon").setZip("69002").setCountryCode("FR"))
        .build();

    Customer grpc = depot.registerCustomer(RegisterCustomerRequest.newBuilder().setBody(customer).build());
    JsonNode rest = assertSameAnswer(grpc, post("/v1/customers", customer));

    assertThat(grpc).isEqualTo(customer);
    assertThat(rest.get("tier").asText()).isEqualTo("gold-member");
    assertThat(rest.get("member_since").asText()).isEqualTo("2020-01-01T08:00:00Z");
    assertThat(rest.get("tags").isArray() && rest.get("tags").isEmpty()).as("an empty list, the POJO's default, on REST").isTrue();
    assertThat(grpc.getTagsCount()).isZero();
  }

  @Test
  void aLombokValueClass() throws Exception {
    Address address = Address.newBuilder().setStreet(" 1 Quai Perrache ").setCity("Lyon").setZip("69 002").setCountryCode("fr").build();

    Address grpc = depot.normalizeAddress(NormalizeAddressRequest.newBuilder().setBody(address).build());
    JsonNode rest = assertSameAnswer(grpc, post("/v1/addresses", address));

    assertThat(grpc).isEqualTo(Address.newBuilder().setStreet("1 Quai Perrache").setCity("Lyon").setZip("69002").setCountryCode("FR").build());
    assertThat(rest.get("zip").asText()).as("@JsonProperty on a Lombok field").isEqualTo("69002");
  }

  @Test
  void aLombokDataClassWithDecimalsAsStringsAndAsNumbers() throws Exception {
    Invoice invoice = Invoice.newBuilder()
        .setNumber("INV-42")
        .addLines(InvoiceLine.newBuilder().setItem("box").setQuantity(2).setUnitPrice("40.25"))
        .addLines(InvoiceLine.newBuilder().setItem("tape").setQuantity(1).setUnitPrice("3.10"))
        .setTaxRate(0.2)
        .setDueOn("2024-04-30")
        .setIssuedAt(timestamp("2024-04-01T12:00:00Z"))
        .build();

    Invoice grpc = depot.createInvoice(CreateInvoiceRequest.newBuilder().setInvoice(invoice).build());
    JsonNode rest = assertSameAnswer(grpc, post("/v1/invoices", invoice));

    assertThat(grpc.getTotal()).as("(2 × 40.25 + 3.10) × 1.2, computed on BigDecimals").isEqualTo("100.32");
    assertThat(grpc.getLines(1).getUnitPrice()).isEqualTo("3.10");
    assertThat(rest.get("lines").get(1).get("unit_price").asText()).isEqualTo("3.10");
    assertThat(rest.get("tax_rate").isNumber()).as("a number, as the spec says").isTrue();
    assertThat(grpc.getDueOn()).isEqualTo("2024-04-30");
  }

  @Test
  void aLombokBuilderClassWithAListOfEnumsAndAMapOfMessages() throws Exception {
    Quote quote = Quote.newBuilder()
        .setSpeed(Speed.SPEED_EXPRESS)
        .addAlternatives(Speed.SPEED_STANDARD)
        .addAlternatives(Speed.SPEED_NEXT_WEEK)
        .setPrice("9.90")
        .setValidUntil(timestamp("2024-03-31T23:59:59Z"))
        .putPickupPoints("LYS", Address.newBuilder().setStreet("2 Rue Smith").setCity("Lyon").setZip("69002").setCountryCode("FR").build())
        .build();

    Quote grpc = depot.createQuote(CreateQuoteRequest.newBuilder().setQuote(quote).build());
    JsonNode rest = assertSameAnswer(grpc, post("/v1/quotes", quote));

    assertThat(grpc.getId()).isEqualTo("Q-express");
    assertThat(grpc.getAlternativesList()).containsExactly(Speed.SPEED_STANDARD, Speed.SPEED_NEXT_WEEK);
    assertThat(rest.get("alternatives").toString()).isEqualTo("[\"standard\",\"next-week\"]");
    assertThat(grpc.getPickupPointsMap().get("LYS").getStreet()).isEqualTo("2 Rue Smith");
    assertThat(rest.get("pickup_points").get("LYS").get("country_code").asText()).isEqualTo("FR");
    assertThat(grpc.getPrice()).isEqualTo("9.90");
  }

  @Test
  void aSealedInterfaceIsAOneofTellingItsVariantsApartByTheDiscriminator() throws Exception {
    Payment card = Payment.newBuilder()
        .setCard(CardPayment.newBuilder().setMethod(CardPaymentMethod.CARD_PAYMENT_METHOD_CARD).setCardNumber("4111111111111111")
            .setExpiryMonth(12).setAmount("12.50"))
        .build();
    Payment transfer = Payment.newBuilder()
        .setBankTransfer(BankTransfer.newBuilder().setMethod(BankTransferMethod.BANK_TRANSFER_METHOD_BANK_TRANSFER)
            .setIban("FR7630006000011234567890189").setAccountHolder("Ada Lovelace").setAmount("7.40"))
        .build();

    Payment grpcCard = depot.createPayment(CreatePaymentRequest.newBuilder().setPayment(card).build());
    JsonNode restCard = assertSameAnswer(grpcCard, post("/v1/payments", card));
    Payment grpcTransfer = depot.createPayment(CreatePaymentRequest.newBuilder().setPayment(transfer).build());
    JsonNode restTransfer = assertSameAnswer(grpcTransfer, post("/v1/payments", transfer));

    assertThat(grpcCard.getPaymentCase()).isEqualTo(Payment.PaymentCase.CARD);
    assertThat(grpcCard.getCard().getMethod()).as("the variant's discriminator, set by the mapper")
        .isEqualTo(CardPaymentMethod.CARD_PAYMENT_METHOD_CARD);
    assertThat(grpcCard.getCard().getCardNumber()).as("masked by the handler").isEqualTo("************1111");
    assertThat(restCard.get("method").asText()).isEqualTo("card");
    assertThat(grpcTransfer.getPaymentCase()).isEqualTo(Payment.PaymentCase.BANK_TRANSFER);
    assertThat(grpcTransfer).isEqualTo(transfer);
    assertThat(restTransfer.get("method").asText()).isEqualTo("bank_transfer");
    assertThat(restTransfer.get("amount").asText()).isEqualTo("7.40");
  }

  /** POSTs the REST JSON of {@code body}: the value the gRPC call sent, as a REST client sends it. */
  private String post(String path, Message body) {
    return rest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(REST_JSON.print(body)).retrieve().body(String.class);
  }

  /**
   * The gRPC answer, printed as REST JSON, is the REST answer by the transcoder's equivalence (absent, null and empty
   * alike; date-times as instants), and the REST answer has no property the proto lacks.
   */
  private static JsonNode assertSameAnswer(Message grpc, String rest) throws Exception {
    String printed = REST_JSON.print(grpc);
    Comparison comparison = RestJsonEquivalence.compare(grpc.getDescriptorForType(), rest, printed);
    assertThat(comparison.differences()).as("REST %s%ngRPC %s", rest, printed).isEmpty();
    assertThat(comparison.ignoredUnknownProperties()).as("REST properties the spec does not describe in %s", rest).isZero();
    return JSON.readTree(rest);
  }

  private static Timestamp timestamp(String text) {
    Instant instant = Instant.parse(text);
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
