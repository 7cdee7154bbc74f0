package io.rest2grpc.openapi.check.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rest2grpc.openapi.check.rest.RestChange.Kind;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.read.DocumentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** REST-level changes between two versions of a spec, one kind at a time, then every corpus pair. */
class RestDiffTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Pet travels in responses only, NewPet in requests only. */
  private static final String PATHS = """
      /pets:
        get:
          operationId: listPets
          parameters:
            - {name: limit, in: query, schema: {type: integer}}
            - {name: cursor, in: query, schema: {type: string}}
          responses:
            '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}
        post:
          operationId: createPet
          requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/NewPet'}}}}
          responses:
            '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
      /pets/{petId}:
        get:
          operationId: getPet
          parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
          responses:
            '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
            '404': {description: not found}
        delete:
          operationId: deletePet
          parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
          responses: {'204': {description: gone}}
      """;

  private static final String PET = """
      Pet:
        type: object
        required: [id]
        properties:
          id: {type: string}
          name: {type: string}
          status: {type: string, enum: [available, sold]}
      """;

  private static final String NEW_PET = """
      NewPet:
        type: object
        properties:
          name: {type: string}
          kind: {type: string, enum: [cat, dog]}
      """;

  private static final String V1 = spec(PATHS, PET + NEW_PET);

  private static String spec(String paths, String schemas) {
    return "openapi: 3.0.3\ninfo: {title: Pets, version: '1'}\npaths:\n" + paths.indent(2)
        + "components:\n  schemas:\n" + schemas.indent(4);
  }

  private static List<RestChange> compare(String oldYaml, String newYaml) {
    return RestDiff.compare(yaml(oldYaml), yaml(newYaml));
  }

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertChanges(String oldYaml, String newYaml) {
    return assertThat(compare(oldYaml, newYaml)).extracting(RestChange::kind, RestChange::oldPointer, RestChange::newPointer,
        RestChange::detail, RestChange::breaking);
  }

  @Test
  void aPropertyInsertedMidSchemaIsOneOptionalAddition() {
    String pet = PET.replace("  name: {type: string}\n", "  nickname: {type: string}\n    name: {type: string}\n");
    assertThat(pet).contains("nickname");
    assertChanges(V1, spec(PATHS, pet + NEW_PET)).containsExactly(
        tuple(Kind.PROPERTY_ADDED, null, "/components/schemas/Pet/properties/nickname", "property \"nickname\" of Pet added", false));
  }

  @Test
  void reorderedPropertiesAndRequiredAreNoChange() {
    String pet = """
        Pet:
          properties:
            status: {enum: [sold, available], type: string}
            name: {type: string}
            id: {type: string}
          required: [id]
          type: object
        """;
    assertChanges(V1, spec(PATHS, pet + NEW_PET)).isEmpty();
  }

  @Test
  void aRemovedPropertyBreaks() {
    assertChanges(V1, spec(PATHS, PET.replace("    name: {type: string}\n", "") + NEW_PET)).containsExactly(
        tuple(Kind.PROPERTY_REMOVED, "/components/schemas/Pet/properties/name", null, "property \"name\" of Pet removed", true));
  }

  @Test
  void aRetypedPropertyBreaksButAnotherStringFormatDoesNot() {
    String pet = PET.replace("name: {type: string}", "name: {type: integer}").replace("id: {type: string}", "id: {type: string, format: uuid}");
    assertChanges(V1, spec(PATHS, pet + NEW_PET)).containsExactly(
        tuple(Kind.PROPERTY_RETYPED, "/components/schemas/Pet/properties/id", "/components/schemas/Pet/properties/id",
            "property \"id\" of Pet: string -> string (uuid) (refined)", false),
        tuple(Kind.PROPERTY_RETYPED, "/components/schemas/Pet/properties/name", "/components/schemas/Pet/properties/name",
            "property \"name\" of Pet: string -> integer", true));
  }

  @Test
  void aTypeMadeMorePreciseIsARefinementAndTheReverseBreaks() {
    String loose = PET.replace("name: {type: string}", """
        name: {type: string}
            born: {type: string}
            age: {type: integer}
            attributes: {type: object}
            tags: {type: array, items: {}}
            extra: {}""");
    String precise = loose.replace("born: {type: string}", "born: {type: string, format: date-time}")
        .replace("name: {type: string}", "name: {type: string, enum: [rex, tom]}")
        .replace("age: {type: integer}", "age: {type: integer, format: int32}")
        .replace("attributes: {type: object}", "attributes: {type: object, properties: {color: {type: string}}}")
        .replace("tags: {type: array, items: {}}", "tags: {type: array, items: {type: string}}")
        .replace("extra: {}", "extra: {type: object, properties: {note: {type: string}}}");
    String at = "/components/schemas/Pet/properties/";
    assertChanges(spec(PATHS, loose + NEW_PET), spec(PATHS, precise + NEW_PET)).containsExactly(
        tuple(Kind.PROPERTY_RETYPED, at + "age", at + "age", "property \"age\" of Pet: integer -> integer (int32) (refined)", false),
        tuple(Kind.PROPERTY_RETYPED, at + "attributes", at + "attributes",
            "property \"attributes\" of Pet: free-form object -> object (refined)", false),
        tuple(Kind.PROPERTY_ADDED, null, at + "attributes/properties/color", "property \"color\" of Pet.attributes added", false),
        tuple(Kind.PROPERTY_RETYPED, at + "born", at + "born", "property \"born\" of Pet: string -> string (date-time) (refined)", false),
        tuple(Kind.PROPERTY_RETYPED, at + "extra", at + "extra", "property \"extra\" of Pet: any -> object (refined)", false),
        tuple(Kind.PROPERTY_ADDED, null, at + "extra/properties/note", "property \"note\" of Pet.extra added", false),
        tuple(Kind.PROPERTY_RETYPED, at + "name", at + "name", "property \"name\" of Pet: string -> enum (refined)", false),
        tuple(Kind.PROPERTY_RETYPED, at + "tags/items", at + "tags/items", "items of Pet.tags: any -> string (refined)", false));
    assertThat(compare(spec(PATHS, precise + NEW_PET), spec(PATHS, loose + NEW_PET))).as("the reverse: every type widened")
        .filteredOn(c -> c.kind() == Kind.PROPERTY_RETYPED)
        .extracting(RestChange::detail, RestChange::breaking).containsExactly(
            tuple("property \"age\" of Pet: integer (int32) -> integer", true),
            tuple("property \"attributes\" of Pet: object -> free-form object", true),
            tuple("property \"born\" of Pet: string (date-time) -> string", false),
            tuple("property \"extra\" of Pet: object -> any", true),
            tuple("property \"name\" of Pet: enum -> string", true),
            tuple("items of Pet.tags: string -> any", true));
  }

  @Test
  void singularToArrayScalarToObjectAndMapAreRetypes() {
    String pet = PET.replace("name: {type: string}", "name: {type: array, items: {type: string}}")
        .replace("id: {type: string}", "id: {type: object, properties: {value: {type: string}}}")
        .replace("status: {type: string, enum: [available, sold]}", "status: {type: object, additionalProperties: {type: string}}");
    assertThat(compare(V1, spec(PATHS, pet + NEW_PET))).extracting(RestChange::kind, RestChange::detail, RestChange::breaking)
        .containsExactly(
            tuple(Kind.PROPERTY_RETYPED, "property \"id\" of Pet: string -> object", true),
            tuple(Kind.PROPERTY_RETYPED, "property \"name\" of Pet: string -> array", true),
            tuple(Kind.PROPERTY_RETYPED, "property \"status\" of Pet: enum -> map", true));
  }

  @Test
  void nullabilityIsNoRetypeAndBreaksOnlyWhereAResponseMayNowHoldNull() {
    String v31 = V1.replace("openapi: 3.0.3", "openapi: 3.1.0");
    String nullable = v31.replace("name: {type: string}", "name: {type: [string, 'null']}");
    assertThat(compare(v31, nullable)).extracting(RestChange::kind, RestChange::oldPointer, RestChange::breaking).containsExactly(
        tuple(Kind.NULLABILITY_CHANGED, "/components/schemas/NewPet/properties/name", false),
        tuple(Kind.NULLABILITY_CHANGED, "/components/schemas/Pet/properties/name", true));
    assertThat(compare(V1, V1.replace("name: {type: string}", "name: {type: string, nullable: true}")))
        .extracting(RestChange::kind).containsOnly(Kind.NULLABILITY_CHANGED);
    assertThat(compare(nullable, v31)).extracting(RestChange::breaking).containsOnly(false);
  }

  @Test
  void aResponsePropertyNoLongerRequiredBreaksClientsThatRelyOnIt() {
    assertChanges(V1, spec(PATHS, PET.replace("required: [id]", "required: []") + NEW_PET)).containsExactly(
        tuple(Kind.PROPERTY_BECAME_OPTIONAL, "/components/schemas/Pet/properties/id", "/components/schemas/Pet/properties/id",
            "property \"id\" of Pet is no longer required", true));
  }

  @Test
  void aNewBasePathMovesEveryOperation() {
    String v1 = V1.replace("paths:\n", "servers: [{url: 'https://api.example.com/v1'}]\npaths:\n");
    assertChanges(v1, v1.replace("/v1'", "/v2'")).containsExactly(
        tuple(Kind.BASE_PATH_CHANGED, "/servers/0/url", "/servers/0/url", "the base path of every operation: /v1 -> /v2", true));
    assertChanges(v1, v1.replace("api.example.com", "api.example.org")).isEmpty();
  }

  @Test
  void securityBreaksWhenAClientThatMetTheOldRequirementsMayNotMeetTheNew() {
    String open = V1;
    String keyed = V1.replace("paths:\n", "security: [{apiKey: []}]\npaths:\n");
    String either = V1.replace("paths:\n", "security: [{apiKey: []}, {oauth: [read]}]\npaths:\n");
    assertThat(compare(open, keyed)).extracting(RestChange::kind, RestChange::breaking).containsOnly(tuple(Kind.SECURITY_CHANGED, true));
    assertThat(compare(keyed, either)).extracting(RestChange::kind, RestChange::breaking).containsOnly(tuple(Kind.SECURITY_CHANGED, false));
    assertThat(compare(either, keyed)).extracting(RestChange::breaking).containsOnly(true);
    assertThat(compare(keyed, open)).extracting(RestChange::breaking).containsOnly(false);
    assertThat(compare(keyed, open)).extracting(RestChange::oldPointer).containsExactlyInAnyOrder("/paths/~1pets/get",
        "/paths/~1pets/post", "/paths/~1pets~1{petId}/get", "/paths/~1pets~1{petId}/delete");
  }

  @Test
  void enumValuesAddedBreakNothingRemovedBreakRequestsOnly() {
    String v2 = spec(PATHS, PET.replace("[available, sold]", "[available, pending, sold]").replace("[available, ", "[")
        + NEW_PET.replace("[cat, dog]", "[cat, bird]"));
    assertChanges(V1, v2).containsExactly(
        tuple(Kind.ENUM_VALUE_REMOVED, "/components/schemas/NewPet/properties/kind/enum/1", null,
            "enum value \"dog\" of property \"kind\" of NewPet removed", true),
        tuple(Kind.ENUM_VALUE_ADDED, null, "/components/schemas/NewPet/properties/kind/enum/1",
            "enum value \"bird\" of property \"kind\" of NewPet added", false),
        tuple(Kind.ENUM_VALUE_REMOVED, "/components/schemas/Pet/properties/status/enum/0", null,
            "enum value \"available\" of property \"status\" of Pet removed", false),
        tuple(Kind.ENUM_VALUE_ADDED, null, "/components/schemas/Pet/properties/status/enum/0",
            "enum value \"pending\" of property \"status\" of Pet added", false));
  }

  @Test
  void aNewRequiredPropertyBreaksRequestsOnly() {
    String newPet = NEW_PET.replace("properties:", "required: [name, owner]\n  properties:") + "    owner: {type: string}\n";
    String pet = PET.replace("required: [id]", "required: [id, name, owner]") + "    owner: {type: string}\n";
    assertChanges(V1, spec(PATHS, pet + newPet)).containsExactly(
        tuple(Kind.PROPERTY_BECAME_REQUIRED, "/components/schemas/NewPet/properties/name", "/components/schemas/NewPet/properties/name",
            "property \"name\" of NewPet is now required", true),
        tuple(Kind.PROPERTY_ADDED, null, "/components/schemas/NewPet/properties/owner", "property \"owner\" of NewPet added, required", true),
        tuple(Kind.PROPERTY_BECAME_REQUIRED, "/components/schemas/Pet/properties/name", "/components/schemas/Pet/properties/name",
            "property \"name\" of Pet is now required", false),
        tuple(Kind.PROPERTY_ADDED, null, "/components/schemas/Pet/properties/owner", "property \"owner\" of Pet added, required", false));
  }

  @Test
  void aRequiredReadOnlyPropertyBreaksNoRequest() {
    String newPet = NEW_PET.replace("properties:", "required: [id]\n  properties:") + "    id: {type: string, readOnly: true}\n";
    assertThat(compare(V1, spec(PATHS, PET + newPet))).extracting(RestChange::kind, RestChange::breaking)
        .containsExactly(tuple(Kind.PROPERTY_ADDED, false));
  }

  @Test
  void aRenamedSchemaOfTheSameStructureIsANonBreakingReplacement() {
    String v2 = spec(PATHS.replace("schemas/Pet'", "schemas/Animal'"), PET.replace("Pet:", "Animal:") + NEW_PET);
    assertChanges(V1, v2).containsExactly(
        tuple(Kind.SCHEMA_ADDED, null, "/components/schemas/Animal", "schema Animal added", false),
        tuple(Kind.SCHEMA_REMOVED, "/components/schemas/Pet", null, "schema Pet removed", false),
        tuple(Kind.SCHEMA_REPLACED, "/paths/~1pets/get/responses/200/content/application~1json/schema/items",
            "/paths/~1pets/get/responses/200/content/application~1json/schema/items",
            "items of GET /pets response 200: $ref Pet -> $ref Animal, same structure", false),
        tuple(Kind.SCHEMA_REPLACED, "/paths/~1pets/post/responses/201/content/application~1json/schema",
            "/paths/~1pets/post/responses/201/content/application~1json/schema",
            "POST /pets response 201: $ref Pet -> $ref Animal, same structure", false),
        tuple(Kind.SCHEMA_REPLACED, "/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema",
            "/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema",
            "GET /pets/{petId} response 200: $ref Pet -> $ref Animal, same structure", false));
  }

  @Test
  void aReplacementOfAnotherStructureBreaksAndSaysWhere() {
    String v2 = spec(PATHS.replace("schemas/NewPet'", "schemas/Pet'"), PET + NEW_PET);
    assertChanges(V1, v2).containsExactly(
        tuple(Kind.SCHEMA_REPLACED, "/paths/~1pets/post/requestBody/content/application~1json/schema",
            "/paths/~1pets/post/requestBody/content/application~1json/schema",
            "POST /pets request body: $ref NewPet -> $ref Pet, different structure: property \"id\" added", true));
  }

  @Test
  void aRecursiveSchemaExtractedUnderAnotherNameIsTheSameStructure() {
    String tree = """
        Node:
          type: object
          properties:
            value: {type: string}
            children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        """;
    String paths = """
        /tree:
          get:
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}}
        """;
    String v2 = spec(paths.replace("/Node'", "/TreeNode'"), tree.replace("Node", "TreeNode"));
    assertThat(compare(spec(paths, tree), v2)).filteredOn(c -> c.kind() == Kind.SCHEMA_REPLACED)
        .extracting(RestChange::detail, RestChange::breaking)
        .containsExactly(tuple("GET /tree response 200: $ref Node -> $ref TreeNode, same structure", false));
  }

  @Test
  void inlineToRefIsAReplacementComparedStructurally() {
    String inline = PATHS.replace("{$ref: '#/components/schemas/NewPet'}",
        "{type: object, properties: {name: {type: string}, kind: {type: string, enum: [cat, dog]}}}");
    assertThat(compare(spec(inline, PET + NEW_PET), V1)).extracting(RestChange::kind, RestChange::breaking)
        .containsExactly(tuple(Kind.SCHEMA_REPLACED, false));
  }

  @Test
  void inlineBodiesAreComparedWhereTheyAreWritten() {
    String inline = PATHS.replace("{$ref: '#/components/schemas/NewPet'}", "{type: object, properties: {name: {type: string}}}");
    String v2 = PATHS.replace("{$ref: '#/components/schemas/NewPet'}",
        "{type: object, required: [tag], properties: {name: {type: string}, tag: {type: string}}}");
    assertChanges(spec(inline, PET + NEW_PET), spec(v2, PET + NEW_PET)).containsExactly(
        tuple(Kind.PROPERTY_ADDED, null, "/paths/~1pets/post/requestBody/content/application~1json/schema/properties/tag",
            "property \"tag\" of POST /pets request body added, required", true));
  }

  @Test
  void aRemovedOperationBreaksAnAddedOneDoesNot() {
    String v2 = PATHS.replaceAll("(?s)  delete:.*", "") + "/owners:\n  get:\n    operationId: listOwners\n    responses: {'200': {description: ok}}\n";
    assertChanges(V1, spec(v2, PET + NEW_PET)).containsExactly(
        tuple(Kind.OPERATION_ADDED, null, "/paths/~1owners/get", "GET /owners (listOwners) added", false),
        tuple(Kind.OPERATION_REMOVED, "/paths/~1pets~1{petId}/delete", null, "DELETE /pets/{petId} (deletePet) removed", true));
  }

  @Test
  void aMovedOperationIsAPathChange() {
    String v2 = PATHS.replace("/pets/{petId}:\n  get:", "/animals/{petId}:\n  get:").replace("  delete:", "/pets/{petId}:\n  delete:");
    assertThat(compare(V1, spec(v2, PET + NEW_PET))).extracting(RestChange::kind, RestChange::operation, RestChange::oldPointer,
        RestChange::newPointer, RestChange::detail, RestChange::breaking).containsExactly(
        tuple(Kind.PATH_CHANGED, "GET /pets/{petId}", "/paths/~1pets~1{petId}/get", "/paths/~1animals~1{petId}/get",
            "operation getPet moved: GET /pets/{petId} -> GET /animals/{petId}", true));
  }

  @Test
  void aRenamedPathVariableIsTheSameRoute() {
    assertChanges(V1, V1.replace("{petId}", "{id}").replace("name: petId", "name: id")).containsExactly(
        tuple(Kind.PARAMETER_RENAMED, "/paths/~1pets~1{petId}/delete/parameters/0", "/paths/~1pets~1{id}/delete/parameters/0",
            "path parameter \"petId\" of DELETE /pets/{petId} renamed to \"id\"", false),
        tuple(Kind.PARAMETER_RENAMED, "/paths/~1pets~1{petId}/get/parameters/0", "/paths/~1pets~1{id}/get/parameters/0",
            "path parameter \"petId\" of GET /pets/{petId} renamed to \"id\"", false));
  }

  @Test
  void aPathParameterOnlyNowDeclaredBreaksNothing() {
    String undeclared = PATHS.replace("    operationId: deletePet\n    parameters: [{name: petId, in: path, required: true, schema: {type: string}}]\n",
        "    operationId: deletePet\n");
    assertChanges(spec(undeclared, PET + NEW_PET), V1).containsExactly(tuple(Kind.PARAMETER_ADDED, null,
        "/paths/~1pets~1{petId}/delete/parameters/0", "path parameter \"petId\" of DELETE /pets/{petId} added, required", false));
  }

  @Test
  void parameters() {
    String v2 = PATHS.replace("- {name: limit, in: query, schema: {type: integer}}", "- {name: limit, in: query, required: true, schema: {type: string}}")
        .replace("- {name: cursor, in: query, schema: {type: string}}",
            "- {name: X-Trace, in: header, schema: {type: string}}\n      - {name: tenant, in: query, required: true, schema: {type: string}}");
    assertChanges(V1, spec(v2, PET + NEW_PET)).containsExactly(
        tuple(Kind.PARAMETER_BECAME_REQUIRED, "/paths/~1pets/get/parameters/0", "/paths/~1pets/get/parameters/0",
            "query parameter \"limit\" of GET /pets is now required", true),
        tuple(Kind.PARAMETER_RETYPED, "/paths/~1pets/get/parameters/0/schema", "/paths/~1pets/get/parameters/0/schema",
            "query parameter \"limit\" of GET /pets: integer -> string", true),
        tuple(Kind.PARAMETER_REMOVED, "/paths/~1pets/get/parameters/1", null, "query parameter \"cursor\" of GET /pets removed", true),
        tuple(Kind.PARAMETER_ADDED, null, "/paths/~1pets/get/parameters/1", "header parameter \"X-Trace\" of GET /pets added", false),
        tuple(Kind.PARAMETER_ADDED, null, "/paths/~1pets/get/parameters/2", "query parameter \"tenant\" of GET /pets added, required", true));
  }

  @Test
  void responsesMediaTypesAndRequestBodies() {
    String v2 = PATHS.replace("      '404': {description: not found}\n", "")
        .replace("'201': {description: created, content: {application/json:", "'201': {description: created, content: {application/xml:")
        .replace("requestBody: {required: true,", "requestBody: {")
        .replace("responses: {'204': {description: gone}}", "responses: {'200': {description: gone}}");
    String v1 = spec(PATHS.replace("requestBody: {required: true,", "requestBody: {"), PET + NEW_PET);
    String required = spec(PATHS, PET + NEW_PET);
    assertChanges(v1, spec(v2, PET + NEW_PET)).containsExactly(
        tuple(Kind.MEDIA_TYPE_CHANGED, "/paths/~1pets/post/responses/201/content/application~1json",
            "/paths/~1pets/post/responses/201/content/application~1xml", "media type of POST /pets response 201: application/json -> application/xml", true),
        tuple(Kind.RESPONSE_ADDED, null, "/paths/~1pets~1{petId}/delete/responses/200", "DELETE /pets/{petId} response 200 added", false),
        tuple(Kind.RESPONSE_REMOVED, "/paths/~1pets~1{petId}/delete/responses/204", null, "DELETE /pets/{petId} response 204 removed", true),
        tuple(Kind.RESPONSE_REMOVED, "/paths/~1pets~1{petId}/get/responses/404", null, "GET /pets/{petId} response 404 removed", false));
    assertChanges(v1, required).containsExactly(tuple(Kind.REQUEST_BODY_BECAME_REQUIRED, "/paths/~1pets/post/requestBody",
        "/paths/~1pets/post/requestBody", "POST /pets request body is now required", true));
  }

  @Test
  void allOfIsMergedAndAComponentMemberIsLeftToItsOwnComparison() {
    String v1 = """
        Base:
          type: object
          properties:
            id: {type: string}
        Dog:
          allOf:
            - $ref: '#/components/schemas/Base'
            - type: object
              properties:
                bark: {type: boolean}
        """;
    String moved = v1.replace("    id: {type: string}\n", "    id: {type: string}\n    bark: {type: boolean}\n")
        .replace("        bark: {type: boolean}\n", "        name: {type: string}\n");
    assertChanges(spec(PATHS, PET + NEW_PET + v1), spec(PATHS, PET + NEW_PET + moved)).containsExactly(
        tuple(Kind.PROPERTY_ADDED, null, "/components/schemas/Base/properties/bark", "property \"bark\" of Base added", false),
        tuple(Kind.PROPERTY_ADDED, null, "/components/schemas/Dog/allOf/1/properties/name", "property \"name\" of Dog added", false));
  }

  @Test
  void swagger2() {
    String v1 = """
        swagger: '2.0'
        info: {title: Pets, version: '1'}
        paths:
          /pets:
            post:
              parameters:
                - {name: dryRun, in: query, type: boolean}
                - {name: body, in: body, required: true, schema: {type: object, properties: {name: {type: string}}}}
              responses:
                '200': {description: ok, schema: {$ref: '#/definitions/Pet'}}
        definitions:
          Pet: {type: object, properties: {name: {type: string}}}
        """;
    String v2 = v1.replace("type: boolean", "type: string").replace("name: {type: string}}}}", "name: {type: integer}}}}")
        .replace("Pet: {type: object, properties: {name: {type: string}}}", "Pet: {type: object, properties: {name: {type: string}, tag: {type: string}}}");
    assertChanges(v1, v2).containsExactly(
        tuple(Kind.PROPERTY_ADDED, null, "/definitions/Pet/properties/tag", "property \"tag\" of Pet added", false),
        tuple(Kind.PARAMETER_RETYPED, "/paths/~1pets/post/parameters/0", "/paths/~1pets/post/parameters/0",
            "query parameter \"dryRun\" of POST /pets: boolean -> string", true),
        tuple(Kind.PROPERTY_RETYPED, "/paths/~1pets/post/parameters/1/schema/properties/name",
            "/paths/~1pets/post/parameters/1/schema/properties/name", "property \"name\" of POST /pets request body: string -> integer", true));
  }

  @Test
  void externalRefsAreReportedNotFollowed() {
    String v2 = spec(PATHS.replaceAll("(?s)/pets/\\{petId}:.*", "/pets/{petId}: {\\$ref: 'paths.yaml#/pet'}\n")
        .replace("{$ref: '#/components/schemas/NewPet'}", "{$ref: 'pets.yaml#/NewPet'}"), PET + NEW_PET);
    assertChanges(V1, v2).containsExactly(
        tuple(Kind.UNRESOLVED_REF, "/paths/~1pets/post/requestBody/content/application~1json/schema",
            "/paths/~1pets/post/requestBody/content/application~1json/schema",
            "POST /pets request body: $ref NewPet -> $ref pets.yaml#/NewPet; a $ref into another file is not followed: compare bundled specs to check it",
            false),
        tuple(Kind.UNRESOLVED_REF, null, "/paths/~1pets~1{petId}",
            "/paths/~1pets~1{petId}: $ref paths.yaml#/pet is not followed, so its operations are not compared: compare bundled specs", false));
  }

  /** Every corpus pair, v1 -> v2: no exception, and every pointer names a node of its document. */
  @ParameterizedTest
  @MethodSource("io.rest2grpc.openapi.support.Corpus#evolutionPairs")
  void corpusPairs(Path pair) {
    JsonNode v1 = load(version(pair, "v1"));
    JsonNode v2 = load(version(pair, "v2"));
    long start = System.nanoTime();
    List<RestChange> changes = RestDiff.compare(v1, v2);
    long millis = (System.nanoTime() - start) / 1_000_000;

    for (RestChange change : changes) {
      if (change.oldPointer() != null) {
        assertThat(v1.at(change.oldPointer()).isMissingNode()).as("old pointer of %s", change).isFalse();
      }
      if (change.newPointer() != null) {
        assertThat(v2.at(change.newPointer()).isMissingNode()).as("new pointer of %s", change).isFalse();
      }
    }
    assertThat(RestDiff.compare(v1, v2)).isEqualTo(changes);
    Map<Kind, Integer> perKind = new TreeMap<>();
    changes.forEach(c -> perKind.merge(c.kind(), 1, Integer::sum));
    System.out.printf("%s: %d changes, %d breaking, in %d ms; %s%n", pair.getFileName(), changes.size(),
        changes.stream().filter(RestChange::breaking).count(), millis, perKind);
  }

  private static JsonNode load(Path spec) {
    return new DocumentLoader(spec, ConversionOptions.DEFAULT_MAX_SPEC_BYTES).load(spec);
  }

  private static Path version(Path pair, String version) {
    Path yaml = pair.resolve(version + ".yaml");
    return Files.exists(yaml) ? yaml : pair.resolve(version + ".json");
  }
}
