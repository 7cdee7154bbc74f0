package io.rest2grpc.openapi.read;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs spread over several files: names, locations and the recovery of operation-level $refs. */
class MultiFileSpecTest {
  @TempDir Path dir;

  private Path write(String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void externalSchemasKeepTheirNamesAndOperationRefsAreRecovered() throws Exception {
    Path entry = write("api/openapi.yaml", """
        openapi: 3.1.0
        info: {title: Files, version: 1.0.0}
        paths:
          /things/{id}:
            get:
              $ref: 'resources/things/get_thing.yml'
          /owners:
            $ref: 'resources/owners/path.yml'
        """);
    write("api/resources/things/get_thing.yml", """
        operationId: fetchThing
        parameters: [{$ref: '../shared/parameters.yml#/id'}]
        responses:
          '200':
            description: ok
            content:
              application/json:
                schema: {$ref: 'models/thing.yml'}
        """);
    write("api/resources/shared/parameters.yml", """
        id: {name: id, in: path, required: true, schema: {type: string}}
        """);
    write("api/resources/things/models/thing.yml", """
        type: object
        properties:
          note: {type: string, nullable: true}
          owner: {$ref: '../../owners/models.yml#/Owner'}
          kind:
            oneOf: [{$ref: '#/$defs/Small'}, {$ref: '#/$defs/Large'}]
            discriminator:
              propertyName: size
              mapping: {small: '#/$defs/Small', large: '#/$defs/Large'}
        $defs:
          Small: {type: object, properties: {size: {type: string}}}
          Large: {type: object, properties: {size: {type: string}, weight: {type: number}}}
        """);
    write("api/resources/owners/models.yml", """
        Owner:
          type: object
          properties:
            name: {type: string}
        """);
    write("api/resources/owners/path.yml", """
        get:
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {$ref: 'models.yml#/Owner'}}
        """);
    Conversion c = OpenApiToProto.convert(entry, ConversionOptions.defaults());
    assertCompilesAndLints(c, dir);
    String text = protoText(c);
    assertThat(text).contains("rpc GetThing(GetThingRequest) returns (Thing)", "message Thing {", "optional string note = 1;",
        "Owner owner = 2;", "ThingKind kind = 3;", "Small small = 1;", "Large large = 2;", "message Owner {",
        "rpc ListOwners(ListOwnersRequest) returns (ListOwnersResponse)");
    assertThat(c.report().findings()).filteredOn(f -> f.category() == Category.OPERATION_REF_INLINED)
        .extracting(Finding::source).extracting(Object::toString)
        .containsExactly("openapi.yaml#/paths/~1things~1{id}/get");
  }

  @Test
  void anErrorInAReferencedFileNamesThatFileAndPointer() throws Exception {
    Path entry = write("openapi.yaml", """
        openapi: 3.0.3
        info: {title: Files, version: 1.0.0}
        paths:
          /things:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: 'models/thing.yaml'}
        """);
    write("models/thing.yaml", """
        type: object
        properties:
          owner: {$ref: '#/definitions/Missing'}
        """);
    assertThatThrownBy(() -> OpenApiToProto.convert(entry, ConversionOptions.defaults()))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("$ref '#/definitions/Missing' does not resolve")
        .satisfies(e -> assertThat(((ConversionException) e).location()).hasToString("models/thing.yaml#/properties/owner"));
  }

  @Test
  void refFragmentsArePercentDecodedPointers() throws Exception {
    Path entry = write("api/openapi.yaml", """
        openapi: 3.0.3
        info: {title: Encoded, version: 1.0.0}
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, properties: {name: {type: string}}}
          /items/{id}/copy:
            post:
              operationId: copyItem
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: 'models.yaml#/Caf%C3%A9%20Order'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/paths/~1items~1%7Bid%7D/get/responses/200/content/application~1json/schema'}
        """);
    write("api/models.yaml", """
        Café Order: {type: object, properties: {total: {type: integer}}}
        """);
    Conversion conversion = OpenApiToProto.convert(entry, ConversionOptions.defaults());
    String proto = protoText(conversion);
    assertThat(proto).contains("rpc CopyItem(CopyItemRequest) returns (GetItemResponse)");
    assertThat(proto).contains("message CafOrder {\n  int64 total = 1;");
    assertCompilesAndLints(conversion, dir.resolve("out"));
  }

  @Test
  void refFilePartsArePercentDecodedUriReferences() throws Exception {
    Path entry = write("api/openapi.yaml", """
        openapi: 3.0.3
        info: {title: Encoded files, version: 1.0.0}
        paths:
          /orders:
            $ref: 'paths/order%20paths.yaml#/orders'
          /parts:
            get:
              operationId: listParts
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: './schemas/a%2Bb.yaml'}
        """);
    write("api/paths/order paths.yaml", """
        orders:
          get:
            operationId: getOrders
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '../other%20file.yaml#/Order'}
        """);
    write("api/other file.yaml", """
        Order: {type: object, properties: {id: {type: string}}}
        """);
    write("api/schemas/a+b.yaml", """
        type: object
        properties: {sum: {type: integer, format: int32}}
        """);
    Conversion conversion = OpenApiToProto.convert(entry, ConversionOptions.defaults());
    String proto = protoText(conversion);
    assertThat(proto).contains("message Order {\n  string id = 1;", "int32 sum = 1;");
    assertCompilesAndLints(conversion, dir.resolve("out"));
  }
}
