package io.rest2grpc.transcoding.responses;

import static io.rest2grpc.transcoding.responses.ParcelFixtures.LIST_REQUEST;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.PARCEL;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.PARCEL_JSON;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.REF;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.TOKENS;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.context;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.get;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.metadata;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.transcoder;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.rest2grpc.test.v1.Carrier;
import io.rest2grpc.test.v1.CreateParcelRequest;
import io.rest2grpc.test.v1.ListCarriersResponse;
import io.rest2grpc.test.v1.ListParcelEventsResponse;
import io.rest2grpc.test.v1.ListParcelsResponse;
import io.rest2grpc.test.v1.ParcelAddressResponse;
import io.rest2grpc.test.v1.ParcelCount;
import io.rest2grpc.test.v1.ParcelDimensions;
import io.rest2grpc.test.v1.ParcelEvent;
import io.rest2grpc.test.v1.ParcelHistory;
import io.rest2grpc.test.v1.ParcelLabel;
import io.rest2grpc.test.v1.ShipParcelResponse;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.paging.FiltersHash;
import io.rest2grpc.transcoding.paging.RequestFilters;
import io.rest2grpc.transcoding.paging.RestPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two directions are inverse: a gRPC answer → REST → gRPC gives the same message and metadata
 * (page tokens compared by the position they decode to: a token records when it was minted), and a
 * REST response → gRPC → REST the same status, headers and media type and an equivalent body
 * ({@link RestJsonEquivalence}; byte-equal when not JSON).
 */
class ResponseRoundTripTest {
  private static final FiltersHash LIST_FILTERS = RequestFilters.hash(LIST_REQUEST);

  record GrpcCase(String name, String rpc, ResponseContext context, Message message, Metadata headers) {
    @Override
    public String toString() {
      return name;
    }
  }

  record RestCase(String name, String rpc, ResponseContext context, RestResponse rest) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<GrpcCase> grpcAnswers() {
    ResponseContext create = context("POST", "/v1/parcels", CreateParcelRequest.getDefaultInstance());
    ResponseContext list = context("GET", "/v1/parcels?recipient=Ada&limit=2&offset=2", LIST_REQUEST);
    return Stream.of(
        new GrpcCase("201 with Location and ETag", "CreateParcel", create, PARCEL,
            metadata("location", "/v1/parcels/p1", "etag", "\"v1\"")),
        new GrpcCase("200 on a create", "CreateParcel", create, PARCEL, metadata("rest2grpc-http-status", "200")),
        new GrpcCase("204 Empty", "DeleteParcel", get("/v1/parcels/p1"), Empty.getDefaultInstance(), new Metadata()),
        new GrpcCase("202", "ShipParcel", get("/v1/parcels/p1:ship"), ShipParcelResponse.newBuilder().setStatus("queued").build(),
            metadata("location", "/v1/shipments/s9")),
        new GrpcCase("bare array", "GetParcelHistory", get("/v1/parcels/p1/history"), ParcelHistory.newBuilder()
            .addEvents(ParcelEvent.newBuilder().setAt("2025-06-01T10:00:00Z").setPlace("Lyon")).build(), new Metadata()),
        new GrpcCase("bare scalar", "CountParcels", get("/v1/parcels:count"), ParcelCount.newBuilder().setValue(-3).build(),
            new Metadata()),
        new GrpcCase("bare map", "GetParcelDimensions", get("/v1/parcels/p1/dimensions"),
            ParcelDimensions.newBuilder().putValues("height", 12.5).putValues("width", 3).build(), new Metadata()),
        new GrpcCase("message field", "GetParcelAddress", get("/v1/parcels/p1/address"),
            ParcelAddressResponse.newBuilder().setAddress(PARCEL.getAddress()).build(), new Metadata()),
        new GrpcCase("HttpBody CSV", "ExportParcels", get("/v1/parcels:export"), HttpBody.newBuilder()
            .setContentType("text/csv; charset=utf-8").setData(ByteString.copyFromUtf8("id\np1\n")).build(), new Metadata()),
        new GrpcCase("bytes with media type", "GetParcelLabel", get("/v1/parcels/p1/label"),
            ParcelLabel.newBuilder().setPdf(ByteString.copyFrom(new byte[] {0, 1, (byte) 0xfe})).build(), new Metadata()),
        new GrpcCase("offset paging", "ListParcels", list, ListParcelsResponse.newBuilder().addParcels(PARCEL).setTotalSize(9)
            .setNextPageToken(TOKENS.mint(RestPosition.offset(3), LIST_FILTERS)).build(), new Metadata()),
        new GrpcCase("offset paging, last page", "ListParcels", list, ListParcelsResponse.newBuilder().addParcels(PARCEL)
            .setTotalSize(3).build(), new Metadata()),
        new GrpcCase("cursor envelope", "ListCarriers", context("GET", "/v1/carriers?limit=1", LIST_REQUEST),
            ListCarriersResponse.newBuilder().addData(Carrier.newBuilder().setCode("ups")).setObject("list")
                .setNextPageToken(TOKENS.mint(RestPosition.cursor("c2"), LIST_FILTERS)).build(), new Metadata()),
        new GrpcCase("Link header", "ListParcelEvents", context("GET", "/v1/events?per_page=2", LIST_REQUEST),
            ListParcelEventsResponse.newBuilder().addEvents(ParcelEvent.newBuilder().setPlace("Lyon"))
                .addEvents(ParcelEvent.newBuilder().setPlace("Paris"))
                .setNextPageToken(TOKENS.mint(RestPosition.page(2, 2), LIST_FILTERS)).build(), metadata("x-request-id", "r1")));
  }

  static Stream<RestCase> restResponses() {
    ResponseContext create = context("POST", "/v1/parcels", CreateParcelRequest.getDefaultInstance());
    return Stream.of(
        new RestCase("201 with Location and ETag", "CreateParcel", create,
            rest(201, RestHeaders.of("Location", "/v1/parcels/p1", "ETag", "\"v1\""), "application/json",
                "{\"recipient\":\"Ada\",\"id\":\"p1\",\"weight_grams\":1200.0,\"state\":\"in-transit\"}")),
        new RestCase("204 Empty", "DeleteParcel", get("/v1/parcels/p1"), rest(204, RestHeaders.NONE, "", "")),
        new RestCase("202", "ShipParcel", get("/v1/parcels/p1:ship"),
            rest(202, RestHeaders.of("Location", "/v1/shipments/s9"), "application/json", "{\"status\": \"queued\"}")),
        new RestCase("bare array", "GetParcelHistory", get("/v1/parcels/p1/history"),
            rest(200, RestHeaders.NONE, "application/json", "[{\"place\":\"Lyon\"}, {\"at\":\"2025-06-01T10:00:00Z\"}]")),
        new RestCase("bare scalar", "CountParcels", get("/v1/parcels:count"), rest(200, RestHeaders.NONE, "application/json", "7")),
        new RestCase("bare map", "GetParcelDimensions", get("/v1/parcels/p1/dimensions"),
            rest(200, RestHeaders.NONE, "application/json", "{\"width\": 3, \"height\": 12.5}")),
        new RestCase("message field", "GetParcelAddress", get("/v1/parcels/p1/address"),
            rest(200, RestHeaders.NONE, "application/json", "{\"postal_code\":\"75001\",\"street\":\"1 Main St\"}")),
        new RestCase("HttpBody CSV", "ExportParcels", get("/v1/parcels:export"),
            rest(200, RestHeaders.NONE, "text/csv; charset=utf-8", "id,recipient\r\np1,\"Ada, Lovelace\"\r\n")),
        new RestCase("bytes with media type", "GetParcelLabel", get("/v1/parcels/p1/label"),
            new RestResponse(200, RestHeaders.NONE, "application/pdf", ByteString.copyFrom(new byte[] {'%', 'P', 'D', 'F', (byte) 0x80}))),
        new RestCase("offset paging with X-Total-Count", "ListParcels",
            context("GET", "/v1/parcels?recipient=Ada&limit=1&offset=1", LIST_REQUEST),
            rest(200, RestHeaders.of("X-Total-Count", "3"), "application/json", "[" + PARCEL_JSON + "]")),
        new RestCase("cursor envelope", "ListCarriers", context("GET", "/v1/carriers?limit=1&cursor=c1", LIST_REQUEST),
            rest(200, RestHeaders.NONE, "application/json",
                "{\"object\":\"list\",\"data\":[{\"code\":\"dhl\"}],\"has_more\":true,\"next_cursor\":\"c2\"}")),
        new RestCase("cursor envelope, last page", "ListCarriers", context("GET", "/v1/carriers?cursor=c2", LIST_REQUEST),
            rest(200, RestHeaders.NONE, "application/json",
                "{\"object\":\"list\",\"data\":[{\"code\":\"ups\"}],\"has_more\":false,\"next_cursor\":null}")),
        new RestCase("Link header", "ListParcelEvents", context("GET", "/v1/events?recipient=Ada&page=2&per_page=2", LIST_REQUEST),
            rest(200, RestHeaders.of("Link", "</v1/events?recipient=Ada&page=3&per_page=2>; rel=\"next\"", "X-Request-Id", "r1"),
                "application/json", "[{\"place\":\"Lyon\"},{\"place\":\"Paris\"}]")),
        new RestCase("problem+json 422", "CreateParcel", create,
            rest(422, RestHeaders.NONE, "application/problem+json", "{\"type\":\"https://parcels.example.com/probs/invalid-weight\","
                + "\"title\":\"Invalid weight\",\"status\":422,\"detail\":\"weight_grams must be positive\",\"instance\":\"/v1/parcels\"}")),
        new RestCase("envelope 409", "ShipParcel", get("/v1/parcels/p1:ship"), rest(409, RestHeaders.NONE, "application/json",
            "{\"error\":{\"code\":\"parcel_locked\",\"message\":\"parcel p1 is being relabelled\",\"retryable\":true}}")),
        new RestCase("429 with Retry-After", "GetParcel", get("/v1/parcels/p1"), rest(429, RestHeaders.of("Retry-After", "120"),
            "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429}")),
        new RestCase("401 with WWW-Authenticate", "GetParcel", get("/v1/parcels/p1"),
            rest(401, RestHeaders.of("WWW-Authenticate", "Bearer realm=\"parcels\", error=\"invalid_token\""),
                "application/problem+json", "{\"type\":\"about:blank\",\"status\":401,\"detail\":\"token expired\"}")),
        new RestCase("HEAD", "GetParcel", context("HEAD", "/v1/parcels/p1", REF),
            rest(200, RestHeaders.of("ETag", "\"v1\""), "application/json", "")),
        new RestCase("custom HEAD answering Empty", "CheckParcel", context("HEAD", "/v1/parcels/p1", REF),
            rest(200, RestHeaders.of("ETag", "\"v1\""), "", "")),
        new RestCase("HEAD 404", "GetParcel", context("HEAD", "/v1/parcels/p1", REF),
            rest(404, RestHeaders.NONE, "application/problem+json", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grpcAnswers")
  void grpcToRestToGrpcGivesTheSameMessageAndMetadata(GrpcCase c) throws Exception {
    ResponseTranscoder transcoder = transcoder(c.rpc());

    RestResponse rest = transcoder.toRest(c.message(), c.headers(), new Metadata(), c.context());
    GrpcResponse.Success back = (GrpcResponse.Success) transcoder.toGrpc(rest, c.context());

    Message parsed = c.message().getParserForType().parseFrom(back.message().toByteString());
    assertThat(withDecodedToken(parsed)).isEqualTo(withDecodedToken(c.message()));
    assertThat(asMap(back.headers())).isEqualTo(asMap(c.headers()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restResponses")
  void restToGrpcToRestGivesTheSameResponse(RestCase c) {
    ResponseTranscoder transcoder = transcoder(c.rpc());

    RestResponse back = transcoder.toRest(transcoder.toGrpc(c.rest(), c.context()), c.context());

    assertThat(back.status()).isEqualTo(c.rest().status());
    assertThat(back.headers()).usingRecursiveComparison().ignoringFields("list.name")
        .isEqualTo(c.rest().headers()); // error headers travel in lower case (RestErrorOrigin)
    assertThat(back.headers().list().stream().map(h -> h.name().toLowerCase()).toList())
        .isEqualTo(c.rest().headers().list().stream().map(h -> h.name().toLowerCase()).toList());
    assertThat(back.mediaType()).isEqualTo(c.rest().mediaType());
    if (c.rest().mediaType().contains("json") && !c.rest().body().isEmpty()) {
      Comparison comparison = RestJsonEquivalence.compare(c.rest().body().toStringUtf8(), back.body().toStringUtf8());
      assertThat(comparison.equal()).as(comparison.describe()).isTrue();
    } else {
      assertThat(back.body()).isEqualTo(c.rest().body());
    }
  }

  private static RestResponse rest(int status, RestHeaders headers, String mediaType, String body) {
    return RestResponse.of(status, headers, mediaType, body);
  }

  /** The message with its next_page_token replaced by the position it decodes to. */
  private static Message withDecodedToken(Message message) {
    FieldDescriptor token = message.getDescriptorForType().findFieldByName("next_page_token");
    if (token == null) {
      return message;
    }
    String position = TOKENS.decode((String) message.getField(token), LIST_FILTERS).map(Object::toString).orElse("");
    return message.toBuilder().setField(token, position).build();
  }

  private static Map<String, List<String>> asMap(Metadata metadata) {
    Map<String, List<String>> map = new TreeMap<>();
    for (String key : metadata.keys()) {
      List<String> values = new ArrayList<>();
      metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)).forEach(values::add);
      map.put(key, values);
    }
    return map;
  }
}
