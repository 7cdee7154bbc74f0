package io.rest2grpc.transcoding.oracle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.rest2grpc.test.v1.Oracle;
import io.rest2grpc.test.v1.OracleFilter;
import io.rest2grpc.test.v1.OracleRequest;
import io.rest2grpc.test.v1.OracleResponse;
import io.rest2grpc.test.v1.OracleStatus;
import io.rest2grpc.test.v1.Card;
import io.rest2grpc.test.v1.FormTicketRequest;
import io.rest2grpc.test.v1.Labels;
import io.rest2grpc.test.v1.OracleShapesProto;
import io.rest2grpc.test.v1.Payment;
import io.rest2grpc.test.v1.RequestsProto;
import io.rest2grpc.test.v1.RouteBook;
import io.rest2grpc.test.v1.RouteRequest;
import io.rest2grpc.test.v1.Routing;
import io.rest2grpc.test.v1.SearchTicketsRequest;
import io.rest2grpc.test.v1.ShapeRequest;
import io.rest2grpc.test.v1.TicketFilter;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.oracle.ArmeriaOracle.Captured;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The oracle on the test protos: which RPC Armeria's transcoding calls and the exact request it
 * builds, for each kind of HttpRule route; then, one test per class, where Armeria's reading of a
 * request departs from the REST contract (the classes proof 3 sorts every difference into).
 */
class ArmeriaOracleTest {
  private static final String ROUTING = "rest2grpc.test.v1.RoutingService.";
  private static final String ORACLE = "rest2grpc.test.v1.OracleService.";
  private static final String TICKETS = "rest2grpc.test.v1.TicketService.";
  private static final String SHAPES = "rest2grpc.test.v1.ShapeService.";
  private static final long ABOVE_2_53 = 9_007_199_254_740_993L;

  private static final RouteTable ROUTES = RouteTable.of(List.of(Routing.getDescriptor()));
  private static final HttpTranscoder ENGINE = HttpTranscoder.of(List.of(RequestsProto.getDescriptor(), OracleShapesProto.getDescriptor()));

  private static ArmeriaOracle oracle;

  @BeforeAll
  static void start() {
    oracle = ArmeriaOracle.start(List.of(Routing.getDescriptor(), Oracle.getDescriptor(), RequestsProto.getDescriptor(),
            OracleShapesProto.getDescriptor()),
        Map.of(ORACLE + "CreateItem", OracleResponse.newBuilder().setTotal(ABOVE_2_53).build()));
  }

  @AfterAll
  static void stop() {
    oracle.close();
  }

  private static Captured postJson(String pathAndQuery, String json) {
    return oracle.send("POST", pathAndQuery, Map.of("content-type", "application/json"), json.getBytes(UTF_8));
  }

  /** The request message the engine binds: the REST contract's reading. */
  private static Message engineRequest(String method, String target, RestHeaders headers, String contentType, String body) {
    Routed routed = ENGINE.toGrpc(RestRequest.of(method, target, headers, contentType, ByteString.copyFromUtf8(body)));
    assertThat(routed).as("the engine routes %s %s", method, target).isInstanceOf(Routed.Call.class);
    return ((Routed.Call) routed).request().message();
  }

  private static String rpcOf(RouteMatch match) {
    return ((RouteMatch.Matched) match).route().method().getName();
  }

  private static void assertCalled(Captured captured, String rpc, Message expected) {
    assertThat(captured.rpc()).as("RPC called (Armeria answered %s %s)", captured.status(), captured.responseBody())
        .isEqualTo(rpc);
    assertThat(captured.status()).isEqualTo(200);
    assertThat(captured.request()).isEqualTo(DynamicMessage.newBuilder(expected).build());
  }

  @Nested
  class Routes {
    @Test
    void pathVariable() {
      assertCalled(oracle.send("GET", "/v1/receipts/r1"), ROUTING + "DownloadReceipt", RouteRequest.newBuilder().setName("r1").build());
    }

    @Test
    void percentEncodedSegmentIsDecoded() {
      assertCalled(oracle.send("GET", "/v1/receipts/a%20b%2Fc%C3%A9"), ROUTING + "DownloadReceipt",
          RouteRequest.newBuilder().setName("a b/cé").build());
    }

    @Test
    void multiSegmentVariableKeepsItsLiterals() {
      assertCalled(oracle.send("GET", "/v1/shelves/s1/books/b2"), ROUTING + "GetBook",
          RouteRequest.newBuilder().setName("shelves/s1/books/b2").build());
    }

    @Test
    void doubleWildcardKeepsSlashes() {
      assertCalled(oracle.send("GET", "/v1/files/a/b/c.txt"), ROUTING + "GetFile", RouteRequest.newBuilder().setPath("a/b/c.txt").build());
    }

    @Test
    void customVerbWithNestedFieldPathAndBodyStar() {
      assertCalled(postJson("/v1/shelves/s1/books/b7:publish", "{\"name\": \"n\", \"library\": \"l\"}"), ROUTING + "PublishBook",
          RouteRequest.newBuilder().setShelf("s1").setBook(RouteBook.newBuilder().setId("b7")).setName("n").setLibrary("l").build());
    }

    @Test
    void bodyStarAndAdditionalBinding() {
      assertCalled(postJson("/v1/shelves", "{\"shelf\": \"s2\"}"), ROUTING + "CreateShelf", RouteRequest.newBuilder().setShelf("s2").build());
      assertCalled(postJson("/v1/libraries/lib1/shelves", "{\"shelf\": \"s3\"}"), ROUTING + "CreateShelf",
          RouteRequest.newBuilder().setLibrary("lib1").setShelf("s3").build());
    }

    @Test
    void queryParameterIntoNestedField() {
      assertCalled(oracle.send("GET", "/v1/receipts/r1?book.id=b9&library=l1"), ROUTING + "DownloadReceipt",
          RouteRequest.newBuilder().setName("r1").setLibrary("l1").setBook(RouteBook.newBuilder().setId("b9")).build());
    }

    @Test
    void repeatedQueryParameters() {
      assertCalled(oracle.send("GET", "/v1/shops/sh1/items?tags=a&tags=b%20c&filter.state=open"), ORACLE + "ListItems",
          OracleRequest.newBuilder().setShop("sh1").addTags("a").addTags("b c").setFilter(OracleFilter.newBuilder().setState("open")).build());
    }

    @Test
    void noRouteAndWrongMethodCallNothing() {
      Captured unknown = oracle.send("GET", "/v1/nowhere");
      Captured wrongMethod = oracle.send("DELETE", "/v1/shelves/s1");

      assertThat(List.of(unknown.called(), unknown.status(), wrongMethod.called(), wrongMethod.status()))
          .containsExactly(false, 404, false, 405);
    }
  }

  /** Each class of difference between Armeria's transcoding and the REST contract, shown on Armeria's actual behaviour. */
  @Nested
  class Differences {
    @Test
    void int64IsReadFromNumbersAndStringsButPrintedAsString() {
      Captured captured = postJson("/v1/shops/sh1/items?filter.min_total=" + ABOVE_2_53, "{\"total\": \"" + ABOVE_2_53 + "\"}");

      assertCalled(captured, ORACLE + "CreateItem", OracleRequest.newBuilder().setShop("sh1").setTotal(ABOVE_2_53)
          .setFilter(OracleFilter.newBuilder().setMinTotal(ABOVE_2_53)).build());
      assertThat(captured.responseBody()).isEqualTo("{\"total\":\"9007199254740993\"}");
      assertThat(RestJson.create().print(OracleResponse.newBuilder().setTotal(ABOVE_2_53).build()))
          .as("the REST contract (int64_encoding: NUMBER)").isEqualTo("{\"total\":9007199254740993}");
    }

    /** An unknown name is dropped, not refused: Armeria's default JSON marshaller ignores unknown values, as the oracle's does. */
    @Test
    void enumsAreReadByProtoNameNotWireValue() {
      Captured wireValue = oracle.send("GET", "/v1/shops/sh1/items?status=in-stock");
      Captured protoName = oracle.send("GET", "/v1/shops/sh1/items?status=ORACLE_STATUS_IN_STOCK");

      assertCalled(wireValue, ORACLE + "ListItems", OracleRequest.newBuilder().setShop("sh1").build());
      assertCalled(protoName, ORACLE + "ListItems", OracleRequest.newBuilder().setShop("sh1").setStatus(OracleStatus.ORACLE_STATUS_IN_STOCK).build());
      assertThat(RestJson.create().parse("{\"status\": \"in-stock\"}", OracleRequest.newBuilder()).getStatus())
          .as("the REST contract").isEqualTo(OracleStatus.ORACLE_STATUS_IN_STOCK);
    }

    @Test
    void bodyMembersAreReadByJsonNameNotRestName() {
      String body = "{\"kind\": \"k\", \"created_by\": \"c\"}";

      assertCalled(postJson("/v1/shops/sh1/items", body), ORACLE + "CreateItem", OracleRequest.newBuilder().setShop("sh1").setCreatedBy("c").build());
      assertThat(RestJson.create().parse(body, OracleRequest.newBuilder()).build())
          .as("the REST contract").isEqualTo(OracleRequest.newBuilder().setKindName("k").setCreatedBy("c").build());
    }

    @Test
    void queryParametersAreReadByProtoFieldNameOnly() {
      Captured camel = oracle.send("GET", "/v1/shops/sh1/items?pageSize=10&filter.minTotal=3&kind=k");
      Captured proto = oracle.send("GET", "/v1/shops/sh1/items?page_size=10&filter.min_total=3&kind_name=k");

      assertCalled(camel, ORACLE + "ListItems", OracleRequest.newBuilder().setShop("sh1").build());
      assertCalled(proto, ORACLE + "ListItems", OracleRequest.newBuilder().setShop("sh1").setPageSize("10").setKindName("k")
          .setFilter(OracleFilter.newBuilder().setMinTotal(3)).build());
    }

    @Test
    void customHeadRuleIsIgnored() {
      Captured head = oracle.send("HEAD", "/v1/shelves/s1");

      assertThat(List.of(head.called(), head.status())).containsExactly(false, 405);
      assertThat(rpcOf(ROUTES.match("HEAD", "/v1/shelves/s1"))).as("the REST contract").isEqualTo("HeadShelf");
    }

    @Test
    void optionOnlyRoutesAreInvisible() {
      assertCalled(oracle.send("GET", "/v1/Accounts/AC1.json"), ROUTING + "GetAccount", RouteRequest.newBuilder().setSid("AC1.json").build());
      assertThat(oracle.send("POST", "/v1/things/?op=CreateThing").called()).isFalse();
      assertThat(((RouteMatch.Matched) ROUTES.match("GET", "/v1/Accounts/AC1.json")).variables())
          .as("the REST contract (rest_path /v1/Accounts/{Sid}.json)").isEqualTo(Map.of("sid", "AC1"));
      assertThat(rpcOf(ROUTES.match("POST", "/v1/things/?op=CreateThing"))).as("the REST contract").isEqualTo("CreateThing");
    }

    /**
     * Armeria tries overlapping routes in its registration order, a hash order of its {@code Route}s
     * (their hash takes in {@code HttpMethod} enum constants, whose hash is per JVM run): which of
     * {@code /v1/shelves/special}, {@code /v1/shelves/{shelf}} and {@code /v1/shelves/{name}} answers
     * changed between two runs of this test. The REST contract: the most specific, the first declared
     * of indistinguishable ones (the other reported), every time.
     */
    @Test
    void overlappingTemplatesAreTriedInHashOrder() {
      assertThat(oracle.send("GET", "/v1/shelves/special").rpc())
          .isIn(ROUTING + "GetSpecialShelf", ROUTING + "GetShelf", ROUTING + "GetShelfAgain");
      assertThat(oracle.send("GET", "/v1/shelves/s1").rpc()).isIn(ROUTING + "GetShelf", ROUTING + "GetShelfAgain");
      assertThat(List.of(rpcOf(ROUTES.match("GET", "/v1/shelves/special")), rpcOf(ROUTES.match("GET", "/v1/shelves/s1"))))
          .as("the REST contract").containsExactly("GetSpecialShelf", "GetShelf");
    }

    @Test
    void queryStylesOtherThanRepeatedKeysAreNotSplit() {
      String target = "/v1/projects/p1/tickets:search?tags=a,b&where%5Bowner%5D=ann";
      Captured captured = oracle.send("GET", target);

      assertCalled(captured, TICKETS + "SearchTickets", SearchTicketsRequest.newBuilder().setProject("p1").addTags("a,b").build());
      assertThat(engineRequest("GET", target, RestHeaders.NONE, "", "")).as("the REST contract (comma, deepObject)")
          .isEqualTo(SearchTicketsRequest.newBuilder().setProject("p1").addTags("a").addTags("b")
              .setWhere(TicketFilter.newBuilder().setOwner("ann")).build());
    }

    @Test
    void headerAndCookieParametersAreNotBound() {
      Captured captured = oracle.send("GET", "/v1/projects/p1/tickets:search", Map.of("X-Trace-Tag", "t1", "Cookie", "session=s1"), new byte[0]);

      assertCalled(captured, TICKETS + "SearchTickets", SearchTicketsRequest.newBuilder().setProject("p1").build());
      assertThat(engineRequest("GET", "/v1/projects/p1/tickets:search", RestHeaders.of("X-Trace-Tag", "t1", "Cookie", "session=s1"), "", ""))
          .as("the REST contract").isEqualTo(SearchTicketsRequest.newBuilder().setProject("p1").setRequestId("t1").setSession("s1").build());
    }

    @Test
    void unionMembersAreReadUnderTheVariantsNameOnly() {
      String body = "{\"payment\": {\"method\": \"card\", \"token\": \"t\"}}";
      Captured captured = oracle.send("PUT", "/v1/shops/sh1/shape", Map.of("content-type", "application/json"), body.getBytes(UTF_8));

      assertCalled(captured, SHAPES + "PutShape", ShapeRequest.newBuilder().setShop("sh1").setPayment(Payment.getDefaultInstance()).build());
      assertThat(engineRequest("PUT", "/v1/shops/sh1/shape", RestHeaders.NONE, "application/json", body)).as("the REST contract")
          .isEqualTo(ShapeRequest.newBuilder().setShop("sh1").setPayment(Payment.newBuilder().setCard(Card.newBuilder().setMethod("card").setToken("t")))
              .build());
    }

    @Test
    void unwrappedMapEntriesBesideTheMembersAreDropped() {
      String body = "{\"labels\": {\"name\": \"n\", \"team\": \"core\"}}";
      Captured captured = oracle.send("PUT", "/v1/shops/sh1/shape", Map.of("content-type", "application/json"), body.getBytes(UTF_8));

      assertCalled(captured, SHAPES + "PutShape", ShapeRequest.newBuilder().setShop("sh1").setLabels(Labels.newBuilder().setName("n")).build());
      assertThat(engineRequest("PUT", "/v1/shops/sh1/shape", RestHeaders.NONE, "application/json", body)).as("the REST contract")
          .isEqualTo(ShapeRequest.newBuilder().setShop("sh1").setLabels(Labels.newBuilder().setName("n").putAdditionalProperties("team", "core"))
              .build());
    }

    @Test
    void nonJsonBodiesAreRefused() {
      String body = "title=t&points=3";
      Captured captured = oracle.send("POST", "/v1/form-tickets", Map.of("content-type", "application/x-www-form-urlencoded"), body.getBytes(UTF_8));

      assertThat(List.of(captured.called(), captured.status())).containsExactly(false, 400);
      assertThat(engineRequest("POST", "/v1/form-tickets", RestHeaders.NONE, "application/x-www-form-urlencoded", body)).as("the REST contract")
          .isEqualTo(FormTicketRequest.newBuilder().setTitle("t").setPoints(3).build());
    }
  }
}
