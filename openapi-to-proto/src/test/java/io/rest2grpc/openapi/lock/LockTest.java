package io.rest2grpc.openapi.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.Reserved;
import io.rest2grpc.openapi.support.Corpus;
import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converting newer versions of a spec with the lock: numbers stay, removed ones are reserved, breaks are explicit. */
class LockTest {
  @TempDir Path dir;

  /** A spec whose Order schema has the given properties (YAML, indented for the properties block). */
  private static String spec(String properties) {
    return """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders/{id}:
            get:
              operationId: getOrder
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}
        components:
          schemas:
            Order:
              type: object
              properties:
        """ + properties.indent(8);
  }

  private static final String V1 = spec("""
      id: {type: string}
      amount: {type: string}
      note: {type: string}
      status: {type: string, enum: [open, paid]}
      """);

  private Path lock() {
    return dir.resolve("shop.lock.json");
  }

  /** Converts with the lock and writes the protos and the lock, as the CLI does. */
  private Conversion convert(String yaml, boolean allowBreaking) {
    Conversion conversion = Specs.convert(dir, yaml, ConversionOptions.defaults().withLock(lock(), allowBreaking));
    OpenApiToProto.write(conversion, dir.resolve("out"));
    return conversion;
  }

  private static ProtoMessage message(Conversion conversion, String name) {
    return conversion.files().stream().flatMap(f -> f.messages().stream()).filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static ProtoEnum protoEnum(Conversion conversion, String name) {
    return conversion.files().stream().flatMap(f -> f.enums().stream()).filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, Integer> numbers(Conversion conversion) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    for (ProtoField field : message(conversion, "Order").fields()) {
      numbers.put(field.name(), field.number());
    }
    return numbers;
  }

  @Test
  void aFirstConversionIsTheSameWithAndWithoutALock() {
    String without = Specs.protoText(Specs.convert(dir, V1));
    assertThat(Specs.protoText(convert(V1, false))).isEqualTo(without);
    assertThat(lock()).exists();
    String written = readLock();
    assertThat(Specs.protoText(convert(V1, false))).isEqualTo(without);
    assertThat(readLock()).as("a second conversion leaves the lock byte for byte").isEqualTo(written);
  }

  @Test
  void theLockIsReviewableJsonSortedByNameAndNumberOneEntryALine() {
    convert(V1, false);
    assertThat(readLock()).isEqualTo("""
        {
          "rest2grpc-lock": 1,
          "package": "shop.v1",
          "messages": {
            "GetOrderRequest": {
              "source": "#/paths/~1orders~1{id}/get",
              "file": "shop/v1/orders_service.proto",
              "fields": [
                {"number": 1, "name": "id", "json": "id", "type": "string"}
              ],
              "reserved": []
            },
            "Order": {
              "source": "#/components/schemas/Order",
              "file": "shop/v1/models.proto",
              "fields": [
                {"number": 1, "name": "id", "json": "id", "type": "string"},
                {"number": 2, "name": "amount", "json": "amount", "type": "string"},
                {"number": 3, "name": "note", "json": "note", "type": "string"},
                {"number": 4, "name": "status", "json": "status", "type": "OrderStatus"}
              ],
              "reserved": []
            }
          },
          "enums": {
            "OrderStatus": {
              "source": "#/components/schemas/Order/properties/status",
              "file": "shop/v1/models.proto",
              "values": [
                {"number": 0, "name": "ORDER_STATUS_UNSPECIFIED"},
                {"number": 1, "name": "ORDER_STATUS_OPEN"},
                {"number": 2, "name": "ORDER_STATUS_PAID"}
              ],
              "reserved": []
            }
          },
          "rpcs": {
            "GET /orders/{}": {"service": "OrdersService", "name": "GetOrder"}
          }
        }
        """);
  }

  @Test
  void anUnchangedLockIsLeftUntouchedAndAChangedOneRewritten() throws IOException {
    convert(V1, false);
    FileTime written = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(lock(), written);
    String before = readLock();

    convert(V1, false);
    assertThat(Files.getLastModifiedTime(lock())).isEqualTo(written);

    convert(V1 + "        discount: {type: string}\n", false);
    assertThat(Files.getLastModifiedTime(lock())).isNotEqualTo(written);
    assertThat(readLock()).isNotEqualTo(before).contains("\"name\": \"discount\"");
  }

  @Test
  void aFieldInsertedMidSchemaTakesANewNumberAndTheOthersKeepTheirs() {
    convert(V1, false);
    Conversion v2 = convert(spec("""
        id: {type: string}
        currency: {type: string}
        amount: {type: string}
        note: {type: string}
        status: {type: string, enum: [open, paid]}
        """), false);
    assertThat(numbers(v2)).containsExactly(Map.entry("id", 1), Map.entry("currency", 5), Map.entry("amount", 2),
        Map.entry("note", 3), Map.entry("status", 4));
  }

  @Test
  void aLockValueConvertsAsTheLockFileDoesAndNothingIsWritten() throws IOException {
    String v2 = spec("""
        id: {type: string}
        currency: {type: string}
        amount: {type: string}
        """);
    Path spec = Files.createDirectories(dir.resolve("memory")).resolve("openapi.yaml");
    Files.writeString(spec, V1);
    Conversion first = OpenApiToProto.convert(spec, ConversionOptions.defaults(), Lock.initial());
    assertThat(first.lock().lock().packageName()).isEqualTo("shop.v1");
    Files.writeString(spec, v2);
    Conversion second = OpenApiToProto.convert(spec, ConversionOptions.defaults(), first.lock().lock());

    convert(V1, false);
    Conversion fromFile = convert(v2, false);
    assertThat(Specs.protoText(second)).isEqualTo(Specs.protoText(fromFile));
    assertThat(second.lock().lock()).isEqualTo(fromFile.lock().lock());
    assertThat(numbers(second)).containsExactly(Map.entry("id", 1), Map.entry("currency", 5), Map.entry("amount", 2));
    try (var files = Files.list(spec.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).as("a lock value writes no lock file").containsExactly("openapi.yaml");
    }
    assertThat(OpenApiToProto.convert(spec, ConversionOptions.defaults(), Lock.empty("petstore.v1")).packageName())
        .as("the lock pins the package").isEqualTo("petstore.v1");
  }

  @Test
  void reorderedPropertiesKeepTheirNumbers() {
    convert(V1, false);
    Conversion v2 = convert(spec("""
        status: {type: string, enum: [open, paid]}
        note: {type: string}
        id: {type: string}
        amount: {type: string}
        """), false);
    assertThat(numbers(v2)).containsExactly(Map.entry("status", 4), Map.entry("note", 3), Map.entry("id", 1), Map.entry("amount", 2));
  }

  @Test
  void aRemovedFieldIsReservedAndGetsItsNumberBackWhenReAddedWithACompatibleType() {
    convert(V1, false);
    Conversion removed = convert(spec("""
        id: {type: string}
        amount: {type: string}
        status: {type: string, enum: [open, paid]}
        """), false);
    assertThat(message(removed, "Order").reserved()).isEqualTo(new Reserved(List.of(3), List.of("note")));
    assertThat(Specs.protoText(removed)).contains("  reserved 3;\n  reserved \"note\";\n}");
    assertCompilesAsBuilt(removed);

    Conversion reAdded = convert(spec("""
        id: {type: string}
        amount: {type: string}
        note: {type: string, nullable: true}
        status: {type: string, enum: [open, paid]}
        """), false);
    assertThat(numbers(reAdded)).containsEntry("note", 3);
    assertThat(message(reAdded, "Order").reserved().isEmpty()).isTrue();
  }

  @Test
  void aFieldReAddedWithAnotherTypeNeedsAllowBreakingAndThenGetsANewName() {
    convert(V1, false);
    String removed = spec("""
        id: {type: string}
        amount: {type: string}
        status: {type: string, enum: [open, paid]}
        """);
    convert(removed, false);
    String reAdded = spec("""
        id: {type: string}
        amount: {type: string}
        status: {type: string, enum: [open, paid]}
        note: {type: array, items: {type: string}}
        """);
    assertThatThrownBy(() -> convert(reAdded, false)).isInstanceOf(ConversionException.class)
        .hasMessageContaining("Order.note (REST \"note\", number 3): string -> repeated string");

    Conversion allowed = convert(reAdded, true);
    assertThat(numbers(allowed)).containsEntry("note_v2", 5);
    assertThat(message(allowed, "Order").fields().get(3).jsonName()).isEqualTo("note");
    assertThat(message(allowed, "Order").reserved()).isEqualTo(new Reserved(List.of(3), List.of("note")));
  }

  @Test
  void aTypeChangeFailsNamingTheFieldAndTheChangeUnlessBreakingIsAllowed() {
    convert(V1, false);
    String retyped = spec("""
        id: {type: string}
        amount: {type: integer, format: int64}
        note: {type: string}
        status: {type: string, enum: [open, paid]}
        """);
    assertThatThrownBy(() -> convert(retyped, false)).isInstanceOf(ConversionException.class)
        .hasMessageContaining("incompatible change to locked field: Order.amount (REST \"amount\", number 2): string -> int64")
        .satisfies(e -> assertThat(((ConversionException) e).hint()).contains("--allow-breaking"))
        .satisfies(e -> assertThat(((ConversionException) e).location().pointer()).isEqualTo("/components/schemas/Order/properties/amount"));
    String lockBefore = readLock();

    Conversion allowed = convert(retyped, true);
    assertThat(numbers(allowed)).containsExactly(Map.entry("id", 1), Map.entry("amount_v2", 5), Map.entry("note", 3),
        Map.entry("status", 4));
    assertThat(Specs.protoText(allowed)).contains("int64 amount_v2 = 5 [json_name = \"amount\"];")
        .contains("reserved 2;\n  reserved \"amount\";");
    assertCompilesAsBuilt(allowed);
    assertThat(readLock()).isNotEqualTo(lockBefore);

    assertThat(numbers(convert(retyped, false))).as("the next conversion needs no --allow-breaking").containsEntry("amount_v2", 5);

    Conversion undone = convert(V1, false);
    assertThat(numbers(undone)).as("undoing the retype restores the original").containsEntry("amount", 2);
    assertThat(message(undone, "Order").reserved()).isEqualTo(new Reserved(List.of(5), List.of("amount_v2")));
  }

  @Test
  void theHttpRuleFollowsARetypedPathParameter() {
    convert(V1, false);
    Conversion retyped = convert(V1.replace("{name: id, in: path, required: true, schema: {type: string}}",
        "{name: id, in: path, required: true, schema: {type: integer, format: int64}}"), true);
    assertThat(Specs.protoText(retyped)).contains("get: \"/orders/{id_v2}\"").contains("int64 id_v2 = 2 [json_name = \"id\"");
    assertCompilesAsBuilt(retyped);
  }

  @Test
  void insertedEnumValuesTakeNewNumbersAndRemovedOnesAreReserved() {
    convert(V1, false);
    Conversion v2 = convert(spec("""
        id: {type: string}
        amount: {type: string}
        note: {type: string}
        status: {type: string, enum: [open, pending, shipped]}
        """), false);
    ProtoEnum status = protoEnum(v2, "OrderStatus");
    assertThat(status.values()).extracting(ProtoEnum.Value::name, ProtoEnum.Value::number).containsExactly(
        tuple("ORDER_STATUS_UNSPECIFIED", 0), tuple("ORDER_STATUS_OPEN", 1),
        tuple("ORDER_STATUS_PENDING", 3), tuple("ORDER_STATUS_SHIPPED", 4));
    assertThat(status.reserved()).isEqualTo(new Reserved(List.of(2), List.of("ORDER_STATUS_PAID")));
    assertCompilesAsBuilt(v2);
  }

  @Test
  void aCorruptLockOrAPackageOptionAgainstTheLockIsAClearError() throws Exception {
    Files.writeString(lock(), "{\"rest2grpc-lock\": 1, \"package\": \"shop.v1\", \"messages\": {\"Order\": {\"fields\": [{\"number\": \"two\"");
    assertThatThrownBy(() -> convert(V1, false)).isInstanceOf(ConversionException.class)
        .hasMessageContaining("the lock file is not valid JSON")
        .satisfies(e -> assertThat(((ConversionException) e).describe()).contains(lock().toString()).contains("restore the lock from version control"));

    Files.writeString(lock(), "{\"rest2grpc-lock\": 1, \"package\": \"shop.v1\", \"messages\": {\"Order\": {\"source\": \"#/components/schemas/Order\", "
        + "\"file\": \"shop/v1/models.proto\", \"fields\": [{\"number\": \"two\"}]}}, \"enums\": {}, \"rpcs\": {}}");
    assertThatThrownBy(() -> convert(V1, false)).isInstanceOf(ConversionException.class)
        .satisfies(e -> assertThat(((ConversionException) e).location().pointer()).isEqualTo("/messages/Order/fields/0/number"));

    Files.writeString(lock(), "openapi: 3.0.3\n");
    assertThatThrownBy(() -> convert(V1, false)).isInstanceOf(ConversionException.class).hasMessageContaining("not valid JSON");

    Files.writeString(lock(), "{\"name\": \"something else\"}");
    assertThatThrownBy(() -> convert(V1, false)).isInstanceOf(ConversionException.class)
        .hasMessageContaining("not a rest2grpc lock file");

    Files.writeString(lock(), "{\"rest2grpc-lock\": 1, \"package\": \"petstore.v1\", \"messages\": {}, \"enums\": {}, \"rpcs\": {}}");
    assertThatThrownBy(() -> Specs.convert(dir, V1, ConversionOptions.defaults().withPackage("shop.v1").withLock(lock(), false))).isInstanceOf(ConversionException.class)
        .hasMessageContaining("--package shop.v1 differs from the package the lock pins, petstore.v1")
        .satisfies(e -> assertThat(((ConversionException) e).hint()).contains("drop --package"));
  }

  @Test
  void noFieldPresentInBothVersionsOfTheRedoclyMuseumChangesItsNumber() {
    Path evolution = Corpus.resolve("evolution/redocly-museum");
    ConversionOptions options = ConversionOptions.defaults().withLock(lock(), false);
    Conversion v1 = OpenApiToProto.convert(evolution.resolve("v1.yaml"), options);
    OpenApiToProto.write(v1, dir.resolve("v1"));
    Conversion v2 = OpenApiToProto.convert(evolution.resolve("v2.yaml"), options);

    Map<String, Integer> before = numbersByRestName(v1);
    Map<String, Integer> after = numbersByRestName(v2);
    assertThat(after.keySet()).as("v2 adds fields").isNotEqualTo(before.keySet());
    before.keySet().retainAll(after.keySet());
    assertThat(before).isNotEmpty();
    after.keySet().retainAll(before.keySet());
    assertThat(after).isEqualTo(before);
    assertThat(v2.report().findings()).as("v2 renamed UpdateSpecialEventRequest to SpecialEventFields, same structure: the name stays")
        .anySatisfy(f -> assertThat(f.category() + " " + f.element()).isEqualTo("LOCKED_NAME_KEPT redocly_museum.v1.UpdateSpecialEventRequestBody"));
    assertCompilesAsBuilt(v2);
  }

  /** Every field of every message, as {@code Message.restName → number}. */
  private static Map<String, Integer> numbersByRestName(Conversion conversion) {
    Map<String, Integer> numbers = new TreeMap<>();
    conversion.files().stream().flatMap(f -> f.messages().stream()).forEach(m -> m.fields().forEach(f ->
        numbers.put(m.name() + "." + (f.jsonName() != null ? f.jsonName() : f.name()), f.number())));
    return numbers;
  }

  /** protoc compiles the reserved statements to exactly the descriptors the converter builds in memory. */
  private void assertCompilesAsBuilt(Conversion conversion) {
    Map<String, FileDescriptor> compiled = Specs.assertCompilesAndLints(conversion, dir.resolve("compiled"));
    for (FileDescriptorProto built : DescriptorBuilder.protos(conversion)) {
      assertThat(built).isEqualTo(compiled.get(built.getName()).toProto());
    }
  }

  private String readLock() {
    try {
      return Files.readString(lock());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
