package io.rest2grpc.openapi.convert.operations;

import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.MethodOptions.IdempotencyLevel;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.openapi.report.Fact;
import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard idempotency_level per HTTP method, idempotency keys and x-idempotent, and the
 * x-timeout of the service config (module README, "Service config"). Protoc's reading of the same
 * options is checked by GoldenTest and CorpusTest (DescriptorBuilder equals protoc).
 */
class IdempotencyMappingTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      paths:
        /items:
          get: {operationId: listItems, responses: {'200': {description: ok}}}
          post: {operationId: createItem, responses: {'200': {description: ok}}}
          head: {operationId: headItems, responses: {'200': {description: ok}}}
        /items/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          put: {operationId: replaceItem, responses: {'200': {description: ok}}}
          delete: {operationId: deleteItem, responses: {'200': {description: ok}}}
          patch: {operationId: updateItem, responses: {'200': {description: ok}}}
        /payments:
          post:
            operationId: createPayment
            parameters: [{name: Idempotency-Key, in: header, schema: {type: string}}]
            responses: {'200': {description: ok}}
      """;

  private static Map<String, IdempotencyLevel> levels(Conversion c) {
    return DescriptorBuilder.build(c).values().stream().flatMap(f -> f.getServices().stream()).flatMap(s -> s.getMethods().stream())
        .collect(Collectors.toMap(MethodDescriptor::getName, m -> m.getOptions().getIdempotencyLevel()));
  }

  @Test
  void levelsFollowTheHttpMethodAndIdempotencyKeys() {
    assertThat(levels(convert(dir, SPEC))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "ListItems", IdempotencyLevel.NO_SIDE_EFFECTS,
        "HeadItems", IdempotencyLevel.NO_SIDE_EFFECTS,
        "CreateItem", IdempotencyLevel.IDEMPOTENCY_UNKNOWN,
        "ReplaceItem", IdempotencyLevel.IDEMPOTENT,
        "DeleteItem", IdempotencyLevel.IDEMPOTENT,
        "UpdateItem", IdempotencyLevel.IDEMPOTENCY_UNKNOWN,
        "CreatePayment", IdempotencyLevel.IDEMPOTENT));
  }

  @Test
  void xIdempotentDecidesBothWaysAndXTimeoutSetsTheMethodTimeoutThroughTheConfig() throws Exception {
    Path config = dir.resolve("rest2grpc.yaml");
    Files.writeString(config, """
        overrides:
          /paths/~1items~1{id}/patch: {x-idempotent: true}
          /paths/~1items~1{id}/delete: {x-idempotent: false}
          /paths/~1items/get: {x-timeout: 250ms}
        """);
    Conversion c = convert(dir, SPEC, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false, null,
        new SpecOverrides(List.of(), config)));
    assertThat(levels(c)).containsEntry("UpdateItem", IdempotencyLevel.IDEMPOTENT)
        .containsEntry("DeleteItem", IdempotencyLevel.IDEMPOTENCY_UNKNOWN);
    assertThat(Specs.facts(c, "shop.v1.ItemsService.ListItems")).containsEntry(Fact.TIMEOUT.key(), "0.25s");
  }

  @Test
  void badOverridesNameTheOperation() {
    assertThatThrownBy(() -> convert(dir, SPEC.replace("operationId: listItems,", "operationId: listItems, x-timeout: soon,")))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.describe()).isEqualTo(
            "openapi.yaml#/paths/~1items/get/x-timeout (line 5, column 35): x-timeout is 'soon'\n  hint: write a positive duration such as 5s, 1.5s, 500ms or 2m"));
    assertThatThrownBy(() -> convert(dir, SPEC.replace("operationId: listItems,", "operationId: listItems, x-idempotent: maybe,")))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.describe()).isEqualTo(
            "openapi.yaml#/paths/~1items/get/x-idempotent (line 5, column 35): x-idempotent is 'maybe'\n  hint: write true or false"));
  }
}
