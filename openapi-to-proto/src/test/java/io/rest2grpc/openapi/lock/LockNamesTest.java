package io.rest2grpc.openapi.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.support.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock keeps names as well as numbers: of messages and enums (by their schema), of RPCs and their services (by route), and files. */
class LockNamesTest {
  @TempDir Path dir;

  private Conversion convert(String yaml) {
    Conversion conversion = Specs.convert(dir, yaml, ConversionOptions.defaults().withLock(dir.resolve("shop.lock.json"), false));
    OpenApiToProto.write(conversion, dir.resolve("out"));
    Specs.assertCompilesAndLints(conversion, dir.resolve("compiled"));
    return conversion;
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProtoMessage message(Conversion conversion, String name) {
    return conversion.files().stream().flatMap(f -> f.messages().stream()).filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static boolean hasType(Conversion conversion, String name) {
    return conversion.files().stream().anyMatch(f -> f.messages().stream().anyMatch(m -> m.name().equals(name))
        || f.enums().stream().anyMatch(e -> e.name().equals(name)));
  }

  /** RPC name → service name. */
  private static Map<String, String> services(Conversion conversion) {
    return conversion.files().stream().flatMap(f -> f.services().stream())
        .flatMap(s -> s.rpcs().stream().map(r -> Map.entry(r.name(), s.name())))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static ProtoRpc rpc(Conversion conversion, String name) {
    return conversion.files().stream().flatMap(f -> f.services().stream()).flatMap(s -> s.rpcs().stream())
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static String fileOf(Conversion conversion, String type) {
    return conversion.files().stream().filter(f -> f.messages().stream().anyMatch(m -> m.name().equals(type))).map(ProtoFile::path)
        .findFirst().orElseThrow();
  }

  private static String orders(String tag, String orderSchema, String extraPaths) {
    return """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders/{id}:
            get:
              tags: [%s]
              operationId: getOrder
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/%s'}}}
        %s
        components:
          schemas:
            %s:
              type: object
              properties:
                id: {type: string}
                total: {type: integer, format: int64}
                shipping:
                  type: object
                  properties:
                    city: {type: string}
                    zip: {type: string}
                state: {type: string, enum: [open, paid]}
        """.formatted(tag, orderSchema, extraPaths.indent(2), orderSchema);
  }

  @Test
  void aComponentSchemaRenamedWithTheSameStructureKeepsItsMessageAndItsInlineTypesKeepTheirNames() {
    Conversion v1 = convert(orders("orders", "Order", ""));
    assertThat(hasType(v1, "OrderShipping")).isTrue();
    assertThat(hasType(v1, "OrderState")).isTrue();

    Conversion v2 = convert(orders("orders", "PurchaseOrder", ""));
    assertThat(hasType(v2, "PurchaseOrder")).isFalse();
    assertThat(rpc(v2, "GetOrder").responseType().name()).isEqualTo("Order");
    assertThat(message(v2, "Order").fields()).extracting(f -> f.name() + " " + f.type().name() + " = " + f.number())
        .containsExactly("id string = 1", "total int64 = 2", "shipping OrderShipping = 3", "state OrderState = 4");
    assertThat(v2.report().findings()).anyMatch(f -> f.category() == Category.LOCKED_NAME_KEPT && f.element().endsWith(".Order"));
  }

  @Test
  void aComponentEnumRenamedWithTheSameValuesKeepsItsNameAndItsRestValues() {
    String v1 = """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Order: {type: object, properties: {state: {$ref: '#/components/schemas/State'}}}
            State: {type: string, enum: [open, paid]}
        """;
    convert(v1);
    Conversion v2 = convert(v1.replace("State", "OrderPhase"));
    assertThat(hasType(v2, "OrderPhase")).isFalse();
    String proto = readString(dir.resolve("out/shop/v1/models.proto"));
    assertThat(proto).contains("STATE_OPEN = 1 [(rest2grpc.options.v1.enum_value) = {string_value: \"open\"}];")
        .contains("STATE_PAID = 2 [(rest2grpc.options.v1.enum_value) = {string_value: \"paid\"}];");
  }

  @Test
  void aRenamedSchemaWhoseStructureChangedIsANewMessage() {
    convert(orders("orders", "Order", ""));
    Conversion v2 = convert(orders("orders", "PurchaseOrder", "").replace("zip: {type: string}", "zip: {type: string}\n            country: {type: string}"));
    assertThat(rpc(v2, "GetOrder").responseType().name()).isEqualTo("PurchaseOrder");
  }

  @Test
  void aNewMessageReplacingALockedFieldsMessageContinuesItsNumbers() {
    String v1 = orders("orders", "Order", "");
    convert(v1);
    String inline = "        shipping:\n          type: object\n          properties:\n            city: {type: string}\n            zip: {type: string}\n";
    assertThat(v1).contains(inline);
    String v2 = v1.replace(inline, "        shipping: {$ref: '#/components/schemas/Address'}\n")
        + "    Address:\n      type: object\n      properties:\n        country: {type: string}\n        zip: {type: string}\n"
        + "        city: {type: string}\n";
    Conversion after = convert(v2);
    assertThat(message(after, "Order").fields()).extracting(f -> f.name() + " " + f.type().name() + " = " + f.number())
        .contains("shipping Address = 3");
    assertThat(message(after, "Address").fields()).extracting(f -> f.name() + " = " + f.number())
        .containsExactly("country = 3", "zip = 2", "city = 1");
    assertThat(after.report().findings()).anyMatch(f -> f.category() == Category.LOCKED_NUMBERS_CONTINUED);
  }

  @Test
  void anRpcKeepsItsServiceWhenItsTagChangesAndItsNameWhenTheRulesWouldNowNameItOtherwise() {
    convert(orders("orders", "Order", ""));
    Conversion v2 = convert(orders("sales", "Order", """
        /sales/{id}:
          get:
            tags: [sales]
            operationId: getSale
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {'200': {description: ok}}
        """));
    assertThat(services(v2)).containsEntry("GetOrder", "OrdersService").containsEntry("GetSale", "SalesService");
    assertThat(fileOf(v2, "GetOrderRequest")).isEqualTo("shop/v1/orders_service.proto");
  }

  @Test
  void aParameterInsertedBeforeAnotherLeavesTheOthersInlineEnumItsName() {
    String v1 = """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters:
                - {name: status, in: query, schema: {type: string, enum: [open, paid]}}
              responses: {'200': {description: ok}}
        """;
    convert(v1);
    Conversion v2 = convert(v1.replace("- {name: status", "- {name: kind, in: query, schema: {type: string, enum: [retail, trade]}}\n        - {name: status"));
    assertThat(message(v2, "ListOrdersRequest").fields()).extracting(ProtoField::name, f -> f.type().name())
        .contains(org.assertj.core.groups.Tuple.tuple("status", "ListOrdersRequestStatus"),
            org.assertj.core.groups.Tuple.tuple("kind", "ListOrdersRequestKind"));
  }

  @Test
  void aBodySchemaRenamedToTheRequestsNameStaysInItsField() {
    String v1 = """
        openapi: 3.0.3
        info: {title: Volumes, version: 1.0.0}
        paths:
          /volumes/create:
            post:
              operationId: createVolume
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/CreateVolumeOptions'}}}}
              responses: {'201': {description: created}}
        components:
          schemas:
            CreateVolumeOptions: {type: object, properties: {name: {type: string}, driver: {type: string}}}
        """;
    Conversion before = convert(v1);
    Conversion after = convert(v1.replace("CreateVolumeOptions", "CreateVolumeRequest"));
    assertThat(message(after, "CreateVolumeRequest").fields()).extracting(f -> f.name() + " " + f.type().name() + " = " + f.number())
        .isEqualTo(message(before, "CreateVolumeRequest").fields().stream().map(f -> f.name() + " " + f.type().name() + " = " + f.number())
            .toList())
        .containsExactly("volume CreateVolumeOptions = 1");
    assertThat(rpc(after, "CreateVolume").http().body()).isEqualTo("volume");
  }

  @Test
  void aOneofGainingAVariantKeepsTheNumbersAndMembershipOfTheOthers() {
    String v1 = """
        openapi: 3.0.3
        info: {title: Pay, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Card: {type: object, properties: {number: {type: string}}}
            Bank: {type: object, properties: {iban: {type: string}}}
            Wallet: {type: object, properties: {email: {type: string}}}
            Payment:
              type: object
              properties:
                id: {type: string}
                method:
                  oneOf: [{$ref: '#/components/schemas/Card'}, {$ref: '#/components/schemas/Bank'}]
        """;
    Conversion before = convert(v1);
    Map<String, String> oneofBefore = oneofs(message(before, "PaymentMethod"));
    Conversion after = convert(v1.replace("{$ref: '#/components/schemas/Bank'}]",
        "{$ref: '#/components/schemas/Wallet'}, {$ref: '#/components/schemas/Bank'}]"));
    Map<String, String> oneofAfter = oneofs(message(after, "PaymentMethod"));
    assertThat(oneofAfter).containsAllEntriesOf(oneofBefore);
    assertThat(oneofAfter).hasSize(oneofBefore.size() + 1);
    ProtoField wallet = message(after, "PaymentMethod").fields().stream().filter(f -> f.type().name().equals("Wallet")).findFirst().orElseThrow();
    assertThat(wallet.oneof()).isNotNull();
    assertThat(wallet.number()).isGreaterThan(message(before, "PaymentMethod").fields().stream().mapToInt(ProtoField::number).max().orElseThrow());
  }

  /** "name = number in oneof" of each field. */
  private static Map<String, String> oneofs(ProtoMessage message) {
    return message.fields().stream().collect(Collectors.toMap(ProtoField::name, f -> f.number() + " " + f.oneof()));
  }

}
