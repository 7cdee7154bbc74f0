package io.rest2grpc.transcoding.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.test.v1.Routing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static final RouteTable TABLE = RouteTable.of(List.of(Routing.getDescriptor()));

  private static RouteRecord match(String method, String target) {
    RouteMatch match = TABLE.match(method, target);
    assertThat(match).as("%s %s", method, target).isInstanceOf(RouteMatch.Matched.class);
    RouteMatch.Matched m = (RouteMatch.Matched) match;
    return new RouteRecord(m.route().method().getName(), m.variables());
  }

  private record RouteRecord(String rpc, Map<String, String> variables) {}

  @Test
  void aLiteralSegmentBeatsAVariable() {
    assertThat(match("GET", "/v1/shelves/special")).isEqualTo(new RouteRecord("GetSpecialShelf", Map.of()));
    assertThat(match("GET", "/v1/shelves/s1")).isEqualTo(new RouteRecord("GetShelf", Map.of("shelf", "s1")));
  }

  @Test
  void multiSegmentVariablesNestedFieldsAndCustomVerbsBind() {
    assertThat(match("GET", "/v1/shelves/s1/books/b2")).isEqualTo(new RouteRecord("GetBook", Map.of("name", "shelves/s1/books/b2")));
    assertThat(match("POST", "/v1/shelves/s1/books/b2:publish"))
        .isEqualTo(new RouteRecord("PublishBook", Map.of("shelf", "s1", "book.id", "b2")));
  }

  @Test
  void doubleStarKeepsItsSlashesAndSegmentsArePercentDecodedOneByOne() {
    assertThat(match("GET", "/v1/files/a/b%2Fc/d%20e+f")).isEqualTo(new RouteRecord("GetFile", Map.of("path", "a/b/c/d e+f")));
    assertThat(match("GET", "/v1/shelves/caf%C3%A9%2F1")).isEqualTo(new RouteRecord("GetShelf", Map.of("shelf", "café/1")));
    assertThat(match("GET", "/v1/files/")).as("** matches an empty rest").isEqualTo(new RouteRecord("GetFile", Map.of("path", "")));
  }

  @Test
  void additionalBindingsCustomMethodsAndRestPathsAreRoutes() {
    assertThat(match("POST", "/v1/libraries/l1/shelves")).isEqualTo(new RouteRecord("CreateShelf", Map.of("library", "l1")));
    assertThat(match("HEAD", "/v1/shelves/s1")).isEqualTo(new RouteRecord("HeadShelf", Map.of("shelf", "s1")));
    assertThat(match("GET", "/v1/Accounts/AC123.json")).as("Sid fills the field rest_path_fields names")
        .isEqualTo(new RouteRecord("GetAccount", Map.of("sid", "AC123")));
    assertThat(TABLE.match("GET", "/v1/Accounts/AC123")).as("the rest_path replaces the rule's nearest form")
        .isInstanceOf(RouteMatch.NoRoute.class);
  }

  @Test
  void aQueryDiscriminatorPicksAmongOperationsOfOnePath() {
    assertThat(match("POST", "/v1/things/?op=DeleteThing&x=1").rpc()).isEqualTo("DeleteThing");
    assertThat(match("POST", "/v1/things/?op=CreateThing").rpc()).isEqualTo("CreateThing");
    assertThat(TABLE.match("POST", "/v1/things/?op=Other")).isInstanceOf(RouteMatch.MethodNotAllowed.class);
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAllowAndAnUnknownPathIs404() {
    assertThat(TABLE.match("DELETE", "/v1/shelves/s1")).isEqualTo(new RouteMatch.MethodNotAllowed(Set.of("GET", "HEAD")));
    assertThat(TABLE.match("GET", "/v2/shelves/s1")).isInstanceOf(RouteMatch.NoRoute.class);
    assertThat(TABLE.match("GET", "v1/shelves/s1")).isInstanceOf(RouteMatch.NoRoute.class);
  }

  @Test
  void aBodyOfAnotherTypeIs415AndAnAcceptOfNoneOfTheResponsesIs406() {
    assertThat(TABLE.match("POST", "/v1/shelves", "text/plain", null))
        .isEqualTo(new RouteMatch.UnsupportedMediaType(route("CreateShelf", "google.api.http"), Set.of("application/json")));
    assertThat(TABLE.match("POST", "/v1/shelves", "application/json; charset=utf-8", null)).isInstanceOf(RouteMatch.Matched.class);
    assertThat(TABLE.match("POST", "/v1/shelves", "application/merge-patch+json", null)).isInstanceOf(RouteMatch.Matched.class);
    assertThat(TABLE.match("PUT", "/v1/shelves/s1/cover", "image/gif", null)).isInstanceOf(RouteMatch.UnsupportedMediaType.class)
        .extracting(m -> ((RouteMatch.UnsupportedMediaType) m).supported()).isEqualTo(Set.of("image/png", "image/jpeg"));
    assertThat(TABLE.match("PUT", "/v1/shelves/s1/cover", "image/png", null)).isInstanceOf(RouteMatch.Matched.class);
    assertThat(TABLE.match("GET", "/v1/shelves/s1", "text/plain", null)).as("no body taken, none checked")
        .isInstanceOf(RouteMatch.Matched.class);

    assertThat(TABLE.match("GET", "/v1/receipts/r1", null, "application/json"))
        .isEqualTo(new RouteMatch.NotAcceptable(route("DownloadReceipt", "google.api.http"), Set.of("application/pdf")));
    assertThat(TABLE.match("GET", "/v1/receipts/r1", null, "application/pdf;q=0, text/html")).isInstanceOf(RouteMatch.NotAcceptable.class);
    assertThat(TABLE.match("GET", "/v1/receipts/r1", null, "text/html, application/*;q=0.5")).isInstanceOf(RouteMatch.Matched.class);
    assertThat(TABLE.match("GET", "/v1/receipts/r1", null, "*/*")).isInstanceOf(RouteMatch.Matched.class);
  }

  @Test
  void aStreamTakesAndGivesItsFramingsMediaType() {
    assertThat(TABLE.match("POST", "/v1/shelves/s1/events", "application/x-ndjson", null)).isInstanceOf(RouteMatch.Matched.class);
    assertThat(TABLE.match("GET", "/v1/shelves/s1/events", null, "text/event-stream")).isInstanceOf(RouteMatch.Matched.class);
    assertThat(TABLE.match("GET", "/v1/shelves/s1/events", null, "application/json")).isInstanceOf(RouteMatch.NotAcceptable.class);
  }

  private static Route route(String rpc, String origin) {
    return TABLE.routes().stream().filter(r -> r.method().getName().equals(rpc) && r.origin().equals(origin)).findFirst().orElseThrow();
  }

  @Test
  void routesNoRequestCanTellApartAreReportedWhenTheTableIsBuilt() {
    assertThat(TABLE.ambiguities()).singleElement().satisfies(a -> {
      assertThat(a.kept().method().getName()).isEqualTo("GetShelf");
      assertThat(a.shadowed().method().getName()).isEqualTo("GetShelfAgain");
    });
  }

  @Test
  void expandingTheBoundVariablesGivesTheRequestPathBack() {
    for (String target : List.of("/v1/shelves/caf%C3%A9%2F1%20%2B%25", "/v1/shelves/s1/books/b%202", "/v1/files/a/b%20c/%C3%A9",
        "/v1/files/", "/v1/shelves/s1/books/b2:publish", "/v1/Accounts/AC%201.json", "/v1/libraries/l1/shelves")) {
      RouteMatch.Matched m = (RouteMatch.Matched) TABLE.match(target.contains("publish") || target.contains("libraries") ? "POST" : "GET",
          target);
      assertThat(m.route().template().expand(m.variables())).as(target).isEqualTo(target);
    }
    assertThatThrownBy(() -> PathTemplate.ofHttpRule("/v1/{name}").expand(Map.of())).hasMessageContaining("no value for {name}");
    assertThatThrownBy(() -> PathTemplate.ofHttpRule("/v1/*").expand(Map.of())).hasMessageContaining("outside any variable");
  }

  @Test
  void templatesThatAreNoneFailWithTheirText() {
    assertThatThrownBy(() -> PathTemplate.ofHttpRule("/v1/{name=**}/x")).hasMessageContaining("'/v1/{name=**}/x'")
        .hasMessageContaining("'**' must be the last segment");
    assertThatThrownBy(() -> PathTemplate.ofHttpRule("v1/x")).hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> PathTemplate.ofRestPath("/a/{x}-{y}")).hasMessageContaining("one variable per segment");
  }
}
