package io.rest2grpc.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20 MB YAML spec: swagger-parser's YAML reader silently returns an empty model past its default
 * code-point limit; ours is raised to the size limit, so it converts whenever the limit allows.
 */
class LargeSpecTest {
  @TempDir Path dir;

  @Test
  void aTwentyMegabyteYamlSpecConvertsWhenTheLimitAllows() throws Exception {
    Path spec = dir.resolve("huge.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(spec)) {
      w.write("openapi: 3.0.3\ninfo: {title: Huge, version: 1.0.0}\npaths:\n");
      for (int i = 0; i < 400; i++) {
        w.write("  /things" + i + "/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
            + "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing" + i + "'}}}}}\n");
      }
      w.write("components:\n  schemas:\n");
      for (int i = 0; Files.size(spec) < 20L << 20; i++) {
        w.write("    Thing" + i + ":\n      type: object\n      description: " + "A long description of this thing. ".repeat(20) + "\n      properties:\n");
        for (int p = 0; p < 40; p++) {
          w.write("        thing" + i + "_field_" + p + ": {type: string, description: property number " + p + " of a generated schema}\n");
        }
        w.flush();
      }
    }
    assertThat(Files.size(spec)).isGreaterThanOrEqualTo(20L << 20);

    Conversion conversion = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    assertThat(conversion.rpcCount()).isEqualTo(400);
    assertThat(conversion.messageCount()).isGreaterThan(1000);

    assertThatThrownBy(() -> OpenApiToProto.convert(spec, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 16L << 20)))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("over the size limit of 16.0 MB");
  }
}
