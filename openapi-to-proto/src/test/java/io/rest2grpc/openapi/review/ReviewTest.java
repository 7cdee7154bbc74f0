package io.rest2grpc.openapi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each review figure on a hand-written proto compiled by protoc: what it finds, and what it leaves alone. */
class ReviewTest {
  private static final String HEADER = """
      syntax = "proto3";
      package review.v1;
      import "google/api/annotations.proto";
      import "rest2grpc/options/v1/options.proto";
      """;

  @TempDir
  Path folder;

  private Review review(String body) {
    return CompiledProto.review(HEADER + body, folder);
  }

  private static String rpc(String name, String verb, String path, String operationId) {
    return String.format("""
          rpc %s(Req) returns (Res) {
            option (google.api.http) = { %s: "%s" };
            option (rest2grpc.options.v1.method) = { operation_id: "%s" };
          }
        """, name, verb, path, operationId);
  }

  private static final String REQ_RES = """
      message Req { string name = 1; }
      message Res { repeated string items = 1; }
      """;

  @Test
  void namesThatRepeatTheServiceOrDisagreeWithTheirOperationsVerb() {
    Review r = review(REQ_RES + "service OrdersService {\n"
        + rpc("GetOrdersOrder", "get", "/orders/{name}", "getOrdersOrder")
        + rpc("ListOrders", "get", "/orders", "listOrders")
        + rpc("ListOrderItems", "get", "/orders/{name}/items", "listOrderItems")
        + rpc("UpdatePaymentMethod", "put", "/payment-methods/{name}", "attachPaymentMethod")
        + rpc("DeleteToken", "delete", "/tokens/{name}", "revokeToken")
        + rpc("RevokeGrant", "delete", "/grants/{name}", "revokeGrant")
        + rpc("GetItems", "get", "/items", "getItems")
        + rpc("FetchOrder", "get", "/fetch/{name}", "fetchOrder")
        + rpc("CancelOrder", "post", "/orders/{name}:cancel", "cancelOrder")
        + rpc("ListChanges", "get", "/changes", "ContainerChanges")
        + rpc("PostRefund", "post", "/payments/{name}/refund", "postRefund")
        + "  rpc Ping(Req) returns (Res) { option (google.api.http) = { get: \"/ping\" }; }\n}\n");

    assertThat(r.rpcs()).isEqualTo(12);
    assertThat(r.stutters()).containsExactly("OrdersService.GetOrdersOrder");
    assertThat(r.standardNames()).isEqualTo(7);
    assertThat(r.verbDisagrees()).containsExactly("UpdatePaymentMethod(attachPaymentMethod)", "DeleteToken(revokeToken)");
    assertThat(r.missedStandard()).as("standard shape and verb, own name; a revoke or a custom verb (:cancel, /refund) keeps its own")
        .containsExactly("GetItems(getItems, List)", "FetchOrder(fetchOrder, Get)");
    assertThat(r.unjudged()).as("Ping has no operationId, ContainerChanges no verb").isEqualTo(2);
    assertThat(r.sameNameRpcs()).isEmpty();
  }

  @Test
  void anOperationIdNamespaceMostOperationsShareIsAStem() {
    Review r = review(REQ_RES + "service ItemsService {\n"
        + rpc("ShopAttachItem", "post", "/items/{name}:attach", "shop.items.attach")
        + rpc("GetItem", "get", "/items/{name}", "shop.items.get")
        + "}\n");
    assertThat(r.stutters()).containsExactly("ItemsService.ShopAttachItem");
  }

  @Test
  void twoRpcsOfAServiceWithOneNameNeverCompile() {
    CompiledProto compiled = CompiledProto.of(HEADER + REQ_RES
        + "service S {\n  rpc GetItem(Req) returns (Res);\n  rpc GetItem(Req) returns (Res);\n}\n", folder);
    assertThat(compiled.protoc().ok()).as("protoc refuses it, so the corpus pass asserts the figure is 0").isFalse();
    assertThat(compiled.protoc().output()).contains("GetItem").contains("already defined");
  }

  @Test
  void duplicateMessagesIgnoreNumbersOrderCommentsAndRequestsResponses() {
    Review r = review("""
        message Order { string id = 1; int64 total = 2; map<string, string> labels = 3; }
        // A comment the review ignores.
        message Purchase { map<string, string> labels = 7; int64 total = 9; string id = 8; }
        message Basket { optional string id = 1; int64 total = 2; map<string, string> labels = 3; }
        message Cart { string id = 1; int64 total = 2 [json_name = "sum"]; map<string, string> labels = 3; }
        message Sale { string id = 1 [(rest2grpc.options.v1.field) = { nullable: true }]; int64 total = 2; map<string, string> labels = 3; }
        message GetOrderRequest { string name = 1; }
        message DeleteOrderRequest { string name = 1; }
        message GetOrderResponse { string name = 1; }
        """);
    assertThat(r.messages().duplicates()).as("Purchase = Order; Basket (label), Cart (json name), Sale (options) differ").isEqualTo(1);
    assertThat(r.messages().of()).as("requests, responses and map entries are not counted").isEqualTo(5);
    assertThat(r.messages().examples()).containsExactly("Order = Purchase");
  }

  @Test
  void duplicateEnumsHaveTheSameWireValues() {
    Review r = review("""
        enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1 [(rest2grpc.options.v1.enum_value) = { string_value: "red" }]; }
        enum Hue { HUE_UNSPECIFIED = 0; HUE_RED = 1 [(rest2grpc.options.v1.enum_value) = { string_value: "red" }]; }
        enum Shade { SHADE_UNSPECIFIED = 0; SHADE_RED = 1 [(rest2grpc.options.v1.enum_value) = { string_value: "Red" }]; }
        enum Tint { TINT_UNSPECIFIED = 0; TINT_RED = 2 [(rest2grpc.options.v1.enum_value) = { string_value: "red" }]; }
        enum Plain { PLAIN_UNSPECIFIED = 0; PLAIN_RED = 1; }
        enum Other { OTHER_UNSPECIFIED = 0; OTHER_RED = 1; }
        """);
    assertThat(r.enums().examples()).as("same REST values and numbers; Shade's value and Tint's number differ")
        .containsExactly("Color = Hue", "Plain = Other");
    assertThat(r.enums().duplicates()).isEqualTo(2);
    assertThat(r.enums().of()).isEqualTo(6);
  }

  @Test
  void selfTypedMembersPageTokenNAndValueN() {
    Review r = review("""
        message Node { oneof kind { Node child = 1; string leaf = 2; Tree tree = 3; } Node parent = 4; }
        message Tree { oneof kind { Node node = 1; } }
        message ListThingsRequest { string page_token = 1; string page_token_2 = 2; }
        message ListThingsResponse { string next_page_token = 1; string next_page_token_2 = 2; string page_token_count = 3; }
        enum Rate {
          option (rest2grpc.options.v1.enum_type) = { integer_values: true };
          RATE_UNSPECIFIED = 0;
          RATE_VALUE_60 = 1 [(rest2grpc.options.v1.enum_value) = { integer_value: 60 }];
          RATE_VALUE_600 = 2 [(rest2grpc.options.v1.enum_value) = { integer_value: 600 }];
        }
        enum Level { LEVEL_UNSPECIFIED = 0; LEVEL_VALUE_1 = 1; }
        """);
    assertThat(r.selfTypedMembers()).as("only a oneof member of the message's own type").containsExactly("Node.child");
    assertThat(r.pageTokenN()).containsExactly("ListThingsRequest.page_token_2", "ListThingsResponse.next_page_token_2");
    assertThat(r.valueNEnums()).as("integer enums only").containsExactly("Rate");
    assertThat(r.valueNValues()).isEqualTo(2);
  }

  @Test
  void longLinesOutsideCommentsAndThePackage() {
    String longComment = "// " + "x".repeat(250) + "\n";
    String longOption = "message Long { string id = 1 [(rest2grpc.options.v1.field) = { rest_name: \"" + "y".repeat(200) + "\" }]; }\n";
    Review r = review(longComment + longOption);
    assertThat(r.longLines()).hasSize(1).first().asString().startsWith(CompiledProto.FILE + ":" + (HEADER.lines().count() + 2) + " (");
    assertThat(r.packages()).containsExactly("review.v1");
  }
}
