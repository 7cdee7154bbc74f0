package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.openapi.write.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x-grpc-name and config renames choose RPC, type and field names; the report's names section says which rule named what. */
class ChosenNamesTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      servers: [{url: 'https://api.shop.com/v1'}]
      paths:
        /orders:
          get:
            operationId: listOrders
            tags: [Orders]
            responses:
              '200':
                description: ok
                content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}
          post:
            operationId: placeOrder
            tags: [Orders]
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      note: {type: string}
            responses: {'204': {description: ok}}
      components:
        schemas:
          Order:
            type: object
            properties:
              id: {type: string}
              shipTo:
                type: object
                properties:
                  city: {type: string}
      """;

  private static String with(String spec, String anchor, String insert) {
    assertThat(spec).contains(anchor);
    return spec.replace(anchor, anchor + insert);
  }

  @Test
  void xGrpcNameNamesRpcsTypesAndFields() throws IOException {
    String spec = with(SPEC, "operationId: placeOrder\n", "      x-grpc-name: SubmitOrder\n");
    spec = with(spec, "    Order:\n", "      x-grpc-name: PurchaseOrder\n");
    spec = with(spec, "        shipTo:\n", "          x-grpc-name: shipping_address\n");
    spec = with(spec, "            schema:\n", "              x-grpc-name: OrderDraft\n");
    Conversion c = convert(dir, spec);
    String proto = Specs.protoText(c);
    assertThat(proto).contains("rpc SubmitOrder(SubmitOrderRequest)", "message PurchaseOrder {", "PurchaseOrderShipTo shipping_address = 2",
        "message OrderDraft {");
    assertCompilesAndLints(c, dir);

    JsonNode names = new ObjectMapper().readTree(ReportWriter.json(c)).path("names");
    assertThat(names.path("package").path("name").asText()).isEqualTo("shop.v1");
    assertThat(names.path("package").path("rule").asText()).isEqualTo("server host api.shop.com + base path");
    assertThat(names.path("rpcs").path("shop.v1.OrdersService.SubmitOrder").asText()).isEqualTo("x-grpc-name");
    assertThat(names.path("rpcs").path("shop.v1.OrdersService.ListOrders").asText()).isEqualTo("standard method");
    assertThat(names.path("types").path("shop.v1.PurchaseOrder").asText()).isEqualTo("x-grpc-name");
    assertThat(names.path("types").path("shop.v1.OrderDraft").asText()).isEqualTo("x-grpc-name");
    assertThat(names.path("types").path("shop.v1.PurchaseOrderShipTo").asText()).isEqualTo("inline: where it is written");
    assertThat(names.path("types").path("shop.v1.SubmitOrderRequest").asText()).isEqualTo("RPC + Request");
  }

  @Test
  void configRenamesAreXGrpcNamesKeyedByJsonPointer() throws IOException {
    Path config = dir.resolve("rest2grpc.yaml");
    Files.writeString(config, """
        renames:
          /paths/~1orders/post: SubmitOrder
          /components/schemas/Order: PurchaseOrder
          /components/schemas/Order/properties/shipTo: shipping_address
        """);
    Conversion c = convert(dir, SPEC, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false, null,
        new SpecOverrides(List.of(), config)));
    assertThat(Specs.protoText(c)).contains("rpc SubmitOrder(SubmitOrderRequest)", "message PurchaseOrder {", "shipping_address = 2");
    JsonNode names = new ObjectMapper().readTree(ReportWriter.json(c)).path("names");
    assertThat(names.path("rpcs").path("shop.v1.OrdersService.SubmitOrder").asText()).isEqualTo("config rename");
    assertThat(names.path("types").path("shop.v1.PurchaseOrder").asText()).isEqualTo("config rename");
    assertThat(names.path("types").path("shop.v1.Order").isMissingNode()).isTrue();

    Files.writeString(config, "renames:\n  /paths/~1order/post: SubmitOrder\n");
    assertThatThrownBy(() -> convert(dir, SPEC, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false, null,
        new SpecOverrides(List.of(), config))))
        .isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).describe()).contains("rest2grpc.yaml", "/renames/", "not the JSON pointer"));
  }

  @Test
  void aBadOrCollidingNameIsAnErrorWithFileLineAndWhatToDo() {
    String lower = with(SPEC, "operationId: placeOrder\n", "      x-grpc-name: submit_order\n");
    assertThatThrownBy(() -> convert(dir, lower))
        .isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).describe())
            .contains("openapi.yaml", "/paths/~1orders/post/x-grpc-name", "line", "is not an RPC name", "PascalCase"));

    String twice = with(with(SPEC, "operationId: placeOrder\n", "      x-grpc-name: Orders\n"), "operationId: listOrders\n",
        "      x-grpc-name: Orders\n");
    assertThatThrownBy(() -> convert(dir, twice))
        .isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).describe())
            .contains("/paths/~1orders/post/x-grpc-name", "'Orders' is taken by the RPC of GET /orders", "give the other one"));

    String field = with(SPEC, "        shipTo:\n", "          x-grpc-name: id\n");
    assertThatThrownBy(() -> convert(dir, field))
        .isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).describe())
            .contains("/components/schemas/Order/properties/shipTo/x-grpc-name", "'id' is taken by another field of Order"));

    String type = with(SPEC, "    Order:\n", "      x-grpc-name: ListOrdersRequest\n");
    assertThatThrownBy(() -> convert(dir, type))
        .isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).describe()).contains("'ListOrdersRequest' is taken by an RPC's request message"));
  }
}
