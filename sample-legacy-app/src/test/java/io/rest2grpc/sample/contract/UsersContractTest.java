package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.sample.support.Exchange;
import io.rest2grpc.sample.support.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UsersContractTest extends ContractTestBase {

  private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"([a-z]+)\"");

  @Test
  void cursorPagingWalksEveryUserOnceAndEndsWithoutNextCursor() {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Exchange page = api.get("/v1/users?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
          .token(Tokens.READER).send();
      assertThat(page.status()).isEqualTo(200);
      page.json().path("items").forEach(user -> ids.add(user.path("id").asLong()));
      cursor = page.json().has("next_cursor") ? page.json().path("next_cursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 50);

    assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void listFiltersByRoleAndOmitsNullFieldsOfSummaries() {
    Exchange customers = api.get("/v1/users?role=support").token(Tokens.READER).send();
    assertThat(customers.json().path("items")).hasSize(1);
    assertThat(customers.json().path("items").get(0).path("display_name").asText()).isEqualTo("Barbara Liskov");
    assertThat(customers.json().has("next_cursor")).isFalse();

    JsonNode zuse = api.get("/v1/users?limit=1&cursor=" + api.get("/v1/users?limit=2").token(Tokens.READER).send()
        .json().path("next_cursor").asText()).token(Tokens.READER).send().json().path("items").get(0);
    assertThat(zuse.path("id").asLong()).isEqualTo(3);
    assertThat(zuse.has("email")).as("UserSummary omits null fields").isFalse();
  }

  @Test
  void listRejectsBadCursorLimitAndRole() {
    assertProblem(api.get("/v1/users?cursor=bm90LWEtY3Vyc29y").token(Tokens.READER).send(), 400, "INVALID_CURSOR");
    assertProblem(api.get("/v1/users?limit=0").token(Tokens.READER).send(), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/v1/users?role=NOT%20A%20ROLE").token(Tokens.READER).send(), 400, "VALIDATION_FAILED");
  }

  @Test
  void userPrintsNullsNestedAddressMapRolesAndTheRenamedField() {
    JsonNode ada = api.get("/v1/users/1").token(Tokens.READER).send().json();
    assertThat(ada.path("display_name").asText()).isEqualTo("Ada Lovelace");
    assertThat(ada.has("full_name")).isFalse();
    assertThat(ada.path("address").path("postal_code").asText()).isEqualTo("SW1Y 4JH");
    assertThat(ada.path("attributes").path("newsletter").asText()).isEqualTo("weekly");
    assertThat(ada.path("roles")).extracting(JsonNode::asText).containsExactly("beta-tester", "customer");

    Exchange turing = api.get("/v1/users/4").token(Tokens.READER).send();
    assertThat(turing.body()).contains("\"phone\":null").contains("\"address\":null");
    assertThat(turing.json().path("attributes").isEmpty()).isTrue();

    assertProblem(api.get("/v1/users/404").token(Tokens.READER).send(), 404, "USER_NOT_FOUND");
  }

  @Test
  void userOrdersPageWithSpringDataParametersAndALinkHeader() {
    Exchange first = api.get("/v1/users/3/orders?size=1&sort=createdAt,asc").token(Tokens.READER).send();
    long total = Long.parseLong(first.header("X-Total-Count"));
    assertThat(total).isGreaterThanOrEqualTo(2);
    assertThat(first.json()).hasSize(1);
    assertThat(first.json().get(0).path("id").asLong()).isEqualTo(1005);
    Map<String, String> links = links(first.header("Link"));
    assertThat(links).containsKeys("first", "next", "last").doesNotContainKey("prev");
    assertThat(links.get("next")).contains("page=1").contains("size=1").contains("sort=createdAt,asc");
    assertThat(links.get("last")).contains("page=" + (total - 1));

    List<Long> ids = new ArrayList<>();
    String next = links.get("next");
    while (next != null) {
      Exchange page = api.get(next.substring(next.indexOf("/v1/"))).token(Tokens.READER).send();
      page.json().forEach(order -> ids.add(order.path("id").asLong()));
      assertThat(links(page.header("Link"))).containsKey("prev");
      next = links(page.header("Link")).get("next");
    }
    assertThat(ids).hasSize((int) total - 1).startsWith(1006L);
  }

  @Test
  void userOrdersRejectUnknownSortPropertyAndUnknownUser() {
    assertProblem(api.get("/v1/users/3/orders?sort=created_at").token(Tokens.READER).send(), 400, "INVALID_SORT");
    assertProblem(api.get("/v1/users/404/orders").token(Tokens.READER).send(), 404, "USER_NOT_FOUND");
  }

  private static Map<String, String> links(String header) {
    Map<String, String> links = new LinkedHashMap<>();
    Matcher matcher = LINK.matcher(header);
    while (matcher.find()) {
      links.put(matcher.group(2), matcher.group(1));
    }
    return links;
  }
}
