package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.HttpRule;
import io.grpc.Metadata;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.http.ResponseHead;
import io.rest2grpc.transcoding.http.RestHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuccessTransformTest {
  /** A create that answers 201 with Location and ETag, and 200 when the order already existed. */
  private static final SuccessTransform CREATE = SuccessTransform.of(RestMethod.newBuilder()
      .setSuccessStatus(201).addSuccessStatuses(200).addSuccessStatuses(201)
      .addResponseHeaders("Location").addResponseHeaders("ETag").addResponseHeaders("Link").build());

  private static final RestHeaders SENT = RestHeaders.of(
      "Date", "Wed, 21 Oct 2026 07:28:00 GMT",
      "link", "</v1/orders/42/lines>; rel=\"lines\"",
      "ETag", "W/\"v7\"",
      "location", "https://api.example.com/v1/orders/42",
      "Link", "</v1/customers/7>; rel=\"customer\"");

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }

  @Test
  void documentedHeadersTravelUnderTheirLowerCaseNames() {
    Metadata metadata = CREATE.toMetadata(201, SENT);
    assertThat(metadata.keys()).containsExactlyInAnyOrder("location", "etag", "link");
    assertThat(metadata.getAll(key("link"))).containsExactly("</v1/orders/42/lines>; rel=\"lines\"", "</v1/customers/7>; rel=\"customer\"");
  }

  @Test
  void theSuccessStatusAndHeadersComeBackInTheDocumentedOrder() {
    ResponseHead head = CREATE.fromMetadata(Trailers.overTheWire(CREATE.toMetadata(201, SENT)));
    assertThat(head.status()).isEqualTo(201);
    assertThat(head.headers()).isEqualTo(RestHeaders.of(
        "Location", "https://api.example.com/v1/orders/42",
        "ETag", "W/\"v7\"",
        "Link", "</v1/orders/42/lines>; rel=\"lines\"",
        "Link", "</v1/customers/7>; rel=\"customer\""));
  }

  @Test
  void anotherDocumentedStatusTravelsAsAKey() {
    Metadata metadata = CREATE.toMetadata(200, RestHeaders.of("ETag", "\"v7\""));
    assertThat(metadata.get(SuccessTransform.HTTP_STATUS_KEY)).isEqualTo("200");
    ResponseHead head = CREATE.fromMetadata(Trailers.overTheWire(metadata));
    assertThat(head).isEqualTo(new ResponseHead(200, RestHeaders.of("ETag", "\"v7\"")));
  }

  @Test
  void aMethodWithoutASuccessStatusAnswers200() {
    SuccessTransform get = SuccessTransform.of(RestMethod.newBuilder().addResponseHeaders("ETag").build());
    assertThat(get.toMetadata(200, RestHeaders.NONE).keys()).isEmpty();
    assertThat(get.fromMetadata(new Metadata())).isEqualTo(new ResponseHead(200, RestHeaders.NONE));
    assertThat(get.fromMetadata(get.toMetadata(204, RestHeaders.NONE)).status()).isEqualTo(204);
  }

  @Test
  void readsTheMethodFromItsDescriptor() throws Exception {
    SuccessTransform create = SuccessTransform.of(ErrorTransformTest.method(HttpRule.newBuilder().setPost("/v1/orders").build(),
        RestMethod.newBuilder().setSuccessStatus(201).addResponseHeaders("Location").build(), RestFile.getDefaultInstance()));
    Metadata metadata = create.toMetadata(201, SENT);
    assertThat(metadata.keys()).containsExactly("location");
    assertThat(create.fromMetadata(metadata)).isEqualTo(new ResponseHead(201, RestHeaders.of("Location", "https://api.example.com/v1/orders/42")));
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 199, 400, 503})
  void onlySuccessfulStatusesAreTransformed(int status) {
    assertThatThrownBy(() -> CREATE.toMetadata(status, RestHeaders.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(200 to 399), got " + status);
  }

  @Test
  void aStatusKeyThatIsNotASuccessIsRefused() {
    Metadata metadata = new Metadata();
    metadata.put(SuccessTransform.HTTP_STATUS_KEY, "404");
    assertThatThrownBy(() -> CREATE.fromMetadata(metadata))
        .hasMessage("rest2grpc-http-status must be a successful HTTP status (200 to 399), got \"404\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "grpc-status", "TE", "x-trace-bin", "rest2grpc-http-status"})
  void headersGrpcReservesCannotBeDocumented(String header) {
    assertThatThrownBy(() -> SuccessTransform.of(RestMethod.newBuilder().addResponseHeaders(header).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response header " + header)
        .hasMessageContaining("cannot travel as gRPC metadata");
  }
}
