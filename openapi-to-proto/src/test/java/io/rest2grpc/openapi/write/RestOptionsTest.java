package io.rest2grpc.openapi.write;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Value;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.BodyEncoding;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.Int64Encoding;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.QueryStyle;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestOneof;
import io.rest2grpc.options.v1.UnionKind;
import io.rest2grpc.options.v1.Wrapper;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST facts travel in the proto: converted, compiled by protoc, and read back from the
 * descriptor set through rest2grpc's extension registry.
 */
class RestOptionsTest {
  @TempDir static Path dir;
  private static Map<String, FileDescriptor> files;

  @BeforeAll
  static void convertAndCompile() {
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        servers: [{url: 'https://shop.example/api/v1'}]
        paths:
          /orders:
            get:
              parameters:
                - {name: Authorization, in: header, schema: {type: string}}
                - {name: X-Tenant, in: header, schema: {type: string}}
                - {name: 'filter[status]', in: query, schema: {type: string}}
                - {name: ids, in: query, explode: false, schema: {type: array, items: {type: string}}}
              responses:
                '200':
                  description: ok
                  headers: {X-Total-Count: {schema: {type: integer}}, Link: {schema: {type: string}}}
                  content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}
            post:
              requestBody: {content: {application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Order'}}}}
              responses:
                '201': {description: created, headers: {Location: {schema: {type: string}}}}
                '202': {description: accepted}
          /orders/{id}.json:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
        components:
          schemas:
            Order:
              type: object
              properties:
                delivery: {type: string, format: date, nullable: true}
                status: {type: string, enum: [pending, in-progress], default: pending}
                level: {type: integer, enum: [0, 10]}
                grid: {type: array, items: {type: array, items: {type: number}}}
                payment:
                  oneOf: [{$ref: '#/components/schemas/Card'}, {$ref: '#/components/schemas/Bank'}]
                  discriminator: {propertyName: type, mapping: {card: '#/components/schemas/Card', bank: '#/components/schemas/Bank'}}
              additionalProperties: {type: string}
            Card: {type: object, properties: {type: {type: string}}}
            Bank: {type: object, properties: {type: {type: string}}}
        """);
    files = assertCompilesAndLints(c, dir);
  }

  private static FileDescriptor file(String name) {
    return files.get("shop/v1/" + name);
  }

  private static RestField field(String message, String field) {
    return file("models.proto").findMessageTypeByName(message).findFieldByName(field).getOptions().getExtension(OptionsProto.field);
  }

  private static RestMethod method(String rpc) {
    MethodDescriptor m = file("orders_service.proto").findServiceByName("OrdersService").findMethodByName(rpc);
    return EffectiveOptions.of(m);
  }

  @Test
  void teamsOverrideEmissionAndInt64PerSpecAndPerField(@TempDir Path other) {
    Conversion c = convert(other, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Order:
              type: object
              properties:
                id: {type: integer, format: int64, x-rest2grpc-int64: number}
                note: {type: string, nullable: true, x-rest2grpc-emission: always}
        """, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, Emission.EMISSION_NON_NULL, true, null, null));
    Map<String, FileDescriptor> compiled = assertCompilesAndLints(c, other);
    FileDescriptor models = compiled.get("shop/v1/models.proto");
    var file = models.getOptions().getExtension(OptionsProto.file);
    assertThat(file.getEmission()).isEqualTo(Emission.EMISSION_NON_NULL);
    assertThat(file.getInt64Encoding()).isEqualTo(Int64Encoding.INT64_ENCODING_STRING);
    Descriptor order = models.findMessageTypeByName("Order");
    assertThat(order.findFieldByName("id").getOptions().getExtension(OptionsProto.field).getInt64Encoding())
        .isEqualTo(Int64Encoding.INT64_ENCODING_NUMBER);
    assertThat(order.findFieldByName("note").getOptions().getExtension(OptionsProto.field).getEmission())
        .isEqualTo(Emission.EMISSION_ALWAYS);
  }

  @Test
  void fileDefaults() {
    var options = file("models.proto").getOptions().getExtension(OptionsProto.file);
    assertThat(options.getSpec()).isEqualTo("openapi.yaml");
    assertThat(options.getBasePath()).isEqualTo("/api/v1");
    assertThat(options.getInt64Encoding()).isEqualTo(Int64Encoding.INT64_ENCODING_NUMBER);
  }

  @Test
  void fieldFormatsNullabilityDefaultsAndUnwrappedMaps() {
    assertThat(field("Order", "delivery").getFormat()).isEqualTo(Format.FORMAT_DATE);
    assertThat(field("Order", "delivery").getNullable()).isTrue();
    assertThat(field("Order", "status").getDefaultValue()).isEqualTo(Value.newBuilder().setStringValue("pending").build());
    assertThat(field("Order", "additional_properties").getUnwrappedMap()).isTrue();
  }

  @Test
  void enumWireValues() {
    var status = file("models.proto").findEnumTypeByName("OrderStatus");
    assertThat(status.findValueByName("ORDER_STATUS_IN_PROGRESS").getOptions().getExtension(OptionsProto.enumValue).getStringValue())
        .isEqualTo("in-progress");
    var level = file("models.proto").findEnumTypeByName("OrderLevel");
    assertThat(level.getOptions().getExtension(OptionsProto.enumType).getIntegerValues()).isTrue();
    assertThat(level.findValueByName("ORDER_LEVEL_VALUE_0").getOptions().getExtension(OptionsProto.enumValue).getIntegerValue()).isZero();
    assertThat(level.findValueByName("ORDER_LEVEL_VALUE_0").getNumber()).isEqualTo(1);
  }

  @Test
  void unionsAndWrappers() {
    Descriptor payment = file("models.proto").findMessageTypeByName("OrderPayment");
    RestOneof oneof = payment.getOneofs().get(0).getOptions().getExtension(OptionsProto.oneof);
    assertThat(oneof.getKind()).isEqualTo(UnionKind.UNION_KIND_ONE_OF);
    assertThat(oneof.getDiscriminator()).isEqualTo("type");
    assertThat(oneof.getDiscriminatorValuesMap()).containsEntry("card", "card").containsEntry("bank", "bank");
    Descriptor wrapper = file("models.proto").findMessageTypeByName("ArrayOfDouble");
    assertThat(wrapper.getOptions().getExtension(OptionsProto.message).getWrapper()).isEqualTo(Wrapper.WRAPPER_ARRAY);
  }

  @Test
  void methodsKeepStatusesHeadersBodiesAndExactPaths() {
    RestMethod list = method("ListOrders");
    assertThat(list.getResponseHeadersList()).containsExactly("X-Total-Count", "Link");
    assertThat(list.getMetadataHeadersList()).containsExactly("Authorization");
    RestMethod create = method("CreateOrder");
    assertThat(create.getSuccessStatus()).isEqualTo(201);
    assertThat(create.getSuccessStatusesList()).containsExactly(201, 202);
    assertThat(create.getResponseHeadersList()).containsExactly("Location");
    assertThat(create.getBodyEncoding()).isEqualTo(BodyEncoding.BODY_ENCODING_FORM);
    assertThat(file("orders_service.proto").findServiceByName("OrdersService").getMethods().stream()
        .map(m -> m.getOptions().getExtension(OptionsProto.method).getRestPath()))
        .as("the partial-segment route, kept exactly").contains("/api/v1/orders/{id}.json");
  }

  @Test
  void parametersKeepHeadersNamesAndStyles() {
    Descriptor request = file("orders_service.proto").findMessageTypeByName("ListOrdersRequest");
    assertThat(request.findFieldByName("x_tenant").getOptions().getExtension(OptionsProto.field).getHeader()).isEqualTo("X-Tenant");
    assertThat(request.findFieldByName("filter_status").getOptions().getExtension(OptionsProto.field).getRestName())
        .isEqualTo("filter[status]");
    assertThat(request.findFieldByName("ids").getOptions().getExtension(OptionsProto.field).getQueryStyle())
        .isEqualTo(QueryStyle.QUERY_STYLE_COMMA);
  }
}
