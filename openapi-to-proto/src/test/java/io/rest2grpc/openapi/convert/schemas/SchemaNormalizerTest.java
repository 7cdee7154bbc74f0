package io.rest2grpc.openapi.convert.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link SchemaNormalizer} takes off a schema, and where it stops. */
class SchemaNormalizerTest {
  @TempDir Path dir;

  private static final String PET = """
      Pet:
        description: A pet.
        type: object
        properties:
          name: {type: string}
      """;

  @Test
  void allOfOfOneReferenceWithAnAnnotationIsTheReferencedSchema() {
    SchemaFixture f = SchemaFixture.of(dir, PET + """
        Annotated:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - description: The pet of the order.
              example: {name: Rex}
        """);
    Normalized n = f.normalize("Annotated");
    assertThat(n.location()).hasToString("spec.yaml#/components/schemas/Pet");
    assertThat(n.refName()).isEqualTo("Pet");
    assertThat(n.description()).isEqualTo("The pet of the order.");
    assertThat(n.nullable()).isFalse();
    assertThat(n.schema().getProperties()).containsOnlyKeys("name");
  }

  @Test
  void anyOfOfOneSchemaAndNullIsThatSchemaNullable() {
    SchemaFixture f = SchemaFixture.of(dir, PET + """
        MaybePet:
          anyOf:
            - $ref: '#/components/schemas/Pet'
            - type: 'null'
        """);
    Normalized n = f.normalize("MaybePet");
    assertThat(n.location()).hasToString("spec.yaml#/components/schemas/Pet");
    assertThat(n.nullable()).isTrue();
    assertThat(n.description()).isEqualTo("A pet.");
  }

  @Test
  void aNullPlaceholderBesideAReferenceMakesItNullable() {
    SchemaFixture f = SchemaFixture.of(dir, PET + """
        MaybePet:
          anyOf:
            - {title: 'null', type: object, nullable: true, description: No pet.}
            - $ref: '#/components/schemas/Pet'
        MaybePet31:
          oneOf:
            - $ref: '#/components/schemas/Pet'
            - {type: [object, 'null'], additionalProperties: false}
        AnyObjectOrPet:
          anyOf:
            - {type: object, nullable: true, additionalProperties: true}
            - $ref: '#/components/schemas/Pet'
        """);
    for (String name : new String[] {"MaybePet", "MaybePet31"}) {
      Normalized n = f.normalize(name);
      assertThat(n.location()).as(name).hasToString("spec.yaml#/components/schemas/Pet");
      assertThat(n.nullable()).as(name).isTrue();
    }
    assertThat(f.normalize("AnyObjectOrPet").location()).as("an object that allows any member is not a placeholder")
        .hasToString("spec.yaml#/components/schemas/AnyObjectOrPet");
  }

  @Test
  void allOfThatAddsPropertiesStaysWhereItIs() {
    SchemaFixture f = SchemaFixture.of(dir, PET + """
        Dog:
          allOf:
            - $ref: '#/components/schemas/Pet'
            - properties:
                barks: {type: boolean}
        """);
    Normalized n = f.normalize("Dog");
    assertThat(n.location()).hasToString("spec.yaml#/components/schemas/Dog");
    assertThat(n.refName()).isNull();
    assertThat(n.description()).isNull();
  }

  @Test
  void aReferenceTakesTheNameItsComponentReserved() {
    SchemaFixture f = SchemaFixture.of(dir, PET + """
        Alias:
          $ref: '#/components/schemas/Pet'
        """);
    f.naming().reserveComponent("Pet", f.component("Pet").location(), Set.of("Pet"), Map.of());
    assertThat(f.normalize("Alias").refName()).isEqualTo("PetBody");
  }
}
