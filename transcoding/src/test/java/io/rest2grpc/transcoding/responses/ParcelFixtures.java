package io.rest2grpc.transcoding.responses;

import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.rest2grpc.test.v1.ListParcelsRequest;
import io.rest2grpc.test.v1.Parcel;
import io.rest2grpc.test.v1.ParcelAddress;
import io.rest2grpc.test.v1.ParcelRef;
import io.rest2grpc.test.v1.ParcelState;
import io.rest2grpc.test.v1.ResponsesProto;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import java.util.Arrays;
import java.util.Map;

/** The parcel service of {@code responses.proto}: its transcoders, requests and a parcel. */
final class ParcelFixtures {
  static final PageTokens TOKENS = PageTokens.create(PageTokenKeys.of("k1", Map.of("k1", secret())));
  static final ParcelRef REF = ParcelRef.newBuilder().setId("p1").build();
  static final ListParcelsRequest LIST_REQUEST = ListParcelsRequest.newBuilder().setPageSize(2).setRecipient("Ada").build();
  static final Parcel PARCEL = Parcel.newBuilder().setId("p1").setRecipient("Ada").setWeightGrams(1200)
      .setState(ParcelState.PARCEL_STATE_IN_TRANSIT)
      .setAddress(ParcelAddress.newBuilder().setStreet("1 Main St").setPostalCode("75001")).build();
  static final String PARCEL_JSON = "{\"id\":\"p1\",\"recipient\":\"Ada\",\"weight_grams\":1200,\"state\":\"in-transit\","
      + "\"address\":{\"street\":\"1 Main St\",\"postal_code\":\"75001\"}}";

  private ParcelFixtures() {}

  static ResponseTranscoder transcoder(String rpc) {
    return ResponseTranscoder.of(ResponsesProto.getDescriptor().findServiceByName("Parcels").findMethodByName(rpc), TOKENS);
  }

  static ResponseContext get(String target) {
    return ResponseContext.of("GET", target, REF);
  }

  static ResponseContext context(String httpMethod, String target, Message request) {
    return ResponseContext.of(httpMethod, target, request);
  }

  /** {@code metadata("location", "/v1/parcels/p1", "etag", "\"v1\"")}. */
  static Metadata metadata(String... keysAndValues) {
    Metadata metadata = new Metadata();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      metadata.put(Metadata.Key.of(keysAndValues[i], Metadata.ASCII_STRING_MARSHALLER), keysAndValues[i + 1]);
    }
    return metadata;
  }

  private static byte[] secret() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 7);
    return secret;
  }
}
