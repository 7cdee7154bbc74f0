package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.facts;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import io.rest2grpc.transcoding.json.RestJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unions a reviewer accepts: no member typed as its own union, a const property as the
 * discriminator, "X or a null placeholder" as a nullable X, members named from what they have.
 * Each output is compiled by protoc and linted by buf.
 */
class UnionMappingTest {
  @TempDir Path dir;

  /** A spec whose GET /things/{id} returns the schema {@code Thing} given in {@code schemas}. */
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

  private Conversion convertSchemas(String version, String schemas) {
    Conversion c = convert(dir, spec(version, schemas));
    assertCompilesAndLints(c, dir);
    return c;
  }

  @Test
  void aMemberThatIsTheBaseItselfIsAMessageOfTheBaseFieldsNotTheUnion() {
    Conversion c = convertSchemas("3.0.3", """
        Thing:
          type: object
          properties:
            pet: {$ref: '#/components/schemas/Pet'}
            animal: {$ref: '#/components/schemas/Animal'}
        Pet:
          type: object
          required: [petType]
          properties: {petType: {type: string}, name: {type: string}}
          discriminator:
            propertyName: petType
            mapping: {pet: '#/components/schemas/Pet', cat: '#/components/schemas/Cat', lazy: '#/components/schemas/Lazy'}
        Cat:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - {type: object, properties: {meows: {type: boolean}}}
        Lazy:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - {required: [name]}
        Animal:
          type: object
          properties: {kind: {type: string}}
          oneOf:
            - $ref: '#/components/schemas/Dog'
            - $ref: '#/components/schemas/Fish'
        Dog:
          allOf:
            - $ref: '#/components/schemas/Animal'
            - {type: object, properties: {barks: {type: boolean}}}
        Fish:
          allOf:
            - $ref: '#/components/schemas/Animal'
            - {required: [kind]}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("""
        message Pet {
          oneof pet {
            PetBase pet_base = 1;
            Cat cat = 2;
            Lazy lazy = 3;
          }
        }""", """
        message Lazy {
          string pet_type = 1 [(google.api.field_behavior) = REQUIRED];
          string name = 2;
        }""", """
        message Animal {
          string kind = 1;
          oneof variant {
            Dog dog = 2;
            Fish fish = 3;
          }
        }""", """
        message Fish {
          string kind = 1;
        }""");
    assertThat(models).doesNotContain("Pet lazy", "Animal fish");
    assertThat(facts(c, "shop.v1.Pet.pet")).containsEntry("discriminator_values", Map.of("pet", "pet_base", "cat", "cat", "lazy", "lazy"));
  }

  @Test
  void aPropertyWithADistinctConstInEachMemberIsTheDiscriminatorAndNamesTheMembers() throws Exception {
    Conversion c = convertSchemas("3.1.0", """
        Thing:
          type: object
          properties:
            event:
              oneOf:
                - type: object
                  properties:
                    event: {type: string, enum: [thread.run.created]}
                    run: {type: string}
                - type: object
                  properties:
                    event: {const: thread.run.queued}
                    run: {type: string}
                    position: {type: integer, format: int32}
            shape:
              anyOf:
                - type: object
                  properties:
                    kind: {const: circle}
                    size: {type: number}
                - type: object
                  properties:
                    kind: {const: square}
                    size: {type: string}
        """);
    String models = protoText(c, "models.proto");
    assertThat(models).contains("""
        message ThingEvent {
          oneof thing_event {
            ThingEventThreadRunCreated thread_run_created = 1;
            ThingEventThreadRunQueued thread_run_queued = 2;
          }
        }""", """
        message ThingShape {
          oneof thing_shape {
            ThingShapeCircle circle = 1;
            ThingShapeSquare square = 2;
          }
        }""", "double size = 2;", "string size = 2;");
    assertThat(models).doesNotContain("variant_");
    assertThat(facts(c, "shop.v1.ThingEvent.thing_event")).containsEntry("discriminator", "event")
        .containsEntry("discriminator_values", Map.of("thread.run.created", "thread_run_created", "thread.run.queued", "thread_run_queued"));
    assertThat(facts(c, "shop.v1.ThingShape.thing_shape")).containsEntry("discriminator", "kind");
    assertThat(c.report().findings()).extracting(Finding::category).doesNotContain(Category.ANYOF_MERGE_LOSSY);

    Map<String, FileDescriptor> compiled = assertCompilesAndLints(c, dir);
    Descriptor event = compiled.values().stream().map(f -> f.findMessageTypeByName("ThingEvent")).filter(d -> d != null)
        .findFirst().orElseThrow();
    String queued = "{\"event\":\"thread.run.queued\",\"run\":\"r1\",\"position\":3}";
    DynamicMessage parsed = RestJson.create().parse(queued, DynamicMessage.newBuilder(event)).build();
    assertThat(parsed.getAllFields().keySet()).extracting(f -> f.getName()).containsExactly("thread_run_queued");
    assertThat(RestJson.create().print(parsed)).isEqualTo(queued);
  }

  @Test
  void aMemberWithoutANameIsNamedByItsOwnConstantBeforeItsPosition() {
    // OpenAI's tool_choice: a string, or an inline object whose type is the constant "function"
    Conversion c = convertSchemas("3.0.3", """
        Thing:
          type: object
          properties:
            toolChoice:
              oneOf:
                - {type: string, enum: [none, auto]}
                - type: object
                  required: [type, function]
                  properties:
                    type: {type: string, enum: [function]}
                    function: {type: object, properties: {name: {type: string}}}
        """);
    assertThat(protoText(c, "models.proto")).contains("ThingToolChoiceFunction function = 2;", "message ThingToolChoiceFunction {")
        .doesNotContain("variant_2");
  }

  @Test
  void anAnyOfMergeThatLosesAPropertysTypeIsAReportRow() {
    Conversion c = convertSchemas("3.0.3", """
        Thing:
          type: object
          properties:
            size:
              anyOf:
                - {type: object, properties: {value: {type: integer, format: int32}, unit: {type: string}}}
                - {type: object, properties: {value: {type: string}, label: {type: string}}}
        """);
    assertThat(protoText(c, "models.proto")).contains("message ThingSize {\n  string value = 1;\n  string unit = 2;\n  string label = 3;");
    assertThat(c.report().findings()).filteredOn(f -> f.category() == Category.ANYOF_MERGE_LOSSY).singleElement()
        .satisfies(f -> {
          assertThat(f.source()).hasToString("openapi.yaml#/components/schemas/Thing/properties/size/anyOf/1/properties/value");
          assertThat(f.message()).contains("property 'value'", "openapi.yaml#/components/schemas/Thing/properties/size/anyOf/0/properties/value");
        });
  }

  @Test
  void aRefBesideANullPlaceholderIsANullableRef() {
    Conversion c30 = convertSchemas("3.0.3", """
        Thing:
          type: object
          properties:
            droplet:
              description: The droplet, or null when none is assigned.
              anyOf:
                - {title: 'null', type: object, nullable: true, description: not assigned}
                - $ref: '#/components/schemas/Droplet'
            validation:
              oneOf:
                - $ref: '#/components/schemas/Droplet'
                - {title: OpenAPI 3.0 null schema type, type: object, nullable: true, additionalProperties: false}
            either:
              oneOf:
                - $ref: '#/components/schemas/Droplet'
                - $ref: '#/components/schemas/Volume'
                - {type: object, nullable: true}
        Droplet: {type: object, properties: {id: {type: integer}}}
        Volume: {type: object, properties: {size: {type: integer}}}
        """);
    String models = protoText(c30, "models.proto");
    assertThat(models).contains("Droplet droplet = 1", "Droplet validation = 2", """
        message ThingEither {
          oneof thing_either {
            Droplet droplet = 1;
            Volume volume = 2;
          }
        }""");
    assertThat(models).doesNotContain("google.protobuf.Struct");
    assertThat(facts(c30, "shop.v1.Thing.droplet")).containsEntry("nullable", true);
    assertThat(facts(c30, "shop.v1.Thing.validation")).containsEntry("nullable", true);
    assertThat(facts(c30, "shop.v1.ThingEither.thing_either")).containsEntry("nullable", true);

    Conversion c31 = convertSchemas("3.1.0", """
        Thing:
          type: object
          properties:
            droplet:
              anyOf: [{$ref: '#/components/schemas/Droplet'}, {type: 'null'}]
            placeholder:
              anyOf: [{$ref: '#/components/schemas/Droplet'}, {type: [object, 'null']}]
        Droplet: {type: object, properties: {id: {type: integer}}}
        """);
    assertThat(protoText(c31, "models.proto")).contains("Droplet droplet = 1", "Droplet placeholder = 2").doesNotContain("Struct");
    assertThat(facts(c31, "shop.v1.Thing.placeholder")).containsEntry("nullable", true);
  }

  @Test
  void membersAreNamedFromTheirTitleOrShape() {
    Conversion c = convertSchemas("3.0.3", """
        Thing:
          type: object
          properties:
            box:
              oneOf:
                - {title: Small Box, type: object, properties: {w: {type: integer}}}
                - {title: tall box, type: object, properties: {h: {type: integer}}}
            metadata:
              anyOf:
                - {type: object, additionalProperties: {type: string}}
                - {type: string, enum: ['']}
            extra:
              oneOf:
                - {type: object}
                - {type: array, items: {type: string}}
        """);
    assertThat(protoText(c, "models.proto")).contains("ThingBoxSmallBox small_box = 1;", "ThingBoxTallBox tall_box = 2;",
        "MapOfString map_value = 1;", "ThingMetadataStringValue string_value = 2;", "google.protobuf.Struct struct_value = 1;",
        "list_value = 2;").doesNotContain("variant_");
  }
}
