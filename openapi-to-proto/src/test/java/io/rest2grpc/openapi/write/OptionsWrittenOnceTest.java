package io.rest2grpc.openapi.write;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestSecurityUse;
import io.rest2grpc.options.v1.RestService;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every RPC of a service shares is written once on the service and reads back unchanged through EffectiveOptions. */
class OptionsWrittenOnceTest {
  @TempDir static Path dir;
  private static Conversion conversion;
  private static Map<String, FileDescriptor> files;

  @BeforeAll
  static void convertAndCompile() {
    conversion = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        security: [{bearer: []}]
        paths:
          /orders:
            get:
              tags: [orders]
              security: [{key: []}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}}
                '404': {$ref: '#/components/responses/Problem'}
                default: {$ref: '#/components/responses/Problem'}
          /orders/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              tags: [orders]
              security: [{key: []}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
                '404': {$ref: '#/components/responses/Problem'}
                default: {$ref: '#/components/responses/Problem'}
          /carts/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get:
              tags: [carts]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
                '404': {$ref: '#/components/responses/Problem'}
                default: {$ref: '#/components/responses/Problem'}
            delete:
              tags: [carts]
              security: []
              responses:
                '204': {description: gone}
                '409': {$ref: '#/components/responses/Problem'}
                default: {$ref: '#/components/responses/Problem'}
          /health:
            get:
              tags: [health]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
                '503': {$ref: '#/components/responses/Problem'}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
            key: {type: apiKey, in: header, name: X-API-Key}
          responses:
            Problem:
              description: problem
              content: {application/problem+json: {schema: {type: object, properties: {detail: {type: string}}}}}
          schemas:
            Order: {type: object, properties: {id: {type: string}}}
        """);
    files = assertCompilesAndLints(conversion, dir);
  }

  @Test
  void errorsAndSecurityEveryRpcSharesAreWrittenOnceOnTheService() {
    ServiceDescriptor orders = service("OrdersService");
    RestService shared = orders.getOptions().getExtension(OptionsProto.service);
    assertThat(shared.getSecurityList()).as("the RPCs' own security, not the spec's root").containsExactly(requirement("key"));
    assertThat(shared.getErrorsList()).extracting(e -> e.getHttpStatus()).containsExactly(404, 0);
    for (MethodDescriptor method : orders.getMethods()) {
      RestMethod written = method.getOptions().getExtension(OptionsProto.method);
      assertThat(written.getErrorsList()).as("%s writes no errors", method.getName()).isEmpty();
      assertThat(written.getSecurityList()).as("%s writes no security", method.getName()).isEmpty();
      assertThat(EffectiveOptions.of(method).getErrorsList()).extracting(e -> e.getHttpStatus()).containsExactly(404, 0);
      assertThat(EffectiveOptions.of(method).getSecurityList()).containsExactly(requirement("key"));
    }
    String proto = ProtoPrinter.print(conversion.files().stream().filter(f -> f.path().endsWith("/orders_service.proto")).findFirst()
        .orElseThrow(), conversion);
    assertThat(proto).as("written once, on the service").containsOnlyOnce("security {").containsOnlyOnce("http_status: 404")
        .contains("service OrdersService {\n  option (rest2grpc.options.v1.service) = {\n");
  }

  @Test
  void theErrorsEveryRpcSharesGoOnTheServiceTheOthersStayOnTheirRpc() {
    ServiceDescriptor carts = service("CartsService");
    RestService shared = carts.getOptions().getExtension(OptionsProto.service);
    assertThat(shared.getErrorsList()).extracting(e -> e.getHttpStatus()).as("only default is on both").containsExactly(0);
    MethodDescriptor get = carts.findMethodByName("GetCart");
    MethodDescriptor delete = carts.findMethodByName("DeleteCart");
    assertThat(get.getOptions().getExtension(OptionsProto.method).getErrorsList()).extracting(e -> e.getHttpStatus()).containsExactly(404);
    assertThat(delete.getOptions().getExtension(OptionsProto.method).getErrorsList()).extracting(e -> e.getHttpStatus()).containsExactly(409);
    assertThat(EffectiveOptions.of(get).getErrorsList()).extracting(e -> e.getHttpStatus()).containsExactly(404, 0);
    assertThat(EffectiveOptions.of(delete).getErrorsList()).extracting(e -> e.getHttpStatus()).containsExactly(409, 0);
  }

  @Test
  void securityTheRpcsDoNotAllShareStaysOnEachRpcUnderTheRootSecurity() {
    ServiceDescriptor carts = service("CartsService");
    assertThat(carts.getOptions().getExtension(OptionsProto.service).getSecurityList())
        .as("the spec's root security stays for the RPC that has none of its own").containsExactly(requirement("bearer"));
    assertThat(carts.findMethodByName("DeleteCart").getOptions().getExtension(OptionsProto.method).getNoSecurity()).isTrue();
    assertThat(EffectiveOptions.of(carts.findMethodByName("GetCart")).getSecurityList()).containsExactly(requirement("bearer"));
    assertThat(EffectiveOptions.of(carts.findMethodByName("DeleteCart")).getSecurityList()).isEmpty();
  }

  @Test
  void aSingleRpcServiceKeepsItsRpcsOptionWhole() {
    ServiceDescriptor health = service("HealthService");
    assertThat(health.getOptions().getExtension(OptionsProto.service).getErrorsList()).isEmpty();
    RestMethod written = health.getMethods().get(0).getOptions().getExtension(OptionsProto.method);
    assertThat(written.getErrorsList()).extracting(e -> e.getHttpStatus()).containsExactly(503);
  }

  @Test
  void everyRpcReadsBackAsTheModelHasIt() {
    conversion.files().forEach(file -> file.services().forEach(service -> service.rpcs().forEach(rpc -> {
      MethodDescriptor method = files.get(file.path()).findServiceByName(service.name()).findMethodByName(rpc.name());
      RestMethod model = EffectiveOptions.of(rpc.options().option(), service.options(), RestFile.getDefaultInstance());
      assertThat(EffectiveOptions.of(method)).as(method.getFullName()).isEqualTo(model);
    })));
  }

  private static ServiceDescriptor service(String name) {
    return files.values().stream().map(f -> f.findServiceByName(name)).filter(s -> s != null).findFirst().orElseThrow();
  }

  private static RestSecurityRequirement requirement(String scheme) {
    return RestSecurityRequirement.newBuilder().addSchemes(RestSecurityUse.newBuilder().setScheme(scheme)).build();
  }
}
