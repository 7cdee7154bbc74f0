package io.rest2grpc.transcoding.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test
  void findsTheNextLinkAmongSeveral() {
    String github = "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", "
        + "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"";

    assertThat(LinkHeader.next(List.of(github))).contains("https://api.github.com/repositories/1/issues?page=2");
    assertThat(LinkHeader.next(List.of("<https://h/a?page=1>; rel=\"prev\", <https://h/a?page=3>; rel=next")))
        .contains("https://h/a?page=3");
  }

  @Test
  void readsQuotedParametersWithCommasSemicolonsAndEscapes() {
    String value = "<https://h/a?p=1>; title=\"a, b; rel=next \\\"c\\\"\"; rel=\"prev\", "
        + "<https://h/a?p=3>;title=\"x,y\";REL=\"Next   last\"";

    assertThat(LinkHeader.next(List.of(value))).contains("https://h/a?p=3");
  }

  @Test
  void onlyTheFirstRelCounts() {
    assertThat(LinkHeader.next(List.of("<https://h/a?p=3>; rel=\"prev\"; rel=\"next\""))).isEmpty();
  }

  @Test
  void looksInEveryHeaderFieldAndStopsAtGarbage() {
    assertThat(LinkHeader.next(List.of("<https://h/a?p=1>; rel=prev", "<https://h/a?p=3>; rel=next")))
        .contains("https://h/a?p=3");
    assertThat(LinkHeader.next(List.of("nonsense, <https://h/a?p=3>; rel=next"))).isEmpty();
    assertThat(LinkHeader.next(List.of())).isEmpty();
  }

  @Test
  void writesANextLinkItReadsBack() {
    assertThat(LinkHeader.next(List.of(LinkHeader.link("/a?b=1&c=2", "next")))).contains("/a?b=1&c=2");
  }
}
