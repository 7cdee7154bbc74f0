package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.facts;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.report.Category;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services, RPC names, request/response messages and HttpRules; every output compiled and linted. */
class ServiceMappingTest {
  @TempDir Path dir;

  private static final String HEADER = """
      openapi: 3.0.3
      info: {title: Acme Orders API, version: 2.1.0}
      servers: [{url: 'https://api.acme.example/v2'}]
      """;

  private Conversion convertPaths(String paths) {
    Conversion c = convert(dir, HEADER + "paths:\n" + paths.indent(2) + """
        components:
          schemas:
            Order: {type: object, properties: {id: {type: string}, status: {type: string}}}
        """);
    assertCompilesAndLints(c, dir);
    return c;
  }

  @Test
  void anOptionalNumberOrBooleanParameterKeepsItsPresence() {
    Conversion c = convertPaths("""
        /orders:
          get:
            operationId: listOrders
            parameters:
              - {name: archived, in: query, schema: {type: boolean}}
              - {name: limit, in: query, schema: {type: integer, format: int32, minimum: 1}}
              - {name: min_total, in: query, schema: {type: number, default: 0}}
              - {name: urgent, in: query, schema: {type: boolean, default: false}}
              - {name: customer, in: query, required: true, schema: {type: integer, format: int64}}
              - {name: q, in: query, schema: {type: string}}
            responses: {'200': {description: ok}}
        """);

    assertThat(protoText(c, "orders_service.proto"))
        .as("?archived=false and ?limit=0 are not leaving the parameter out").contains("optional bool archived = 1;")
        .contains("optional int32 limit = 2;")
        .as("a default gives presence already").contains("optional double min_total = 3")
        .contains("optional bool urgent = 4")
        .contains("  int64 customer = 5 [(google.api.field_behavior) = REQUIRED];")
        .contains("  string q = 6;");
  }

  @Test
  void aTypeInASharedParameterIsNamedAfterItsKeyNotItsFirstRequest() {
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters: [{$ref: '#/components/parameters/sortOrder'}]
              responses: {'200': {description: ok}}
          /items:
            get:
              operationId: listItems
              parameters: [{$ref: '#/components/parameters/sortOrder'}]
              responses: {'200': {description: ok}}
        components:
          parameters:
            sortOrder: {name: sort, in: query, schema: {type: string, enum: [asc, desc]}}
        """);
    assertCompilesAndLints(c, dir.resolve("compiled"));
    assertThat(protoText(c, "models.proto")).contains("enum SortOrder {").doesNotContain("ListOrdersRequestSort");
    assertThat(protoText(c, "items_service.proto")).contains("SortOrder sort = 1;");
  }

  @Test
  void standardMethodsServicesAndPackage() {
    Conversion c = convertPaths("""
        /orders:
          get:
            tags: [Orders]
            operationId: findOrders
            parameters:
              - {name: status, in: query, schema: {type: array, items: {type: string}}}
              - {name: per_page, in: query, schema: {type: integer, format: int32}}
            responses:
              '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}}
          post:
            tags: [Orders]
            requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
            responses:
              '201': {description: created, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
        /orders/{orderId}:
          parameters: [{name: orderId, in: path, required: true, schema: {type: string}}]
          get:
            tags: [Orders]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
          patch:
            tags: [Orders]
            requestBody: {content: {application/merge-patch+json: {schema: {$ref: '#/components/schemas/Order'}}}}
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
          put:
            tags: [Orders]
            requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
          delete:
            tags: [Orders]
            responses: {'204': {description: deleted}}
        /users/{userId}/orders:
          get:
            responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}}}
        /health:
          get:
            operationId: health_check
            responses: {'200': {description: ok, content: {text/plain: {schema: {type: string}}}}}
        """);
    assertThat(c.packageName()).isEqualTo("acme_orders.v2");
    String orders = protoText(c, "orders_service.proto");
    assertThat(orders).contains("service OrdersService {",
        "rpc ListOrders(ListOrdersRequest) returns (ListOrdersResponse) {\n    option (google.api.http) = {\n      get: \"/v2/orders\"\n      response_body: \"orders\"",
        "rpc CreateOrder(CreateOrderRequest) returns (Order) {\n    option (google.api.http) = {\n      post: \"/v2/orders\"\n      body: \"order\"",
        "rpc GetOrder(GetOrderRequest) returns (Order) {\n    option (google.api.http) = {\n      get: \"/v2/orders/{order_id}\"",
        "rpc UpdateOrder(UpdateOrderRequest) returns (Order) {\n    option (google.api.http) = {\n      patch: \"/v2/orders/{order_id}\"\n      body: \"order\"",
        "rpc ReplaceOrder(ReplaceOrderRequest) returns (Order) {\n    option (google.api.http) = {\n      put: \"/v2/orders/{order_id}\"",
        "rpc DeleteOrder(DeleteOrderRequest) returns (google.protobuf.Empty)",
        "repeated string status = 1;", "int32 page_size = 2;", "string page_token = 3;",
        "message ListOrdersResponse {\n  repeated Order orders = 1;\n  // The token of the next page; empty on the last one.\n  string next_page_token = 2;\n}");
    assertThat(protoText(c, "users_service.proto")).contains("service UsersService {", "rpc ListUserOrders(ListUserOrdersRequest)");
    assertThat(protoText(c, "health_service.proto")).contains("rpc CheckHealth(CheckHealthRequest) returns (google.api.HttpBody)");
    assertThat(facts(c, "acme_orders.v2.OrdersService.CreateOrder"))
        .containsEntry("success_status", "201").containsEntry("response_headers", List.of("Location"));
    assertThat(facts(c, "acme_orders.v2.OrdersService.DeleteOrder")).containsEntry("success_status", "204");
    assertThat(c.report().countsByCategory()).containsKey(Category.STANDARD_METHOD_NAME);
  }

  @Test
  void aDefaultResponseShapesTheResponseWhenNo2xxIsDocumented() {
    Conversion c = convertPaths("""
        /status:
          get:
            operationId: getStatus
            responses:
              default: {description: any, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
        """);
    assertThat(protoText(c)).contains("rpc GetStatus(GetStatusRequest) returns (Order)");
  }

  @Test
  void groupByPathAndExplicitPackage() {
    Conversion c = convert(dir, HEADER + """
        paths:
          /v9/widgets:
            get:
              tags: [Misc]
              responses: {'204': {description: ok}}
        """, new ConversionOptions("acme.widgets.v1", ConversionOptions.GroupBy.PATH, 1 << 20));
    assertCompilesAndLints(c, dir);
    assertThat(c.packageName()).isEqualTo("acme.widgets.v1");
    assertThat(protoText(c, "widgets_service.proto")).contains("package acme.widgets.v1;", "service WidgetsService {");
  }

  @Test
  void parametersBodiesAndResponsesHttpRuleCannotExpress() {
    Conversion c = convertPaths("""
        /Accounts/{Sid}.json:
          get:
            operationId: fetchAccount
            parameters:
              - {name: Sid, in: path, required: true, schema: {type: string}}
              - {name: Authorization, in: header, schema: {type: string}}
              - {name: X-Request-Id, in: header, schema: {type: string}}
              - {name: 'filter[status]', in: query, schema: {type: string}}
              - {name: where, in: query, style: deepObject, schema: {type: object, properties: {a: {type: string}}}}
              - {name: ids, in: query, explode: false, schema: {type: array, items: {type: string}}}
            responses: {'200': {description: ok, content: {application/json: {schema: {type: string}}}}}
        /files/:
          post:
            operationId: uploadFile
            requestBody: {content: {application/octet-stream: {schema: {type: string, format: binary}}}}
            responses: {'200': {description: ok}}
        /forms:
          post:
            operationId: submitForm
            requestBody: {content: {application/x-www-form-urlencoded: {schema: {type: object, properties: {name: {type: string}}}}}}
            responses: {'200': {description: ok}}
        /multi:
          post:
            operationId: sendParts
            requestBody: {content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}}}
            responses: {'200': {description: ok}}
        /search?mode=fast:
          get:
            operationId: searchFast
            requestBody: {content: {application/json: {schema: {type: object}}}}
            responses: {'200': {description: ok}}
        /search?mode=slow:
          get:
            operationId: searchSlow
            responses: {'200': {description: ok}}
        """);
    String text = protoText(c);
    assertThat(text).contains("get: \"/v2/Accounts/{sid}\"", "string x_request_id = 2;", "string filter_status = 3;",
        "message GetAccountResponse {\n  string value = 1;\n}", "response_body: \"value\"",
        "post: \"/v2/files\"", "google.api.HttpBody body = 1;", "rpc SearchSlow(SearchSlowRequest) returns (google.protobuf.Empty) {\n    option idempotency_level = NO_SIDE_EFFECTS;\n  }");
    assertThat(text).doesNotContain("authorization");
    var counts = c.report().countsByCategory();
    assertThat(counts).containsKeys(Category.PARTIAL_SEGMENT_VARIABLE, Category.TRAILING_SLASH, Category.QUERY_OR_FRAGMENT_IN_PATH,
        Category.DUPLICATE_TEMPLATE, Category.QUERY_NAME_NOT_FIELD_PATH, Category.QUERY_STYLE, Category.RAW_BODY,
        Category.FORM_BODY, Category.MULTIPART_BODY, Category.BODY_ON_GET, Category.HEADER_PARAMETER,
        Category.WRAPPED_RESPONSE);
    assertThat(facts(c, "acme_orders.v2.AccountsService.GetAccount")).containsEntry("rest_path", "/v2/Accounts/{Sid}.json")
        .containsEntry("rest_path_fields", Map.of("Sid", "sid")).containsEntry("metadata_headers", List.of("Authorization"));
    assertThat(facts(c, "acme_orders.v2.GetAccountRequest.x_request_id")).containsEntry("rest_header", "X-Request-Id");
  }

  @Test
  void aBodyComponentNamedLikeTheRequestIsTheRequest() {
    Conversion c = convert(dir, HEADER + """
        paths:
          /orders:
            post:
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/CreateOrderRequest'}}}}
              responses: {'200': {description: ok}}
          /orders/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              responses: {'200': {description: ok}}
            put:
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/UpdateOrderRequest'}}}}
              responses: {'200': {description: ok}}
        components:
          schemas:
            CreateOrderRequest: {type: object, properties: {sku: {type: string}}}
            UpdateOrderRequest: {type: object, properties: {sku: {type: string}}}
        """);
    assertCompilesAndLints(c, dir);
    String text = protoText(c);
    assertThat(text).contains("rpc CreateOrder(CreateOrderRequest) returns (google.protobuf.Empty) {\n    option (google.api.http) = {\n      post: \"/v2/orders\"\n      body: \"*\"",
        "message UpdateOrderRequest {\n  string id = 1", "UpdateOrderRequestBody order = 2;", "message UpdateOrderRequestBody {");
  }

  @Test
  void swagger2BasePathAndBodyParameters() {
    Conversion c = convert(dir, """
        swagger: '2.0'
        info: {title: Pet Store, version: '1.0'}
        basePath: /api
        paths:
          /pets:
            post:
              tags: [pets]
              parameters:
                - {name: pet, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
              responses:
                '200': {description: ok, schema: {$ref: '#/definitions/Pet'}}
        definitions:
          Pet:
            type: object
            properties:
              name: {type: string, x-nullable: true}
        """);
    assertCompilesAndLints(c, dir);
    assertThat(protoText(c)).contains("rpc PostPets(PostPetsRequest) returns (Pet)", "post: \"/api/pets\"", "body: \"body\"",
        "optional string name = 1;");
  }
}
