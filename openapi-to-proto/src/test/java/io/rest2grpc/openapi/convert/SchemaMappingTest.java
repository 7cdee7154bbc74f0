package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.facts;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.report.Category;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per schema mapping rule; each output is also compiled by protoc and linted by buf. */
class SchemaMappingTest {
  @TempDir Path dir;

  /** A 3.0 spec whose GET /things returns the schema {@code Thing} given in {@code schemas}. */
  private static String spec(String version, String schemas) {
    return """
        openapi: %s
        info: {title: Shop, version: 1.0.0}
        paths:
          /things/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        components:
          schemas:
        %s
        """.formatted(version, schemas.indent(4));
  }

  private Conversion convertSchemas(String schemas) {
    Conversion c = convert(dir, spec("3.0.3", schemas));
    assertCompilesAndLints(c, dir);
    return c;
  }

  @Test
  void scalarTypesAndFormats() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            small: {type: integer, format: int32}
            big: {type: integer, format: int64}
            plain: {type: integer}
            ratio: {type: number, format: float}
            amount: {type: number}
            flag: {type: boolean}
            at: {type: string, format: date-time}
            blob: {type: string, format: byte}
            file: {type: string, format: binary}
            day: {type: string, format: date}
            span: {type: string, format: duration}
            name: {type: string}
        """);
    assertThat(protoText(c, "models.proto")).contains(
        "int32 small = 1;", "int64 big = 2;", "int64 plain = 3;", "float ratio = 4;", "double amount = 5;",
        "bool flag = 6;", "google.protobuf.Timestamp at = 7;", "bytes blob = 8;", "bytes file = 9;",
        "string day = 10;", "string span = 11;", "string name = 12;");
    assertThat(facts(c, "shop.v1.Thing.day")).containsEntry("format", "date");
    assertThat(facts(c, "shop.v1.Thing.span")).containsEntry("format", "duration");
    assertThat(facts(c, "shop.v1")).containsEntry("int64_json", "number");
  }

  @Test
  void nullableRequiredReadOnlyWriteOnlyAndDefaults() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          required: [id]
          properties:
            id: {type: string, readOnly: true}
            secret: {type: string, writeOnly: true}
            note: {type: string, nullable: true}
            tags: {type: array, nullable: true, items: {type: string}}
            limit: {type: integer, format: int32, default: 20}
            other: {$ref: '#/components/schemas/Other'}
        Other:
          type: object
          properties:
            x: {type: string}
        """);
    assertThat(protoText(c, "models.proto")).contains(
        "string id = 1 [(google.api.field_behavior) = REQUIRED, (google.api.field_behavior) = OUTPUT_ONLY];",
        "string secret = 2 [(google.api.field_behavior) = INPUT_ONLY];",
        "optional string note = 3;",
        "repeated string tags = 4;",
        "optional int32 limit = 5;",
        "Other other = 6;");
    assertThat(facts(c, "shop.v1.Thing.limit")).containsEntry("default", 20);
    assertThat(facts(c, "shop.v1.Thing.tags")).containsEntry("nullable", true);
    assertThat(c.report().countsByCategory()).containsKey(Category.NULLABLE_COLLECTION);
  }

  @Test
  void openApi31NullUnionsGivePresence() {
    Conversion c = convert(dir, spec("3.1.0", """
        Thing:
          type: object
          properties:
            a: {type: [string, "null"]}
            b: {anyOf: [{type: integer}, {type: "null"}]}
            c: {oneOf: [{$ref: '#/components/schemas/Other'}, {type: "null"}]}
            kind: {$ref: '#/components/schemas/Kind'}
        Kind:
          oneOf:
            - {const: 1, title: Guild}
            - {const: 2, title: Direct Message}
        Other:
          type: object
          properties:
            x: {type: string}
        """));
    assertCompilesAndLints(c, dir);
    assertThat(protoText(c, "models.proto")).contains("optional string a = 1;", "optional int64 b = 2;", "Other c = 3;",
        "Kind kind = 4;", "KIND_GUILD = 1;", "KIND_DIRECT_MESSAGE = 2;");
  }

  @Test
  void arraysMapsAndNestedCollections() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            grid: {type: array, items: {type: array, items: {type: number}}}
            labels: {type: object, additionalProperties: {type: string}}
            groups: {type: object, additionalProperties: {type: array, items: {type: string}}}
            anything: {type: object}
            whatever: {}
            free: {type: object, additionalProperties: true}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("repeated ArrayOfDouble grid = 1;", "map<string, string> labels = 2;",
        "map<string, ArrayOfString> groups = 3;", "google.protobuf.Struct anything = 4;",
        "google.protobuf.Value whatever = 5;", "google.protobuf.Struct free = 6;",
        "message ArrayOfDouble {", "repeated double values = 1;");
    assertThat(facts(c, "shop.v1.ArrayOfDouble")).containsEntry("wrapper", "array");
  }

  @Test
  void propertiesWithAdditionalPropertiesKeepBoth() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            name: {type: string}
          additionalProperties: {type: integer}
        """);
    assertThat(protoText(c, "models.proto")).contains("string name = 1;", "map<string, int64> additional_properties = 2;");
    assertThat(facts(c, "shop.v1.Thing.additional_properties")).containsEntry("unwrapped_map", true);
  }

  @Test
  void enumsArePrefixedWithAnUnspecifiedZero() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            status: {type: string, enum: [pending, in-progress, shipped]}
            level: {type: integer, enum: [0, 1, 2]}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("enum ThingStatus {", "THING_STATUS_UNSPECIFIED = 0;", "THING_STATUS_PENDING = 1;",
        "THING_STATUS_IN_PROGRESS = 2;", "THING_STATUS_SHIPPED = 3;",
        "THING_LEVEL_VALUE_0 = 1;");
    assertThat(facts(c, "shop.v1.THING_STATUS_IN_PROGRESS")).containsEntry("rest_value", "in-progress");
    assertThat(facts(c, "shop.v1.ThingLevel")).containsEntry("rest_type", "integer");
  }

  @Test
  void enumValuesThatDifferOnlyBySignOrUnderscoreStayDistinct() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            zone: {type: string, enum: [Etc/GMT+12, Etc/GMT-12, Etc/GMT1_2, GMT0, GMT_0]}
        """);
    assertThat(protoText(c, "models.proto")).contains("THING_ZONE_ETC_GMT_PLUS_12", "THING_ZONE_ETC_GMT_12 ",
        "THING_ZONE_ETC_GMT1_2_2", "THING_ZONE_GMT0", "THING_ZONE_GMT_0_2");
  }

  @Test
  void oneOfWithDiscriminatorBecomesAOneof() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            payment: {$ref: '#/components/schemas/Payment'}
            id_or_customer:
              anyOf: [{type: string}, {$ref: '#/components/schemas/Card'}]
        Payment:
          oneOf: [{$ref: '#/components/schemas/Card'}, {$ref: '#/components/schemas/Bank'}]
          discriminator:
            propertyName: type
            mapping: {card: '#/components/schemas/Card', bank_transfer: '#/components/schemas/Bank'}
        Card: {type: object, properties: {type: {type: string}, token: {type: string}}}
        Bank: {type: object, properties: {type: {type: string}, iban: {type: string}}}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("message Payment {", "oneof payment {", "Card card = 1;", "Bank bank_transfer = 2;",
        "message ThingIdOrCustomer {\n  oneof thing_id_or_customer {\n    string string_value = 1;\n    Card card = 2;");
    assertThat(facts(c, "shop.v1.Payment.payment")).containsEntry("discriminator", "type");
  }

  @Test
  void aReferenceToADiscriminatorBaseMeansAnySubtype() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            pet: {$ref: '#/components/schemas/Pet'}
        Pet:
          type: object
          required: [petType]
          properties:
            petType: {type: string}
            name: {type: string}
          discriminator: {propertyName: petType}
        Cat:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - type: object
              properties:
                huntingSkill: {type: string}
        Dog:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - type: object
              properties:
                packSize: {type: integer, format: int32}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("message Pet {", "oneof pet {", "Cat cat = 1;", "Dog dog = 2;");
    assertThat(models).contains("message Cat {", "string pet_type = 1 [(google.api.field_behavior) = REQUIRED];",
        "string name = 2;", "string hunting_skill = 3");
  }

  @Test
  void allOfMergesFieldsInDeclarationOrder() {
    Conversion c = convertSchemas("""
        Thing:
          allOf:
            - $ref: '#/components/schemas/Base'
            - type: object
              properties:
                c: {type: string}
          properties:
            d: {type: string}
        Base:
          allOf:
            - {type: object, properties: {a: {type: string}}}
          properties:
            b: {type: string}
        """);
    assertThat(protoText(c, "models.proto")).contains("message Thing {\n  string a = 1;\n  string b = 2;\n  string c = 3;\n  string d = 4;\n}");
  }

  @Test
  void circularAllOfIsAnErrorWithItsLocation() {
    assertThatThrownBy(() -> convert(dir, spec("3.0.3", """
        Thing:
          allOf: [{$ref: '#/components/schemas/Other'}]
          properties: {a: {type: string}}
        Other:
          allOf: [{$ref: '#/components/schemas/Thing'}]
          properties: {b: {type: string}}
        """)))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("circular allOf")
        .satisfies(e -> assertThat(((ConversionException) e).location().toString()).contains("openapi.yaml#/components/schemas/"));
  }

  @Test
  void recursiveAndMutuallyRecursiveSchemas() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            children: {type: array, items: {$ref: '#/components/schemas/Thing'}}
            partner: {$ref: '#/components/schemas/Partner'}
        Partner:
          type: object
          properties:
            back: {$ref: '#/components/schemas/Thing'}
        """);
    assertThat(protoText(c, "models.proto")).contains("repeated Thing children = 1;", "Partner partner = 2;", "Thing back = 1;");
  }

  @Test
  void inlineSchemasAreNamedAfterWhereTheyAreUsed() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          properties:
            shipping_address: {type: object, properties: {city: {type: string}}}
            lines: {type: array, items: {type: object, properties: {sku: {type: string}}}}
            data: {type: array, items: {type: object, properties: {n: {type: integer}}}}
        ThingShippingAddress: {type: object, properties: {other: {type: string}}}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("ThingShippingAddress2 shipping_address = 1", "repeated ThingLine lines = 2;",
        "repeated ThingDataItem data = 3;", "message ThingShippingAddress {");
  }

  @Test
  void namesAreSanitizedAndJsonNamesKeepTheRestNames() {
    Conversion c = convertSchemas("""
        Thing:
          type: object
          description: |
            A thing.
            Second line.
          properties:
            "+1": {type: integer}
            "-1": {type: integer}
            "@odata.type": {type: string}
            amountCents: {type: integer}
            total_cents: {type: integer}
            2fa: {type: boolean}
            class: {type: string}
            old: {type: string, deprecated: true}
        api.v2010.account-call: {type: object, properties: {sid: {type: string}}}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("// A thing.\n// Second line.\nmessage Thing {",
        "int64 plus_1 = 1 [json_name = \"+1\"];", "int64 minus_1 = 2 [json_name = \"-1\"];",
        "string odata_type = 3 [json_name = \"@odata.type\"];", "int64 amount_cents = 4;",
        "int64 total_cents = 5 [json_name = \"total_cents\"];", "bool field_2fa = 6 [json_name = \"2fa\"];",
        "string class_value = 7 [json_name = \"class\"];", "string old = 8 [deprecated = true];",
        "message ApiV2010AccountCall {");
  }
}
