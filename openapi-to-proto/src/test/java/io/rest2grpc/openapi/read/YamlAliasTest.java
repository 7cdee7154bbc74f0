package io.rest2grpc.openapi.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.support.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML anchors and aliases ({@code &name} … {@code *name}): an alias is the anchored node, not the string "name". */
class YamlAliasTest {
  @TempDir Path dir;

  @Test
  void anAliasedSchemaConvertsLikeTheAnchoredOne() throws Exception {
    Path spec = dir.resolve("alias.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: {title: Alias, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Order:
              type: object
              properties:
                owner: &user
                  type: object
                  properties:
                    id: {type: integer, format: int64}
                buyer: *user
        """);
    JsonNode buyer = new DocumentLoader(spec, 1 << 20).load(spec).at("/components/schemas/Order/properties/buyer");
    assertThat(buyer.path("type").asText()).isEqualTo("object");

    Conversion conversion = OpenApiToProto.convert(spec, ConversionOptions.defaults());
    var order = conversion.files().stream().flatMap(f -> f.messages().stream()).filter(m -> m.name().equals("Order")).findFirst().orElseThrow();
    assertThat(order.fields()).extracting(ProtoField::name).containsExactly("owner", "buyer");
    assertThat(order.fields().get(1).type().isScalar()).isFalse();
  }

  @Test
  void openAiAliasesAreReadAsTheirSchemas() {
    Path spec = Corpus.resolve("evolution/openai/v1.yaml");
    JsonNode user = new DocumentLoader(spec, 32 << 20).load(spec).at("/components/schemas/CreateChatCompletionRequest/properties/user");
    assertThat(user.isObject()).as("the alias *end_user_param_configuration, read as %s", user).isTrue();
  }
}
