package io.rest2grpc.transcoding.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RestHeadersTest {
  private final RestHeaders headers = RestHeaders.of(
      "Link", "</orders?page=2>; rel=\"next\"", "ETag", "\"v7\"", "link", "</orders?page=9>; rel=\"last\"");

  @Test
  void namesAreLookedUpWhateverTheirCase() {
    assertThat(headers.first("etag")).contains("\"v7\"");
    assertThat(headers.first("ETAG")).contains("\"v7\"");
    assertThat(headers.first("Location")).isEmpty();
  }

  @Test
  void repeatsKeepTheirOrderAndSpelling() {
    assertThat(headers.all("LINK")).containsExactly("</orders?page=2>; rel=\"next\"", "</orders?page=9>; rel=\"last\"");
    assertThat(headers.list()).extracting(RestHeaders.Header::name).containsExactly("Link", "ETag", "link");
  }

  @Test
  void namesAndValuesComeInPairs() {
    assertThatThrownBy(() -> RestHeaders.of("Retry-After"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in pairs");
  }
}
