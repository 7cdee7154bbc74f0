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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
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
import io.rest2grpc.test.v1.ResponsesProto;
import io.rest2grpc.test.v1.ShipParcelResponse;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.paging.RequestFilters;
import io.rest2grpc.transcoding.paging.RestPosition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** gRPC → REST: each kind of answer becomes the exact REST response, written out in full. */
class ToRestTest {
  private static final Metadata NONE = new Metadata();
  private static final ResponseContext CREATE = context("POST", "/v1/parcels", CreateParcelRequest.newBuilder().setParcel(PARCEL).build());

  private static RestResponse rest(int status, RestHeaders headers, String mediaType, String body) {
    return RestResponse.of(status, headers, mediaType, body);
  }

  @Nested
  class StatusesAndHeaders {
    @Test
    void aCreateAnswers201WithLocationAndEtagInDocumentedOrder() {
      RestResponse response = transcoder("CreateParcel").toRest(PARCEL, metadata("etag", "\"v1\"", "location", "/v1/parcels/p1"),
          NONE, CREATE);

      assertThat(response).isEqualTo(rest(201, RestHeaders.of("Location", "/v1/parcels/p1", "ETag", "\"v1\""),
          "application/json", PARCEL_JSON));
    }

    @Test
    void theStatusMetadataChoosesAnotherDocumentedSuccess() {
      RestResponse response = transcoder("CreateParcel").toRest(PARCEL, metadata("rest2grpc-http-status", "200"), NONE,
          CREATE);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers()).isEqualTo(RestHeaders.NONE);
    }

    @Test
    void aDocumentedHeaderSentAsATrailerCountsOnce() {
      RestResponse response = transcoder("CreateParcel").toRest(PARCEL, metadata("location", "/v1/parcels/p1"),
          metadata("location", "/elsewhere", "etag", "\"v1\""), CREATE);

      assertThat(response.headers()).isEqualTo(RestHeaders.of("Location", "/v1/parcels/p1", "ETag", "\"v1\""));
    }

    @Test
    void emptyAnswers204WithNoBodyAndNoMediaType() {
      RestResponse response = transcoder("DeleteParcel").toRest(Empty.getDefaultInstance(), NONE, NONE, get("/v1/parcels/p1"));

      assertThat(response).isEqualTo(rest(204, RestHeaders.NONE, "", ""));
    }

    @Test
    void anAcceptedShipmentAnswers202WithLocation() {
      RestResponse response = transcoder("ShipParcel").toRest(ShipParcelResponse.newBuilder().setStatus("queued").build(),
          metadata("location", "/v1/shipments/s9"), NONE, get("/v1/parcels/p1:ship"));

      assertThat(response).isEqualTo(rest(202, RestHeaders.of("Location", "/v1/shipments/s9"), "application/json",
          "{\"status\":\"queued\"}"));
    }
  }

  @Nested
  class ResponseBodies {
    @Test
    void aRepeatedFieldIsABareArray() {
      ParcelHistory history = ParcelHistory.newBuilder()
          .addEvents(ParcelEvent.newBuilder().setAt("2025-06-01T10:00:00Z").setPlace("Lyon"))
          .addEvents(ParcelEvent.newBuilder().setAt("2025-06-02T08:30:00Z").setPlace("Paris")).build();

      assertThat(body("GetParcelHistory", history)).isEqualTo(
          "[{\"at\":\"2025-06-01T10:00:00Z\",\"place\":\"Lyon\"},{\"at\":\"2025-06-02T08:30:00Z\",\"place\":\"Paris\"}]");
      assertThat(body("GetParcelHistory", ParcelHistory.getDefaultInstance())).isEqualTo("[]");
    }

    @Test
    void aScalarFieldIsABareValueEvenAtItsDefault() {
      assertThat(body("CountParcels", ParcelCount.newBuilder().setValue(9007199254740993L).build())).isEqualTo("9007199254740993");
      assertThat(body("CountParcels", ParcelCount.getDefaultInstance())).isEqualTo("0");
    }

    @Test
    void aMapFieldIsABareObject() {
      ParcelDimensions dimensions = ParcelDimensions.newBuilder().putValues("height", 12.5).build();

      assertThat(body("GetParcelDimensions", dimensions)).isEqualTo("{\"height\":12.5}");
      assertThat(body("GetParcelDimensions", ParcelDimensions.getDefaultInstance())).isEqualTo("{}");
    }

    @Test
    void aMessageFieldIsTheBodyAndTheOtherFieldsStayBehind() {
      ParcelAddressResponse address = ParcelAddressResponse.newBuilder().setAddress(PARCEL.getAddress()).setEtag("v1").build();

      assertThat(body("GetParcelAddress", address)).isEqualTo("{\"street\":\"1 Main St\",\"postal_code\":\"75001\"}");
      assertThat(body("GetParcelAddress", ParcelAddressResponse.getDefaultInstance())).isEqualTo("{}");
    }

    @Test
    void anHttpBodyIsItsBytesWithItsContentTypeElseTheRecordedOne() {
      ByteString csv = ByteString.copyFromUtf8("id,recipient\np1,Ada\n");
      HttpBody typed = HttpBody.newBuilder().setContentType("text/csv; charset=utf-8").setData(csv).build();

      assertThat(transcoder("ExportParcels").toRest(typed, NONE, NONE, get("/v1/parcels:export")))
          .isEqualTo(new RestResponse(200, RestHeaders.NONE, "text/csv; charset=utf-8", csv));
      assertThat(transcoder("ExportParcels").toRest(typed.toBuilder().clearContentType().build(), NONE, NONE,
          get("/v1/parcels:export")).mediaType()).isEqualTo("text/csv");
    }

    @Test
    void aBytesFieldIsTheBodyWithTheRecordedMediaType() {
      ByteString pdf = ByteString.copyFrom(new byte[] {'%', 'P', 'D', 'F', '-', 1, 2, (byte) 0xff});

      assertThat(transcoder("GetParcelLabel").toRest(ParcelLabel.newBuilder().setPdf(pdf).build(), NONE, NONE,
          get("/v1/parcels/p1/label"))).isEqualTo(new RestResponse(200, RestHeaders.NONE, "application/pdf", pdf));
    }

    private String body(String rpc, com.google.protobuf.Message response) {
      RestResponse rest = transcoder(rpc).toRest(response, NONE, NONE, get("/v1/x"));
      assertThat(rest.mediaType()).isEqualTo("application/json");
      return rest.body().toStringUtf8();
    }
  }

  @Nested
  class Lists {
    @Test
    void offsetPagingWritesOneTotalHeaderFromTotalSizeNotFromTheMetadata() {
      ListParcelsResponse page = ListParcelsResponse.newBuilder().addParcels(PARCEL).addParcels(PARCEL.toBuilder().setId("p2"))
          .setTotalSize(5).setNextPageToken(TOKENS.mint(RestPosition.offset(2), RequestFilters.hash(LIST_REQUEST))).build();

      RestResponse response = transcoder("ListParcels").toRest(page, metadata("x-total-count", "99"), NONE,
          context("GET", "/v1/parcels?recipient=Ada&limit=2", LIST_REQUEST));

      assertThat(response).isEqualTo(rest(200, RestHeaders.of("X-Total-Count", "5"), "application/json",
          "[" + PARCEL_JSON + "," + PARCEL_JSON.replace("\"p1\"", "\"p2\"") + "]"));
    }

    @Test
    void cursorPagingWritesTheEnvelopeWithHasMoreAndTheNextCursor() {
      ListCarriersResponse page = ListCarriersResponse.newBuilder().addData(Carrier.newBuilder().setCode("ups").setName("UPS"))
          .setObject("list").setNextPageToken(TOKENS.mint(RestPosition.cursor("c2"), RequestFilters.hash(LIST_REQUEST))).build();

      RestResponse response = transcoder("ListCarriers").toRest(page, NONE, NONE,
          context("GET", "/v1/carriers?limit=2", LIST_REQUEST));

      assertThat(response).isEqualTo(rest(200, RestHeaders.NONE, "application/json",
          "{\"object\":\"list\",\"data\":[{\"code\":\"ups\",\"name\":\"UPS\"}],\"has_more\":true,\"next_cursor\":\"c2\"}"));
    }

    @Test
    void linkPagingWritesTheNextLinkInPlaceOfTheDocumentedOne() {
      ListParcelEventsResponse page = ListParcelEventsResponse.newBuilder()
          .addEvents(ParcelEvent.newBuilder().setPlace("Lyon")).addEvents(ParcelEvent.newBuilder().setPlace("Paris"))
          .setNextPageToken(TOKENS.mint(RestPosition.page(3, 2), RequestFilters.hash(LIST_REQUEST))).build();

      RestResponse response = transcoder("ListParcelEvents").toRest(page,
          metadata("x-request-id", "r1", "link", "<https://legacy.internal/v1/events?page=3>; rel=\"next\""), NONE,
          context("GET", "/v1/events?recipient=Ada&page=2&per_page=2", LIST_REQUEST));

      assertThat(response).isEqualTo(rest(200,
          RestHeaders.of("Link", "</v1/events?recipient=Ada&page=3&per_page=2>; rel=\"next\"", "X-Request-Id", "r1"),
          "application/json", "[{\"place\":\"Lyon\"},{\"place\":\"Paris\"}]"));
    }

    @Test
    void theLastPageHasNoLink() {
      ListParcelEventsResponse last = ListParcelEventsResponse.newBuilder().addEvents(ParcelEvent.newBuilder().setPlace("Nice")).build();

      RestResponse response = transcoder("ListParcelEvents").toRest(last, metadata("x-request-id", "r2"), NONE,
          context("GET", "/v1/events?page=4", LIST_REQUEST));

      assertThat(response.headers()).isEqualTo(RestHeaders.of("X-Request-Id", "r2"));
    }
  }

  @Nested
  class Errors {
    @Test
    void aNativeStatusBecomesTheDocumentedProblem() {
      com.google.rpc.Status notFound = com.google.rpc.Status.newBuilder().setCode(Code.NOT_FOUND_VALUE)
          .setMessage("parcel p1 does not exist").build();

      RestResponse response = transcoder("GetParcel").toRest(notFound, get("/v1/parcels/p1"));

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.mediaType()).isEqualTo("application/problem+json");
      assertThat(response.body().toStringUtf8()).isEqualTo(
          "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"detail\":\"parcel p1 does not exist\",\"status\":404}");
    }

    @Test
    void aClientsStatusRuntimeExceptionGivesStatusAndTrailers() {
      com.google.rpc.Status exhausted = com.google.rpc.Status.newBuilder().setCode(Code.RESOURCE_EXHAUSTED_VALUE)
          .setMessage("slow down").addDetails(com.google.protobuf.Any.pack(RetryInfo.newBuilder()
              .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(30)).build())).build();
      StatusRuntimeException thrown = StatusProto.toStatusRuntimeException(exhausted);

      RestResponse response = transcoder("GetParcel").toRest(thrown.getStatus(), thrown.getTrailers(), get("/v1/parcels/p1"));

      assertThat(response.status()).isEqualTo(429);
      assertThat(response.headers()).isEqualTo(RestHeaders.of("retry-after", "30"));
    }

    @Test
    void anEnvelopeErrorKeepsItsOriginalStatusAndBody() {
      ResponseTranscoder ship = transcoder("ShipParcel");
      RestResponse conflict = rest(409, RestHeaders.NONE, "application/json",
          "{\"error\":{\"code\":\"parcel_locked\",\"message\":\"parcel p1 is being relabelled\"}}");

      GrpcResponse.Failure failure = (GrpcResponse.Failure) ship.toGrpc(conflict, get("/v1/parcels/p1:ship"));

      assertThat(failure.status().getCode()).isEqualTo(Code.ABORTED_VALUE);
      assertThat(failure.status().getMessage()).isEqualTo("parcel p1 is being relabelled");
      assertThat(StatusProto.fromThrowable(failure.toException())).isEqualTo(failure.status());
      assertThat(failure.trailers().containsKey(Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER))).isTrue();
      RestResponse back = ship.toRest(failure, get("/v1/parcels/p1:ship"));
      assertThat(back.status()).isEqualTo(409);
      assertThat(back.mediaType()).isEqualTo("application/json");
      assertThat(RestJsonEquivalence.compare(conflict.body().toStringUtf8(), back.body().toStringUtf8()).equal()).isTrue();
    }

    @Test
    void aStatusWithCodeOkIsNoError() {
      assertThatThrownBy(() -> transcoder("GetParcel").toRest(io.grpc.Status.OK, NONE, get("/v1/parcels/p1")))
          .hasMessageContaining("toHttp takes an error Status, got code OK");
    }

    @Test
    void theErrorInfoNamesTheFileDomain() throws Exception {
      GrpcResponse.Failure failure = (GrpcResponse.Failure) transcoder("GetParcel").toGrpc(rest(401,
          RestHeaders.of("WWW-Authenticate", "Bearer realm=\"parcels\""), "application/problem+json",
          "{\"type\":\"https://parcels.example.com/probs/token-expired\",\"status\":401,\"detail\":\"token expired\"}"),
          get("/v1/parcels/p1"));

      assertThat(failure.status().getDetails(0).unpack(ErrorInfo.class).getDomain()).isEqualTo("parcels.example.com");
      assertThat(failure.status().getDetails(0).unpack(ErrorInfo.class).getReason()).isEqualTo("TOKEN_EXPIRED");
    }
  }

  @Nested
  class Head {
    @Test
    void aHeadOnAGetRouteKeepsHeadersAndMediaTypeAndSaysTheLength() {
      RestResponse response = transcoder("GetParcel").toRest(PARCEL, metadata("etag", "\"v1\""), NONE,
          context("HEAD", "/v1/parcels/p1", REF));

      assertThat(response).isEqualTo(rest(200, RestHeaders.of("ETag", "\"v1\"", "Content-Length",
          Integer.toString(PARCEL_JSON.length())), "application/json", ""));
    }

    @Test
    void aCustomHeadAnsweringEmptyHasNoLength() {
      RestResponse response = transcoder("CheckParcel").toRest(Empty.getDefaultInstance(), metadata("etag", "\"v1\""), NONE,
          context("HEAD", "/v1/parcels/p1", REF));

      assertThat(response).isEqualTo(rest(200, RestHeaders.of("ETag", "\"v1\""), "", ""));
    }

    @Test
    void aHeadErrorHasNoBody() {
      com.google.rpc.Status notFound = com.google.rpc.Status.newBuilder().setCode(Code.NOT_FOUND_VALUE).setMessage("gone").build();

      RestResponse response = transcoder("GetParcel").toRest(notFound, context("HEAD", "/v1/parcels/p1", REF));

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.body().isEmpty()).isTrue();
      assertThat(response.headers().first("Content-Length")).isPresent();
    }
  }

  @Nested
  class Misuse {
    @Test
    void refusesAStreamAMisnamedResponseBodyAndAForeignMessage() {
      assertThatThrownBy(() -> transcoder("WatchParcel"))
          .hasMessage("rest2grpc.test.v1.Parcels.WatchParcel streams its responses; its REST response is a stream"
              + " (RestMethod.response_stream), which the stream transcoder writes");
      assertThatThrownBy(() -> transcoder("GetParcelMisnamed"))
          .hasMessage("rest2grpc.test.v1.Parcels.GetParcelMisnamed has response_body \"count\", which is no field of"
              + " rest2grpc.test.v1.ParcelCount; name a top-level field of the response in its google.api.http rule");
      assertThatThrownBy(() -> transcoder("GetParcel").toRest(Struct.getDefaultInstance(), NONE, NONE, get("/v1/parcels/p1")))
          .hasMessage("the response of rest2grpc.test.v1.Parcels.GetParcel must be a rest2grpc.test.v1.Parcel,"
              + " got a google.protobuf.Struct");
      assertThat(transcoder("GetParcel").method()).isSameAs(ResponsesProto.getDescriptor().findServiceByName("Parcels")
          .findMethodByName("GetParcel"));
    }
  }
}
