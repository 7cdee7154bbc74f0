package io.rest2grpc.maven.mappers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import com.palantir.javapoet.JavaFile;
import io.rest2grpc.maven.mappers.MappingResult.Unmappable;
import io.rest2grpc.maven.mappers.dto.JavaTypeModel;
import io.rest2grpc.maven.mappers.dto.NamingStrategy;
import io.rest2grpc.maven.testing.Golden;
import io.rest2grpc.maven.testing.SampleApp;
import io.rest2grpc.transcoding.json.RestJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fixture per supported DTO style (Lombok @Data, @Value @Builder, @Getter @AllArgsConstructor, a
 * hand-written POJO, a record), naming strategy (default camel case, @JsonNaming snake and kebab case,
 * @JsonProperty) and value type (collections, maps, arrays, nested collections, Optional, java.time, wrappers, big
 * numbers, bytes, enums with @JsonValue), plus what is refused: planned, written, compiled and run.
 */
class FeatureFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/mappers/features");
  private static final Path INPUT = FIXTURES.resolve("input");
  private static final String JAVA_PACKAGE = "com.example.features.mappers";
  private static final ObjectMapper JACKSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new ParameterNamesModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .build();

  @TempDir
  static Path work;

  private static MapperSet plan;
  private static ClassLoader classes;

  @BeforeAll
  static void planWriteAndCompile() throws Exception {
    Map<String, FileDescriptor> files = Protoc.descriptors(INPUT.resolve("proto"), List.of("features/v1/features.proto"), work);
    FileDescriptor features = files.get("features/v1/features.proto");
    List<MappingRequest> requests = List.of(
        request(features, "Shipment", "com.example.features.Shipment"),
        request(features, "Customer", "com.example.features.Customer"),
        request(features, "Quote", "com.example.features.Quote"),
        request(features, "Pallet", "com.example.features.Pallet"),
        request(features, "Legacy", "com.example.features.Legacy"),
        request(features, "Contact", "com.example.features.Hidden"));
    try (JavaTypeModel types = JavaTypeModel.open(List.of(INPUT.resolve("java")), SampleApp.classpath())) {
      plan = DtoMappers.plan(requests, types, MappingSettings.of(NamingStrategy.LOWER_CAMEL_CASE));
    }
    Path sources = work.resolve("sources");
    Protoc.javaOut(INPUT.resolve("proto"), List.of("features/v1/features.proto"), sources);
    for (JavaFile file : MapperWriter.write(plan, JAVA_PACKAGE)) {
      file.writeTo(sources);
    }
    classes = JavaCompilation.compile(List.of(sources, INPUT.resolve("java")), work.resolve("classes"));
  }

  @Test
  void plansAndWritesTheFixtures() throws Exception {
    Golden.assertMatches(FIXTURES.resolve("plan.txt"), PlanText.of(plan));
    for (JavaFile file : MapperWriter.write(plan, JAVA_PACKAGE)) {
      Golden.assertMatches(FIXTURES.resolve(file.typeSpec().name() + ".java.txt"), file.toString());
    }
  }

  @Test
  void refusesWhatATypedMapperCannotKeep() {
    List<String> reasons = plan.results().stream()
        .filter(Unmappable.class::isInstance)
        .flatMap(result -> ((Unmappable) result).reasons().stream())
        .map(Object::toString)
        .toList();

    assertThat(reasons).containsExactlyInAnyOrder(
        "features.v1.Contact ⇔ com.example.features.Hidden: it is not public; the mapper, in another package, cannot use it: make it public",
        "features.v1.Legacy ⇔ com.example.features.Legacy.notInTheProto: its JSON name 'notInTheProto' is no property of Legacy"
            + " (createdAt, day, count, state, extra); convert the spec again if the DTO changed, or check the naming strategy",
        "features.v1.Legacy.count ⇔ com.example.features.Legacy.count: unsigned uint32 has no Java type that prints the same values, not int",
        "features.v1.Legacy.created_at ⇔ com.example.features.Legacy.createdAt: a Timestamp field needs an Instant, OffsetDateTime or"
            + " ZonedDateTime property, not java.util.Date",
        "features.v1.Legacy.day ⇔ com.example.features.Legacy.day: its @JsonFormat changes its JSON in a way the typed mapper does not follow",
        "features.v1.Legacy.extra ⇔ com.example.features.Legacy.extra: google.protobuf.Struct holds free-form JSON or has no Java"
            + " counterpart; a typed mapper would need JSON, not java.util.Map<java.lang.String, java.lang.Object>",
        "features.v1.State ⇔ com.example.features.Legacy.State.ARCHIVED: no proto value has its JSON value 'ARCHIVED'; convert the spec again");
  }

  @Test
  void lombokDataWithCollectionsTimesWrappersAndBigNumbersRoundTrips() throws Exception {
    roundTrip("ShipmentMapper").assertKeepsRestJson("""
        {"trackingCode": "TRK-1", "parcelCount": 2, "fragile": true, "labels": ["a", "b"],
         "weights": {"p1": 1200, "p2": 9007199254740993}, "shippedAt": "2024-03-14T09:26:53.500Z", "transit": "PT36H0.5S",
         "insuredCents": 0, "price": 12.5, "serial": 42, "parcels": [{"weight-grams": 1200, "parcel-id": "p1"}],
         "priority": "high", "signature": "AQID"}
        """);
  }

  @Test
  void pojoWithJsonNamingAndJsonPropertyRoundTrips() throws Exception {
    roundTrip("CustomerMapper").assertKeepsRestJson("""
        {"customer_id": "c1", "display_name": "Ada", "since": "2020-01-01T10:00:00+02:00",
         "contact": {"email": "ada@example.com", "verified": true}, "other_contacts": [{"email": "b@example.com", "verified": false}]}
        """);
  }

  @Test
  void recordWithOptionalsAndParsedStringsMapsBothWays() throws Exception {
    Class<?> mapper = classes.loadClass(JAVA_PACKAGE + ".QuoteMapper");
    Class<?> protoClass = mapper.getMethod("toProto", classes.loadClass("com.example.features.Quote")).getReturnType();
    Message.Builder builder = (Message.Builder) protoClass.getMethod("newBuilder").invoke(null);
    Message quote = RestJson.create().parse("""
        {"comment": "", "amount": "12.50", "reference": "7d444840-9dc0-11d1-b245-5ffdce74fad2", "big": "98765432109876543210",
         "contact": {"email": "ada@example.com"}}
        """, builder).build();

    Object dto = mapper.getMethod("fromProto", protoClass).invoke(null, quote);
    Message back = (Message) mapper.getMethod("toProto", dto.getClass()).invoke(null, dto);

    assertThat(ProtoDifferences.between(quote, back)).isEmpty();
    assertThat(dto.toString()).contains("comment=Optional[]", "amount=12.50", "big=98765432109876543210");
  }

  @Test
  void nestedCollectionsRoundTripThroughTheirWrapperMessages() throws Exception {
    roundTrip("PalletMapper").assertKeepsRestJson("""
        {"layers": [["a", "b"], [], ["c"]],
         "parcelsByBay": {"b1": [{"weight-grams": 1200, "parcel-id": "p1"}, {"weight-grams": 800, "parcel-id": "p2"}], "b2": []}}
        """);
  }

  private static MapperRoundTrip roundTrip(String mapper) throws Exception {
    return MapperRoundTrip.of(classes.loadClass(JAVA_PACKAGE + "." + mapper), JACKSON);
  }

  private static MappingRequest request(FileDescriptor file, String message, String dto) {
    Descriptor descriptor = file.findMessageTypeByName(message);
    return new MappingRequest(descriptor, dto, Direction.BOTH);
  }
}
