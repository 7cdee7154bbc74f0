package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.errors.ErrorBodies.Sample;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTTP error → Status → (gRPC trailers) → HTTP error, for every status row and every body style. */
class ErrorRoundTripTest {
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String row : HttpStatusCodesTest.rows().toList()) {
      for (Sample sample : ErrorBodies.SAMPLES) {
        cases.add(Arguments.of(row, sample));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void anErrorComesBackAsItWasSent(String row, Sample sample) {
    int status = Integer.parseInt(row.substring(0, 3));
    String httpMethod = row.endsWith("PUT") ? "PUT" : "POST";
    boolean documented = HttpStatusCodesTest.TABLE.containsKey(row);
    ErrorTransform transform = ErrorTransform.of(method(sample, documented ? row : null, httpMethod), "orders.example.com", httpMethod);
    RestResponse sent = RestResponse.of(status, errorHeaders(status, documented), sample.mediaType(), sample.body().apply(status));

    Status grpc = Trailers.roundTrip(transform.toStatus(sent));
    RestResponse back = transform.toHttp(grpc);

    assertThat(grpc.getCode()).isEqualTo(HttpStatusCodesTest.codeOf(row).getNumber());
    assertThat(grpc.getDetailsList().stream().filter(d -> d.is(ErrorInfo.class))).hasSize(1);
    assertThat(grpc.getDetailsList().stream().map(Any::getTypeUrl)).doesNotHaveDuplicates();
    assertThat(back.status()).isEqualTo(status);
    assertThat(lowerCaseNames(back.headers())).isEqualTo(lowerCaseNames(sent.headers()));
    assertThat(back.mediaType()).isEqualTo(sent.mediaType());
    assertSameBody(sent, back);
  }

  /** The method documents the table row with its code (or, with null, any status through "default") with this sample's body. */
  static RestMethod method(Sample sample, String tableRow, String httpMethod) {
    RestError.Builder error = RestError.newBuilder().setBody(sample.layout());
    if (tableRow != null) {
      error.setHttpStatus(Integer.parseInt(tableRow.substring(0, 3))).setCode(HttpStatusCodesTest.TABLE.get(tableRow)).addHeaders("X-RateLimit-Limit");
    }
    return RestMethod.newBuilder().setRestMethod(httpMethod).setRestPath("/orders").addErrors(error).build();
  }

  /** The headers that belong to an error: Retry-After and WWW-Authenticate where they make sense, a documented one. */
  static RestHeaders errorHeaders(int status, boolean documented) {
    List<String> headers = new ArrayList<>();
    if (status == 401) {
      headers.addAll(List.of("WWW-Authenticate", "Bearer realm=\"orders\", error=\"invalid_token\""));
    }
    if (status == 429) {
      headers.addAll(List.of("Retry-After", "120"));
    }
    if (status == 503) {
      headers.addAll(List.of("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"));
    }
    if (documented) {
      headers.addAll(List.of("X-RateLimit-Limit", "100"));
    }
    return RestHeaders.of(headers.toArray(String[]::new));
  }

  static void assertSameBody(RestResponse sent, RestResponse back) {
    if (JsonBodies.parse(sent.body()).isPresent()) {
      Comparison comparison = RestJsonEquivalence.compare(sent.body().toStringUtf8(), back.body().toStringUtf8());
      assertThat(comparison.equal()).as(comparison.describe()).isTrue();
    } else {
      assertThat(back.body()).isEqualTo(sent.body());
    }
  }

  static List<RestHeaders.Header> lowerCaseNames(RestHeaders headers) {
    return headers.list().stream().map(h -> new RestHeaders.Header(h.name().toLowerCase(Locale.ROOT), h.value())).toList();
  }

  static RestErrorOrigin origin(Status status) {
    return StatusDetails.find(status, RestErrorOrigin.class).orElseThrow();
  }
}
