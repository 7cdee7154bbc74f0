package io.rest2grpc.shadow.primary;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class HopByHopHeadersTest {

  @Test
  void theFixedHopByHopHeadersAndTheOnesConnectionNamesAreDroppedTheRestKeptInOrder() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("Connection", "keep-alive, X-Hop")
        .add("Keep-Alive", "timeout=5")
        .add("X-Hop", "secret")
        .add("Transfer-Encoding", "chunked")
        .add("TE", "trailers")
        .add("Upgrade", "h2c")
        .add("Proxy-Authorization", "Basic eA==")
        .add("Authorization", "Bearer t")
        .add("Accept", "application/json")
        .add("Accept", "text/csv");

    HttpHeaders endToEnd = HopByHopHeaders.endToEnd(headers);

    assertThat(endToEnd.names()).containsExactlyInAnyOrder("Authorization", "Accept");
    assertThat(endToEnd.getAll("Accept")).containsExactly("application/json", "text/csv");
  }
}
