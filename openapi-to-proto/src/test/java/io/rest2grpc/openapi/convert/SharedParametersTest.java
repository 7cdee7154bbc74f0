package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Finding;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.options.v1.RestParameterUse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters nearly every operation takes travel as metadata, written once on the file; a required
 * parameter with one value is a constant of its method (module README, "Shared parameters").
 */
class SharedParametersTest {
  @TempDir Path dir;

  /** pretty, token and X-Signature on 5 of 6 operations (token once in the query), expand too; Api-Version one value. */
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      paths:
        /orders:
          parameters: [{$ref: '#/components/parameters/pretty'}]
          get:
            operationId: listOrders
            parameters: [{$ref: '#/components/parameters/token'}, {$ref: '#/components/parameters/expand'}, {$ref: '#/components/parameters/signature'}]
            responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}}}
          post:
            operationId: createOrder
            parameters:
              - {$ref: '#/components/parameters/token'}
              - {$ref: '#/components/parameters/expand'}
              - {$ref: '#/components/parameters/signature'}
              - {name: Api-Version, in: header, required: true, schema: {type: string, enum: ['2024-01-01']}}
            requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
            responses: {'201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
        /orders/{id}:
          parameters: [{$ref: '#/components/parameters/pretty'}, {name: id, in: path, required: true, schema: {type: string}}]
          get:
            operationId: getOrder
            parameters: [{name: token, in: query, required: true, schema: {type: string}}, {$ref: '#/components/parameters/expand'}, {$ref: '#/components/parameters/signature'}]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
          patch:
            operationId: updateOrder
            parameters: [{$ref: '#/components/parameters/token'}, {$ref: '#/components/parameters/expand'}, {$ref: '#/components/parameters/signature'}]
            requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
          delete:
            operationId: deleteOrder
            parameters: [{$ref: '#/components/parameters/token'}, {$ref: '#/components/parameters/expand'}, {$ref: '#/components/parameters/signature'}]
            responses: {'204': {description: deleted}}
        /health:
          get:
            tags: [orders]
            operationId: getHealth
            responses: {'200': {description: ok}}
      components:
        parameters:
          pretty: {name: pretty, in: query, schema: {type: boolean}}
          token: {name: token, in: header, required: true, schema: {type: string}}
          expand: {name: expand, in: query, schema: {type: string}}
          signature: {name: X-Signature, in: header, schema: {type: string}}
        schemas:
          Order: {type: object, properties: {id: {type: string}}}
      """;

  @Test
  void sharedParametersTravelAsMetadataAndOneValueIsAConstant() {
    Conversion c = convert(dir, SPEC);
    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    FileDescriptor file = files.get("shop/v1/orders_service.proto");

    assertThat(file.getOptions().getExtension(OptionsProto.file).getSharedParametersList()).containsExactly(
        shared("pretty", ParameterLocation.PARAMETER_LOCATION_QUERY, "pretty", false),
        shared("token", ParameterLocation.PARAMETER_LOCATION_HEADER, "token", true),
        shared("X-Signature", ParameterLocation.PARAMETER_LOCATION_HEADER, "x-signature", false));
    assertThat(fieldNames(method(files, "ListOrders").getInputType())).as("expand selects the response: it stays a field")
        .containsExactly("expand", "page_size", "page_token");
    assertThat(fieldNames(method(files, "CreateOrder").getInputType())).containsExactly("expand", "order");

    assertThat(rest(files, "ListOrders").getSharedParameterUsesList()).as("takes each where the file says").isEmpty();
    assertThat(rest(files, "GetOrder").getSharedParameterUsesList()).as("the token in the query")
        .containsExactly(use("token", ParameterLocation.PARAMETER_LOCATION_QUERY));
    assertThat(rest(files, "GetHealth").getSharedParameterUsesList()).as("takes none of them").containsExactly(
        use("pretty", ParameterLocation.PARAMETER_LOCATION_UNSPECIFIED), use("token", ParameterLocation.PARAMETER_LOCATION_UNSPECIFIED),
        use("x-signature", ParameterLocation.PARAMETER_LOCATION_UNSPECIFIED));
    assertThat(rest(files, "CreateOrder").getConstantsList()).containsExactly(RestConstant.newBuilder().setName("Api-Version")
        .setLocation(ParameterLocation.PARAMETER_LOCATION_HEADER).setValue("2024-01-01").build());
    assertThat(c.report().countsByCategory()).containsEntry(Category.SHARED_PARAMETER, 3).containsEntry(Category.CONSTANT_PARAMETER, 1);
    assertThat(facts(c, "shop.v1").get("shared_parameters")).as("the report's facts say it too").isEqualTo(List.of(
        Map.of("name", "pretty", "in", "query", "metadata_key", "pretty", "secret", false),
        Map.of("name", "token", "in", "header", "metadata_key", "token", "secret", true),
        Map.of("name", "X-Signature", "in", "header", "metadata_key", "x-signature", "secret", false)));
    assertThat(facts(c, "shop.v1.OrdersService.GetOrder").get("shared_parameter_uses"))
        .isEqualTo(List.of(Map.of("metadata_key", "token", "in", "query")));
    assertThat(facts(c, "shop.v1.OrdersService.CreateOrder").get("constants"))
        .isEqualTo(List.of(Map.of("name", "Api-Version", "in", "header", "value", "2024-01-01")));
  }

  @Test
  void aParameterTheLockHasAsAFieldStaysOne() {
    Path lock = dir.resolve("shop.lock.json");
    ConversionOptions options = ConversionOptions.defaults().withLock(lock, false);
    String v1 = SPEC.replaceFirst("(?m)^    parameters: \\[\\{\\$ref: '#/components/parameters/pretty'}]\\n", "");
    Conversion first = convert(dir, v1, options);
    OpenApiToProto.write(first, dir.resolve("v1"));
    assertThat(first.fileOptions().sharedParameters()).as("pretty on 3 of 6 operations is a field")
        .extracting(RestParameter::getName).containsExactly("token", "X-Signature");

    Conversion second = convert(dir, SPEC, options);
    Map<String, FileDescriptor> files = assertCompilesAndLints(second, dir);
    FieldDescriptor kept = method(files, "GetOrder").getInputType().findFieldByName("pretty");
    assertThat(kept).as("the locked field stays, under its number").isNotNull();
    assertThat(kept.getNumber()).isEqualTo(first.files().stream().flatMap(f -> f.messages().stream())
        .filter(m -> m.name().equals("GetOrderRequest")).flatMap(m -> m.fields().stream()).filter(f -> f.name().equals("pretty"))
        .findFirst().orElseThrow().number());
    assertThat(rest(files, "GetOrder").getSharedParameterUsesList()).as("so the method does not take it as metadata")
        .contains(use("pretty", ParameterLocation.PARAMETER_LOCATION_UNSPECIFIED));
    assertThat(fieldNames(method(files, "ListOrders").getInputType())).as("a request the lock never had it in").doesNotContain("pretty");
    assertThat(second.report().findings().stream().filter(f -> f.category() == Category.LOCKED_PARAMETER_KEPT).map(Finding::element))
        .containsExactlyInAnyOrder("shop.v1.OrdersService.GetOrder.pretty", "shop.v1.OrdersService.UpdateOrder.pretty",
            "shop.v1.OrdersService.DeleteOrder.pretty");
  }

  @Test
  void aParameterThatDoesNotResolveIsReportedWithTheOthers() {
    String broken = SPEC.replace("token: {name: token, in: header, required: true, schema: {type: string}}",
        "token: {name: token, in: header, required: true, schema: {$ref: '#/components/schemas/Missing'}}")
        .replace("signature: {name: X-Signature, in: header, schema: {type: string}}",
            "signature: {name: X-Signature, in: header, schema: {$ref: '#/components/schemas/Gone'}}");
    assertThatThrownBy(() -> convert(dir, broken)).isInstanceOfSatisfying(ConversionException.class, e ->
        assertThat(e.problems().stream().map(ConversionException.Problem::describe))
            .anySatisfy(m -> assertThat(m).contains("Missing")).anySatisfy(m -> assertThat(m).contains("Gone")));
  }

  private static RestParameter shared(String name, ParameterLocation location, String key, boolean secret) {
    return RestParameter.newBuilder().setName(name).setLocation(location).setMetadataKey(key).setSecret(secret).build();
  }

  private static RestParameterUse use(String key, ParameterLocation location) {
    return RestParameterUse.newBuilder().setMetadataKey(key).setLocation(location).build();
  }

  private static MethodDescriptor method(Map<String, FileDescriptor> files, String name) {
    return files.get("shop/v1/orders_service.proto").getServices().get(0).findMethodByName(name);
  }

  private static RestMethod rest(Map<String, FileDescriptor> files, String name) {
    return method(files, name).getOptions().getExtension(OptionsProto.method);
  }

  private static List<String> fieldNames(Descriptor message) {
    return message.getFields().stream().map(FieldDescriptor::getName).toList();
  }
}
