package io.rest2grpc.maven.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.maven.mappers.MapperSet.PlannedMapper;
import io.rest2grpc.maven.mappers.SampleMappers;
import io.rest2grpc.maven.mappers.plan.Mapper;
import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-check's documents: the spec's examples, found through the lock, and the filled-in message. */
class SelfCheckSeedsTest {
  private static final Path SAMPLE = SampleApp.repositoryRoot().resolve("sample-legacy-app");
  private static final Path SPEC = SAMPLE.resolve("src/main/resources/openapi.yaml");

  @Test
  void theSampleSpecsExamplesAreFoundUnderTheirMessagesThroughTheLock() throws Exception {
    Map<String, List<Seed>> examples = SpecExamples.read(List.of(SPEC), SAMPLE.resolve("src/main/proto"));

    assertThat(examples.get("sample_legacy_orders.v1.Money")).extracting(Seed::origin)
        .containsExactly("openapi.yaml#/components/schemas/Money/example");
    assertThat(examples.get("sample_legacy_orders.v1.Money").get(0).restJson()).isEqualTo("{\"currency\":\"GBP\",\"amount_cents\":4599}");
    assertThat(examples.get("sample_legacy_orders.v1.Order")).extracting(Seed::origin)
        .contains("openapi.yaml#/components/schemas/Order/example");
    assertThat(examples.values().stream().flatMap(List::stream)).allMatch(seed -> !seed.everyMappedField());
  }

  @Test
  void bodyExamplesCountForTheSchemaTheyReferenceAndAListsElementsForItsItems(@TempDir Path folder) throws Exception {
    Path spec = folder.resolve("pets.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths:
          /pets:
            get:
              responses:
                '200':
                  description: the pets
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                      example: [{name: Rex}, {name: Tom}]
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
                    examples:
                      cat: {value: {name: Felix}}
                      shared: {$ref: '#/components/examples/Dog'}
              responses: {'201': {description: created}}
        components:
          examples:
            Dog: {value: {name: Laika}}
          schemas:
            Pet:
              type: object
              properties: {name: {type: string}}
              example: {name: Garfield}
        """);
    Files.writeString(folder.resolve("pets.rest2grpc-lock.json"), """
        {"rest2grpc-lock": 1, "package": "pets.v1",
         "messages": {"Pet": {"source": "#/components/schemas/Pet", "file": "pets/v1/models.proto",
                              "fields": [{"number": 1, "name": "name", "json": "name", "type": "optional string"}], "reserved": []}},
         "enums": {}, "rpcs": {}}
        """);

    List<Seed> pets = SpecExamples.read(List.of(spec), folder).get("pets.v1.Pet");

    assertThat(pets).extracting(Seed::origin).containsExactly(
        "pets.yaml#/components/schemas/Pet/example",
        "pets.yaml#/paths/~1pets/get/responses/200/content/application~1json/example/0",
        "pets.yaml#/paths/~1pets/get/responses/200/content/application~1json/example/1",
        "pets.yaml#/paths/~1pets/post/requestBody/content/application~1json/examples/cat/value",
        "pets.yaml#/paths/~1pets/post/requestBody/content/application~1json/examples/shared/value");
    assertThat(pets).extracting(Seed::restJson).containsExactly("{\"name\":\"Garfield\"}", "{\"name\":\"Rex\"}", "{\"name\":\"Tom\"}",
        "{\"name\":\"Felix\"}", "{\"name\":\"Laika\"}");
  }

  @Test
  void aSpecNotConvertedYetHasNoExamples(@TempDir Path folder) throws Exception {
    assertThat(SpecExamples.read(List.of(SPEC), folder)).isEmpty();
  }

  @Test
  void theFilledOrderSetsEveryFieldItsMapperMaps() throws Exception {
    Map<String, Mapper> mappers = SampleMappers.plan().mappers().stream().map(PlannedMapper::mapper)
        .collect(Collectors.toMap(Mapper::name, Function.identity()));
    Seed filled = FilledMessages.of(mappers.get("OrderDtoMapper"), mappers);
    JsonNode order = new ObjectMapper().readTree(filled.restJson());

    assertThat(order.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "user_id", "status", "items", "total", "delivery_date",
        "note", "created_at", "updated_at");
    assertThat(order.path("status").asText()).isNotEmpty().isNotEqualTo("ORDER_STATUS_UNSPECIFIED");
    assertThat(order.path("total").path("currency").asText()).isEqualTo("currency");
    assertThat(order.path("items").get(0).path("sku").asText()).isEqualTo("sku");
    assertThat(order.path("delivery_date").asText()).isEqualTo("2024-05-01");
    assertThat(filled.everyMappedField()).isTrue();
    assertThat(filled.origin()).isEqualTo("sample_legacy_orders.v1.Order with every field OrderDtoMapper maps filled in");
  }
}
