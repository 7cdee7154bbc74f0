package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types of one shape become one type; each output is also compiled by protoc and linted by buf. */
class DuplicateTypesTest {
  @TempDir Path dir;

  private static String spec(String schemas) {
    return """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /things/{id}:
            get:
              operationId: getThing
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
        """.formatted(schemas.indent(4));
  }

  private static List<String> types(Conversion c) {
    return c.files().stream().flatMap(f -> Stream.concat(f.messages().stream().map(m -> m.name()),
        f.enums().stream().map(e -> e.name()))).sorted().toList();
  }

  @Test
  void inlineCopiesOfAComponentUseTheComponent() {
    Conversion c = convert(dir, spec("""
        Thing:
          type: object
          properties:
            home: {type: object, properties: {street: {type: string}, city: {type: string}}}
            work: {type: object, properties: {city: {type: string}, street: {type: string}}}
            status: {type: string, enum: [open, closed]}
            phase: {type: string, enum: [open, closed]}
            address: {$ref: '#/components/schemas/Address'}
        Address:
          type: object
          description: A postal address.
          properties: {street: {type: string}, city: {type: string}}
        """));
    assertCompilesAndLints(c, dir.resolve("compiled"));
    assertThat(types(c)).containsExactly("Address", "GetThingRequest", "Thing", "ThingPhase");
    assertThat(protoText(c, "models.proto")).contains("Address home = 1;", "Address work = 2;", "ThingPhase status = 3;",
        "ThingPhase phase = 4;", "Address address = 5;");
    assertThat(c.report().findings()).filteredOn(f -> f.category() == Category.DUPLICATE_TYPE_MERGED).extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "ThingStatus has the shape of ThingPhase (the same fields or values, numbers and comments aside): ThingPhase is used instead",
            "ThingHome has the shape of Address (the same fields or values, numbers and comments aside): Address is used instead",
            "ThingWork has the shape of Address (the same fields or values, numbers and comments aside): Address is used instead");
  }

  @Test
  void messagesEqualOnceTheirFieldTypesMergeMergeToo() {
    Conversion c = convert(dir, spec("""
        Thing:
          type: object
          properties:
            origin: {type: object, properties: {at: {type: object, properties: {lat: {type: number}, lng: {type: number}}}}}
            target: {type: object, properties: {at: {type: object, properties: {lng: {type: number}, lat: {type: number}}}}}
        """));
    assertCompilesAndLints(c, dir.resolve("compiled"));
    assertThat(types(c)).containsExactly("GetThingRequest", "Thing", "ThingOrigin", "ThingOriginAt");
    assertThat(protoText(c, "models.proto")).contains("ThingOrigin origin = 1;", "ThingOrigin target = 2;");
  }

  @Test
  void differencesInNameTypeLabelOrOptionsKeepTypesApart() {
    Conversion c = convert(dir, spec("""
        Thing:
          type: object
          properties:
            a: {type: object, properties: {n: {type: string}}}
            b: {type: object, properties: {m: {type: string}}}
            c: {type: object, properties: {n: {type: integer}}}
            d: {type: object, properties: {n: {type: array, items: {type: string}}}}
            e: {type: object, properties: {n: {type: string, format: date}}}
            f: {type: object, properties: {n: {type: string}}}
        """));
    assertCompilesAndLints(c, dir.resolve("compiled"));
    assertThat(types(c)).containsExactly("GetThingRequest", "Thing", "ThingA", "ThingB", "ThingC", "ThingD", "ThingE");
  }

  @Test
  void lockedTypesStayWhenTheyBecomeEqual() {
    ConversionOptions locked = ConversionOptions.defaults().withLock(dir.resolve("shop.lock.json"), false);
    Conversion v1 = convert(dir, spec("""
        Thing:
          type: object
          properties:
            home: {type: object, properties: {street: {type: string}}}
            work: {type: object, properties: {street: {type: string}, floor: {type: integer}}}
        """), locked);
    OpenApiToProto.write(v1, dir.resolve("v1"));
    Conversion v2 = convert(dir, spec("""
        Thing:
          type: object
          properties:
            home: {type: object, properties: {street: {type: string}}}
            work: {type: object, properties: {street: {type: string}}}
            site: {type: object, properties: {street: {type: string}}}
        """), locked);
    assertCompilesAndLints(v2, dir.resolve("compiled"));
    assertThat(types(v2)).containsExactly("GetThingRequest", "Thing", "ThingHome", "ThingWork");
    assertThat(protoText(v2, "models.proto")).contains("ThingHome home = 1;", "ThingWork work = 2;", "ThingHome site = 3;");
  }

  @Test
  void membersOfOneUnionStayApart() {
    Conversion c = convert(dir, spec("""
        Thing:
          type: object
          properties:
            place:
              oneOf:
                - $ref: '#/components/schemas/Home'
                - $ref: '#/components/schemas/Office'
            other: {$ref: '#/components/schemas/Home'}
        Home: {type: object, properties: {street: {type: string}}}
        Office: {type: object, properties: {street: {type: string}}}
        """));
    assertCompilesAndLints(c, dir.resolve("compiled"));
    assertThat(types(c)).contains("Home", "Office");
  }

  @Test
  void aLockedFieldKeepsItsTypeWhileThatTypeHoldsItsShape() {
    ConversionOptions locked = ConversionOptions.defaults().withLock(dir.resolve("shop.lock.json"), false);
    OpenApiToProto.write(convert(dir, spec("""
        Thing:
          type: object
          properties:
            home: {$ref: '#/components/schemas/Place'}
            work: {type: object, properties: {street: {type: string}}}
        Place: {type: object, properties: {street: {type: string}}}
        """), locked), dir.resolve("v1"));
    Conversion v2 = convert(dir, spec("""
        Thing:
          type: object
          properties:
            home: {$ref: '#/components/schemas/Place'}
            work: {type: object, properties: {street: {type: string}}}
            site: {type: object, properties: {street: {type: string}, floor: {type: integer}}}
        Place: {type: object, properties: {street: {type: string}, floor: {type: integer}}}
        """), locked);
    assertCompilesAndLints(v2, dir.resolve("compiled"));
    assertThat(protoText(v2, "models.proto")).as("work was merged into Place, which has grown: work keeps Place")
        .contains("Place home = 1;", "Place work = 2;", "Place site = 3;");
  }
}
