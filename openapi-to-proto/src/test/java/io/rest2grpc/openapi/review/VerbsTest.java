package io.rest2grpc.openapi.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.review.Verbs.Standard;
import org.junit.jupiter.api.Test;

class VerbsTest {
  @Test
  void theVerbIsTheOperationsFirstVerbWord() {
    assertThat(Verbs.of("attachPaymentMethod")).contains("attach");
    assertThat(Verbs.of("revokeToken")).contains("revoke");
    assertThat(Verbs.of("shop.orders.attach")).contains("attach");
    assertThat(Verbs.of("orders/get-order")).contains("get");
    assertThat(Verbs.of("ContainerList")).contains("list");
    assertThat(Verbs.of("projects_list")).contains("list");
    assertThat(Verbs.of("loadBalancers_create")).as("not the namespace's load").contains("create");
    assertThat(Verbs.of("genai_detach_agent_function")).contains("detach");
    assertThat(Verbs.of("getRunStep")).as("the first verb, not a later noun that could be one").contains("get");
    assertThat(Verbs.of("deleteListItem")).contains("delete");
  }

  @Test
  void theRouteAndTheNounVerbConventionCorrectTheFirstVerbWord() {
    assertThat(Verbs.of("usage-file-search-calls", "/organization/usage/file_search_calls"))
        .as("search inside the compound segment file_search_calls is a noun").isEmpty();
    assertThat(Verbs.of("admin_inviteRequests_approved_list", "/admin.inviteRequests.approved.list"))
        .as("inviteRequests names a thing: the last segment is the verb").contains("list");
    assertThat(Verbs.of("functionsAccessKey_list", "/v2/functions/namespaces/{namespace_id}/keys")).contains("list");
    assertThat(Verbs.of("uptime_create_check", "/v2/uptime/checks")).as("a verb-first own name keeps its verb").contains("create");
    assertThat(Verbs.of("create_channel_invite", "/channels/{channel_id}/invites")).contains("create");
    assertThat(Verbs.of("PostAppsSecretsDelete", "/v1/apps/secrets/delete")).as("the method, then a route ending in a verb")
        .contains("delete");
    assertThat(Verbs.of("getSearchV2", "/api/v2/search")).as("search is no other standard method's verb").contains("get");
  }

  @Test
  void withoutAKnownVerbTheOperationIsNotJudged() {
    assertThat(Verbs.of("ContainerChanges")).isEmpty();
    assertThat(Verbs.of("frobnicateWidget")).isEmpty();
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
    assertThat(Standard.UPDATE.agrees("replace")).as("a full replacement is not AIP-134's update").isFalse();
    assertThat(Standard.DELETE.agrees("revoke")).isFalse();
    assertThat(Standard.CREATE.agrees("send")).isFalse();
  }
}
