package io.rest2grpc.openapi.fidelity;

import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.cli.Main;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Examples are collected, validated against their schema, and round-tripped through the codec. */
class FidelityTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      paths:
        /orders:
          post:
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Order'}
                  examples:
                    small: {value: {id: 9007199254740993, status: in-progress, placed_at: '2024-05-01T10:00:00+02:00'}}
                    wrong: {value: {id: "not a number"}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {type: array, items: {$ref: '#/components/schemas/Order'}}
                    example: [{id: 1}]
      components:
        schemas:
          Order:
            type: object
            example: {id: 7, status: pending, note: null, tags: [a, b]}
            properties:
              id: {type: integer, format: int64}
              status: {type: string, enum: [pending, in-progress]}
              placed_at: {type: string, format: date-time}
              note: {type: string, nullable: true}
              tags: {type: array, items: {type: string}}
      """;

  @Test
  void examplesAreValidatedThenRoundTripped() {
    Conversion c = convert(dir, SPEC);
    Fidelity.Result result = Fidelity.check(c, DescriptorBuilder.build(c));
    assertThat(result.found()).isEqualTo(4);
    assertThat(result.invalid()).isEqualTo(1);
    assertThat(result.invalidExamples()).singleElement().satisfies(f -> assertThat(f.location()).endsWith("/examples/wrong/value"));
    assertThat(result.notMessages()).isEqualTo(1);
    assertThat(result.checked()).isEqualTo(2);
    assertThat(result.failures()).isEmpty();
    assertThat(result.roundTripped()).isEqualTo(2);
  }

  @Test
  void anArrayThatOnlyTheLaterAnyOfVariantTakesRoundTrips() {
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Rule:
              type: object
              example: {conditions: [{comparison: {value: 10}}]}
              properties:
                conditions:
                  anyOf:
                    - {type: array, items: {type: object, properties: {comparison: {anyOf: [{type: boolean}, {type: integer}]}}}}
                    - {type: array, items: {}}
        """);
    Fidelity.Result result = Fidelity.check(c, DescriptorBuilder.build(c));
    assertThat(result.checked()).isEqualTo(1);
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void theCommandExitsThreeBelowTheMinimum() throws Exception {
    Path spec = dir.resolve("shop.yaml");
    java.nio.file.Files.writeString(spec, SPEC);
    assertThat(Main.run("fidelity", spec.toString())).isZero();
    // proto cannot hold a null inside a list of strings: that example no longer round-trips
    Path lossy = dir.resolve("lossy.yaml");
    java.nio.file.Files.writeString(lossy, SPEC.replace("tags: [a, b]", "tags: [a, null]")
        .replace("tags: {type: array, items: {type: string}}", "tags: {type: array, items: {type: string, nullable: true}}"));
    assertThat(Main.run("fidelity", lossy.toString(), "--min", "100")).isEqualTo(3);
    Conversion c = io.rest2grpc.openapi.OpenApiToProto.convert(lossy, io.rest2grpc.openapi.conversion.ConversionOptions.defaults());
    assertThat(Fidelity.check(c, DescriptorBuilder.build(c)).failures())
        .singleElement().satisfies(f -> assertThat(f.limitation()).isEqualTo(Fidelity.NULL_IN_LIST));
    assertThat(Main.run("fidelity", lossy.toString(), "--min", "50")).isZero();
  }

  /**
   * Memory follows the spec, not schemas x spec: the validator once kept a parsed copy of the whole
   * document per schema with an example, which took this spec past 1 GB. The command runs in its
   * own JVM with a small heap; no time is measured.
   */
  @Test
  void manySchemasWithExamplesFitInASmallHeap() throws Exception {
    int schemas = 300;
    StringBuilder spec = new StringBuilder("""
        openapi: 3.0.3
        info: {title: Many, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Base: {type: object, properties: {id: {type: string}, created_at: {type: string, format: date-time}}}
        """);
    for (int i = 0; i < schemas; i++) {
      spec.append("""
              Thing%d:
                description: thing %d, with a reference, an enum and a nested object
                allOf:
                  - {$ref: '#/components/schemas/Base'}
                  - type: object
                    properties:
                      name: {type: string}
                      state: {type: string, enum: [new, used]}
                      size: {type: object, properties: {width: {type: integer}, height: {type: integer}}}
                example: {id: t%d, name: thing, state: new, size: {width: 1, height: 2}}
          """.formatted(i, i, i));
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, spec);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "fidelity", file.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).contains(schemas + " examples found, 0 invalid", schemas + " round-tripped");
  }
}
