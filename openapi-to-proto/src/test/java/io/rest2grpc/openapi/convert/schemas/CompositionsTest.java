package io.rest2grpc.openapi.convert.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.rest2grpc.openapi.convert.schemas.Compositions.Members;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The members {@link Compositions} gathers from allOf, anyOf and oneOf, in field order. */
class CompositionsTest {
  @TempDir Path dir;

  private static Members members(SchemaFixture f, String component) {
    Located<Schema> c = f.component(component);
    return f.compositions().of(c.value(), c.location());
  }

  @Test
  void allOfMembersComeFirstAndALaterDeclarationWinsInPlace() {
    SchemaFixture f = SchemaFixture.of(dir, """
        Animal:
          type: object
          required: [id]
          properties:
            id: {type: string}
            name: {type: string}
        Cat:
          allOf:
            - $ref: '#/components/schemas/Animal'
            - properties:
                meows: {type: boolean}
          required: [meows]
          properties:
            name: {type: integer}
            lives: {type: integer}
        """);
    Members m = members(f, "Cat");
    assertThat(m.properties().keySet()).containsExactly("id", "name", "meows", "lives");
    assertThat(m.properties().get("name").location()).hasToString("spec.yaml#/components/schemas/Cat/properties/name");
    assertThat(m.required()).containsExactly("id", "meows");
    assertThat(m.unions()).isEmpty();
    assertThat(f.report().report().findings()).extracting(Finding::category, Finding::message).containsExactly(
        tuple(Category.ALLOF_OVERRIDE,
            "property 'name' also declared at spec.yaml#/components/schemas/Animal/properties/name; this declaration wins"));
  }

  @Test
  void anyOfOfObjectsMergesTheirFieldsNoneRequired() {
    SchemaFixture f = SchemaFixture.of(dir, """
        Card:
          type: object
          required: [number]
          properties:
            number: {type: string}
        Iban:
          type: object
          required: [iban]
          properties:
            iban: {type: string}
        Payment:
          anyOf:
            - $ref: '#/components/schemas/Card'
            - $ref: '#/components/schemas/Iban'
            - {}
        """);
    Members m = members(f, "Payment");
    assertThat(m.properties().keySet()).containsExactly("number", "iban");
    assertThat(m.required()).isEmpty();
    assertThat(m.unions()).isEmpty();
  }

  @Test
  void oneOfStaysAUnion() {
    SchemaFixture f = SchemaFixture.of(dir, """
        Id:
          properties:
            kind: {type: string}
          oneOf:
            - {type: string}
            - {type: integer}
        """);
    Members m = members(f, "Id");
    assertThat(m.properties().keySet()).containsExactly("kind");
    assertThat(m.unions()).extracting(u -> u.location().toString()).containsExactly("spec.yaml#/components/schemas/Id");
  }

  @Test
  void anyOfObjectsWithADistinctConstEachStayAUnion() {
    SchemaFixture f = SchemaFixture.of(dir, """
        Shape:
          anyOf:
            - {type: object, properties: {kind: {const: circle}, radius: {type: number}}}
            - {type: object, properties: {kind: {type: string, enum: [square]}, side: {type: number}}}
        """);
    Members m = members(f, "Shape");
    assertThat(m.properties()).isEmpty();
    assertThat(m.unions()).extracting(u -> u.location().toString()).containsExactly("spec.yaml#/components/schemas/Shape");
  }

  @Test
  void anAnyOfMergeThatLosesATypeOrValuesIsAReportRow() {
    SchemaFixture f = SchemaFixture.of(dir, """
        Size:
          anyOf:
            - {type: object, properties: {value: {type: integer}, unit: {type: string, enum: [cm, m]}}}
            - {type: object, properties: {value: {type: string}, unit: {type: string, enum: [in]}, note: {type: string}}}
        """);
    Members m = members(f, "Size");
    assertThat(m.properties().keySet()).containsExactly("value", "unit", "note");
    assertThat(m.properties().get("unit").location()).hasToString("spec.yaml#/components/schemas/Size/anyOf/1/properties/unit");
    assertThat(f.report().report().findings()).extracting(Finding::category, x -> x.source().toString()).containsExactly(
        tuple(Category.ANYOF_MERGE_LOSSY, "spec.yaml#/components/schemas/Size/anyOf/1/properties/value"),
        tuple(Category.ANYOF_MERGE_LOSSY, "spec.yaml#/components/schemas/Size/anyOf/1/properties/unit"));
  }

  @Test
  void circularAllOfIsAnErrorThatNamesTheCycle() {
    SchemaFixture f = SchemaFixture.of(dir, """
        A:
          allOf: [{$ref: '#/components/schemas/B'}]
          properties: {a: {type: string}}
        B:
          allOf: [{$ref: '#/components/schemas/A'}]
          properties: {b: {type: string}}
        """);
    assertThatThrownBy(() -> members(f, "A")).isInstanceOf(ConversionException.class).hasMessageContaining(
        "circular allOf: spec.yaml#/components/schemas/A -> spec.yaml#/components/schemas/B -> spec.yaml#/components/schemas/A");
  }
}
