package it.depot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
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
import java.util.List;
import java.util.Map;
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
        // the handler counts the parcels itself; Jackson 3 answers 400 to a body without this int (FAIL_ON_NULL_FOR_PRIMITIVES)
        .setParcelCount(7)
        .build();

    Shipment grpc = depot.createShipment(CreateShipmentRequest.newBuilder().setShipment(shipment).build());
    DocumentContext rest = assertSameAnswer(grpc, post("/v1/shipments", shipment));

    assertThat(grpc.getParcelCount()).as("computed by the handler").isEqualTo(2);
    assertThat(rest.read("$.ref", String.class)).as("@JsonProperty beats the naming strategy").isEqualTo("ACME-7");
    assertThat(grpc.getSpeed()).isEqualTo(Speed.SPEED_NEXT_WEEK);
    assertThat(rest.read("$.speed", String.class)).isEqualTo("next-week");
    assertThat(grpc.getLoadingPlan(0).getValuesList()).containsExactly("books", "vase");
    assertThat(grpc.getLoadingPlan(1).getValuesCount()).as("an empty layer stays").isZero();
    assertThat(rest.read("$.loading_plan", List.class)).isEqualTo(List.of(List.of("books", "vase"), List.of()));
    assertThat(grpc.getStockByWarehouseMap()).containsEntry("LYS", 12).containsEntry("AMS", 0);
    assertThat(grpc.getCreatedAt().getNanos()).isEqualTo(123_456_789);
    assertThat(rest.read("$.created_at", String.class)).isEqualTo("2024-03-14T09:26:53.123456789Z");
    assertThat(grpc.getDeclaredValue()).as("the decimal keeps its scale").isEqualTo("120.50");
    assertThat(grpc.getNote()).isEqualTo("leave at the door");
    assertThat(grpc.getParcels(1).getTagsCount()).isZero();
    assertThat(rest.read("$.parcels[1]", Map.class)).as("a list never set is null on REST, absent on gRPC")
        .containsEntry("tags", null);
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
    DocumentContext rest = assertSameAnswer(grpc, post("/v1/customers", customer));

    assertThat(grpc).isEqualTo(customer);
    assertThat(rest.read("$.tier", String.class)).isEqualTo("gold-member");
    assertThat(rest.read("$.member_since", String.class)).isEqualTo("2020-01-01T08:00:00Z");
    assertThat(rest.read("$.tags", List.class)).as("an empty list, the POJO's default, on REST").isEmpty();
    assertThat(grpc.getTagsCount()).isZero();
  }

  @Test
  void aLombokValueClass() throws Exception {
    Address address = Address.newBuilder().setStreet(" 1 Quai Perrache ").setCity("Lyon").setZip("69 002").setCountryCode("fr").build();

    Address grpc = depot.normalizeAddress(NormalizeAddressRequest.newBuilder().setBody(address).build());
    DocumentContext rest = assertSameAnswer(grpc, post("/v1/addresses", address));

    assertThat(grpc).isEqualTo(Address.newBuilder().setStreet("1 Quai Perrache").setCity("Lyon").setZip("69002").setCountryCode("FR").build());
    assertThat(rest.read("$.zip", String.class)).as("@JsonProperty on a Lombok field").isEqualTo("69002");
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
    DocumentContext rest = assertSameAnswer(grpc, post("/v1/invoices", invoice));

    assertThat(grpc.getTotal()).as("(2 × 40.25 + 3.10) × 1.2, computed on BigDecimals").isEqualTo("100.32");
    assertThat(grpc.getLines(1).getUnitPrice()).isEqualTo("3.10");
    assertThat(rest.read("$.lines[1].unit_price", String.class)).isEqualTo("3.10");
    assertThat(rest.read("$.tax_rate", Object.class)).as("a number, as the spec says").isInstanceOf(Number.class);
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
    DocumentContext rest = assertSameAnswer(grpc, post("/v1/quotes", quote));

    assertThat(grpc.getId()).isEqualTo("Q-express");
    assertThat(grpc.getAlternativesList()).containsExactly(Speed.SPEED_STANDARD, Speed.SPEED_NEXT_WEEK);
    assertThat(rest.read("$.alternatives", List.class)).isEqualTo(List.of("standard", "next-week"));
    assertThat(grpc.getPickupPointsMap().get("LYS").getStreet()).isEqualTo("2 Rue Smith");
    assertThat(rest.read("$.pickup_points.LYS.country_code", String.class)).isEqualTo("FR");
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
    DocumentContext restCard = assertSameAnswer(grpcCard, post("/v1/payments", card));
    Payment grpcTransfer = depot.createPayment(CreatePaymentRequest.newBuilder().setPayment(transfer).build());
    DocumentContext restTransfer = assertSameAnswer(grpcTransfer, post("/v1/payments", transfer));

    assertThat(grpcCard.getPaymentCase()).isEqualTo(Payment.PaymentCase.CARD);
    assertThat(grpcCard.getCard().getMethod()).as("the variant's discriminator, set by the mapper")
        .isEqualTo(CardPaymentMethod.CARD_PAYMENT_METHOD_CARD);
    assertThat(grpcCard.getCard().getCardNumber()).as("masked by the handler").isEqualTo("************1111");
    assertThat(restCard.read("$.method", String.class)).isEqualTo("card");
    assertThat(grpcTransfer.getPaymentCase()).isEqualTo(Payment.PaymentCase.BANK_TRANSFER);
    assertThat(grpcTransfer).isEqualTo(transfer);
    assertThat(restTransfer.read("$.method", String.class)).isEqualTo("bank_transfer");
    assertThat(restTransfer.read("$.amount", String.class)).isEqualTo("7.40");
  }

  /** POSTs the REST JSON of {@code body}: the value the gRPC call sent, as a REST client sends it. */
  private String post(String path, Message body) {
    return rest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(REST_JSON.print(body)).retrieve().body(String.class);
  }

  /**
   * The gRPC answer, printed as REST JSON, is the REST answer by the transcoder's equivalence (absent, null and empty
   * alike; date-times as instants), and the REST answer has no property the proto lacks.
   */
  private static DocumentContext assertSameAnswer(Message grpc, String rest) throws Exception {
    String printed = REST_JSON.print(grpc);
    Comparison comparison = RestJsonEquivalence.compare(grpc.getDescriptorForType(), rest, printed);
    assertThat(comparison.differences()).as("REST %s%ngRPC %s", rest, printed).isEmpty();
    assertThat(comparison.ignoredUnknownProperties()).as("REST properties the spec does not describe in %s", rest).isZero();
    return JsonPath.parse(rest);
  }

  private static Timestamp timestamp(String text) {
    Instant instant = Instant.parse(text);
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
