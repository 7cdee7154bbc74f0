package io.rest2grpc.transcoding.responses;

import static io.rest2grpc.transcoding.responses.ParcelFixtures.LIST_REQUEST;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.PARCEL;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.PARCEL_JSON;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.REF;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.TOKENS;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.context;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.get;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.transcoder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.rest2grpc.test.v1.CreateParcelRequest;
import io.rest2grpc.test.v1.ListParcelsResponse;
import io.rest2grpc.test.v1.Parcel;
import io.rest2grpc.test.v1.ParcelCount;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.paging.RequestFilters;
import io.rest2grpc.transcoding.paging.RestPosition;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** REST → gRPC: what the shadow proxy compares, and the typed errors of a body that is not the method's response. */
class ToGrpcTest {
  private static final Metadata.Key<String> STATUS = Metadata.Key.of("rest2grpc-http-status", Metadata.ASCII_STRING_MARSHALLER);

  private static GrpcResponse.Success success(String rpc, RestResponse rest, ResponseContext context) {
    return (GrpcResponse.Success) transcoder(rpc).toGrpc(rest, context);
  }

  private static <T extends Message> T as(T prototype, Message message) throws InvalidProtocolBufferException {
    @SuppressWarnings("unchecked")
    T parsed = (T) prototype.getParserForType().parseFrom(message.toByteString());
    return parsed;
  }

  @Nested
  class Successes {
    @Test
    void aCreatedParcelWithItsHeadersAndAnUnusualStatus() throws Exception {
      ResponseContext create = context("POST", "/v1/parcels", CreateParcelRequest.getDefaultInstance());
      RestHeaders headers = RestHeaders.of("Location", "/v1/parcels/p1", "Date", "Mon, 02 Jun 2025 10:00:00 GMT", "ETag", "\"v1\"");

      GrpcResponse.Success created = success("CreateParcel", RestResponse.of(201, headers, "application/json", PARCEL_JSON), create);
      GrpcResponse.Success replayed = success("CreateParcel", RestResponse.of(200, headers, "application/json", PARCEL_JSON), create);

      assertThat(as(Parcel.getDefaultInstance(), created.message())).isEqualTo(PARCEL);
      assertThat(created.headers().get(Metadata.Key.of("location", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("/v1/parcels/p1");
      assertThat(created.headers().get(Metadata.Key.of("etag", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("\"v1\"");
      assertThat(created.headers().keys()).containsExactlyInAnyOrder("location", "etag");
      assertThat(replayed.headers().get(STATUS)).isEqualTo("200");
    }

    @Test
    void aHeadOrA204IsNotRead() {
      GrpcResponse.Success head = success("GetParcel", RestResponse.of(200, RestHeaders.of("ETag", "\"v1\"", "Content-Length", "131"),
          "application/json", ""), context("HEAD", "/v1/parcels/p1", REF));

      assertThat(head.message().getAllFields()).isEmpty();
      assertThat(head.headers().keys()).containsExactly("etag");
      assertThat(success("GetParcel", RestResponse.of(204, RestHeaders.NONE, "", "not json"), get("/v1/parcels/p1"))
          .headers().get(STATUS)).isEqualTo("204");
    }

    @Test
    void aListsPagingHeadersGoIntoTheMessageNotTheMetadata() throws Exception {
      GrpcResponse.Success page = success("ListParcels", RestResponse.of(200, RestHeaders.of("X-Total-Count", "5"),
          "application/json", "[" + PARCEL_JSON + "]"), context("GET", "/v1/parcels?recipient=Ada&limit=2", LIST_REQUEST));

      ListParcelsResponse response = as(ListParcelsResponse.getDefaultInstance(), page.message());
      assertThat(response.getParcelsList()).containsExactly(PARCEL);
      assertThat(response.getTotalSize()).isEqualTo(5);
      assertThat(TOKENS.decode(response.getNextPageToken(), RequestFilters.hash(LIST_REQUEST))).isEqualTo(Optional.of(RestPosition.offset(1)));
      assertThat(page.headers().keys()).isEmpty();
    }
  }

  @Nested
  class Errors {
    @Test
    void a429KeepsRetryAfterAsRetryInfoAndInTheOrigin() throws Exception {
      RestResponse tooMany = RestResponse.of(429, RestHeaders.of("Retry-After", "30", "Date", "Mon, 02 Jun 2025 10:00:00 GMT"),
          "application/problem+json", "{\"type\":\"about:blank\",\"status\":429,\"detail\":\"slow down\"}");

      GrpcResponse.Failure failure = (GrpcResponse.Failure) transcoder("GetParcel").toGrpc(tooMany, get("/v1/parcels/p1"));

      assertThat(failure.status().getCode()).isEqualTo(Code.RESOURCE_EXHAUSTED_VALUE);
      assertThat(failure.status().getDetailsList().stream().filter(any -> any.is(RetryInfo.class)).findFirst().orElseThrow()
          .unpack(RetryInfo.class).getRetryDelay().getSeconds()).isEqualTo(30);
      RestResponse back = transcoder("GetParcel").toRest(failure, get("/v1/parcels/p1"));
      assertThat(back.status()).isEqualTo(429);
      assertThat(back.headers()).isEqualTo(RestHeaders.of("retry-after", "30"));
    }

    @Test
    void anInformationalStatusHasNoGrpcAnswer() {
      assertThatThrownBy(() -> transcoder("GetParcel").toGrpc(RestResponse.of(101, RestHeaders.NONE, "", ""), get("/v1/parcels/p1")))
          .hasMessage("a REST response of rest2grpc.test.v1.Parcels.GetParcel has status 101; only final statuses (200 to 599) have a gRPC answer");
    }
  }

  @Nested
  class BodiesThatDoNotFit {
    @Test
    void aMessageBodyNamesTheMemberThatDoesNotFit() {
      ResponseBodyException e = failure("GetParcel", "{\"id\":\"p1\",\"address\":{\"street\":[1]}}", get("/v1/parcels/p1"));

      assertThat(e.method()).isEqualTo("rest2grpc.test.v1.Parcels.GetParcel");
      assertThat(e.pointer()).isEqualTo("/address/street");
      assertThat(e).hasMessageStartingWith("the REST response body of rest2grpc.test.v1.Parcels.GetParcel at /address/street"
          + " does not fit the method's response: ");
    }

    @Test
    void aBareArrayNamesTheElement() {
      assertThat(failure("GetParcelHistory", "[{\"place\":\"Lyon\"},{\"place\":{}}]", get("/v1/parcels/p1/history")).pointer())
          .isEqualTo("/1/place");
    }

    @Test
    void aBareScalarIsTheBodyItself() {
      ResponseBodyException e = failure("CountParcels", "\"many\"", get("/v1/parcels:count"));

      assertThat(e.pointer()).isEmpty();
      assertThat(e).hasMessageStartingWith("the REST response body of rest2grpc.test.v1.Parcels.CountParcels does not fit the method's response: ");
    }

    @Test
    void aFieldBodyCannotReachTheOtherFields() throws Exception {
      assertThat(failure("GetParcelAddress", "{\"street\":\"a\"}, \"etag\": \"v9\"", get("/v1/parcels/p1/address")))
          .hasMessageContaining("malformed JSON");
      assertThat(failure("GetParcelAddress", "{\"street\":\"a\"} \"v9\"", get("/v1/parcels/p1/address"))).hasMessage("the REST response body of rest2grpc.test.v1.Parcels.GetParcelAddress does not fit the method's response:"
          + " unexpected content after the JSON value");
      assertThat(as(ParcelCount.getDefaultInstance(), success("CountParcels",
          RestResponse.of(200, RestHeaders.NONE, "application/json", " 42 "), get("/v1/parcels:count")).message()).getValue())
          .isEqualTo(42);
    }

    @Test
    void malformedJsonAndAListWithoutItsArray() {
      assertThat(failure("GetParcel", "{\"id\":", get("/v1/parcels/p1"))).hasMessageContaining("malformed JSON");
      assertThat(failure("ListParcels", "[{\"weight_grams\":\"heavy\"}]", context("GET", "/v1/parcels", LIST_REQUEST)).pointer())
          .isEqualTo("/0/weight_grams");
      assertThat(failure("ListParcels", "{\"parcels\":[]}", context("GET", "/v1/parcels", LIST_REQUEST)))
          .hasMessageContaining("does not fit the method's response: ");
    }

    private ResponseBodyException failure(String rpc, String body, ResponseContext context) {
      return catchThrowableOfType(ResponseBodyException.class,
          () -> transcoder(rpc).toGrpc(RestResponse.of(200, RestHeaders.NONE, "application/json", body), context));
    }
  }
}
