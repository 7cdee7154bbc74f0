package io.rest2grpc.openapi.write;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.proto.ProtoFile;
import io.rest2grpc.options.v1.OptionsProto;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long options are written in multi-line text format and still compile to the descriptor the
 * converter builds in memory; short ones stay on one line.
 */
class OptionLayoutTest {
  private static final String LONG_DEFAULT = "a default value long enough to need splitting: ".repeat(5) + "\"quoted\", \\ and é";

  @Test
  void longOptionsAreMultiLineAndCompileToTheSameDescriptor(@TempDir Path dir) {
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        servers: [{url: 'https://shop.example/api/v1'}]
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters:
                - {name: limit, in: query, schema: {type: integer, default: 20, maximum: 100}}
                - {name: offset, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  headers: {X-Total-Count: {schema: {type: integer}}}
                  content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}
        components:
          schemas:
            Order:
              type: object
              properties:
                id: {type: string}
                delivered_at: {type: string, format: date-time, nullable: true, readOnly: true}
                note: {type: string, default: '%s'}
        """.formatted(LONG_DEFAULT.replace("'", "''")));
    Map<String, FileDescriptor> compiled = assertCompilesAndLints(c, dir);
    for (FileDescriptorProto built : DescriptorBuilder.protos(c)) {
      assertThat(built).as(built.getName()).isEqualTo(compiled.get(built.getName()).toProto());
    }
    assertThat(compiled.get("shop/v1/models.proto").findMessageTypeByName("Order").findFieldByName("note").getOptions()
        .getExtension(OptionsProto.field).getDefaultValue().getStringValue()).isEqualTo(LONG_DEFAULT);

    String models = print(c, "models.proto");
    assertThat(models).contains("""
          optional google.protobuf.Timestamp delivered_at = 2 [
            json_name = "delivered_at",
            (google.api.field_behavior) = OUTPUT_ONLY,
            (rest2grpc.options.v1.field) = {
              format: FORMAT_DATE_TIME
              format_name: "date-time"
              nullable: true
            }
          ];
        """, "  string id = 1;\n");
    String service = print(c, "orders_service.proto");
    assertThat(service).contains("    option (rest2grpc.options.v1.method) = {\n      response_headers: \"X-Total-Count\"\n      paging {\n");
    for (String proto : List.of(models, service)) {
      assertThat(proto.lines().filter(l -> !l.stripLeading().startsWith("//")))
          .as("every line outside comments fits in %d columns", OptionLayout.WIDTH).allMatch(l -> l.length() <= OptionLayout.WIDTH);
    }
  }

  private static String print(Conversion c, String name) {
    ProtoFile file = c.files().stream().filter(f -> f.path().endsWith("/" + name)).findFirst().orElseThrow();
    return ProtoPrinter.print(file, c);
  }
}
