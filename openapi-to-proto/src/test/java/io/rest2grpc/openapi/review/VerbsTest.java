package io.rest2grpc.openapi.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.review.Verbs.Standard;
import org.junit.jupiter.api.Test;

class VerbsTest {
  @Test
  void theVerbIsTheOperationsFirstVerbWord() {
    assertThat(Verbs.of("attachPaymentMethod")).isEqualTo("attach");
    assertThat(Verbs.of("revokeToken")).isEqualTo("revoke");
    assertThat(Verbs.of("shop.orders.attach")).isEqualTo("attach");
    assertThat(Verbs.of("orders/get-order")).isEqualTo("get");
    assertThat(Verbs.of("ContainerList")).isEqualTo("list");
    assertThat(Verbs.of("projects_list")).isEqualTo("list");
    assertThat(Verbs.of("post_oauth2_revoke")).as("an HTTP method gives way to the real verb").isEqualTo("revoke");
    assertThat(Verbs.of("deleteListItem")).as("but not to a standard one").isEqualTo("delete");
    assertThat(Verbs.of("frobnicateWidget")).as("unknown: the first word").isEqualTo("frobnicate");
  }

  @Test
  void aStandardNameIsAStandardPrefixAndANoun() {
    assertThat(Standard.ofName("UpdatePaymentMethod")).contains(Standard.UPDATE);
    assertThat(Standard.ofName("ListPets")).contains(Standard.LIST);
    assertThat(Standard.ofName("Listen")).isEmpty();
    assertThat(Standard.ofName("Get")).isEmpty();
    assertThat(Standard.ofName("AttachPaymentMethod")).isEmpty();
  }

  @Test
  void synonymsAgreeOtherVerbsDisagree() {
    assertThat(Standard.GET.agrees("fetch")).isTrue();
    assertThat(Standard.LIST.agrees("find")).isTrue();
    assertThat(Standard.CREATE.agrees("add")).isTrue();
    assertThat(Standard.UPDATE.agrees("put")).isTrue();
    assertThat(Standard.DELETE.agrees("remove")).isTrue();
    assertThat(Standard.UPDATE.agrees("attach")).isFalse();
    assertThat(Standard.DELETE.agrees("revoke")).isFalse();
    assertThat(Standard.CREATE.agrees("send")).isFalse();
  }
}
