package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Value;
import com.google.rpc.Code;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documented error responses → gRPC codes and body mappings, compiled by protoc and read back from
 * the descriptor set (module README, "Errors").
 */
class ErrorMappingTest {
  @TempDir Path dir;

  private static final String HEADER = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      servers: [{url: 'https://api.shop.example/v1'}]
      """;

  private Map<String, FileDescriptor> compile(String paths) {
    return assertCompilesAndLints(convert(dir, HEADER + paths), dir);
  }

  private static RestMethod method(Map<String, FileDescriptor> files, String service, String rpc) {
    for (FileDescriptor file : files.values()) {
      if (file.findServiceByName(service) != null) {
        return EffectiveOptions.of(file.findServiceByName(service).findMethodByName(rpc));
      }
    }
    throw new AssertionError("no service " + service);
  }

  private static RestFile fileOptions(Map<String, FileDescriptor> files, String service) {
    return files.values().stream().filter(f -> f.findServiceByName(service) != null).findFirst().orElseThrow()
        .getOptions().getExtension(OptionsProto.file);
  }

  /** The error's body mapping, or the file's shared one when the error has none of its own. */
  private static RestErrorBody body(Map<String, FileDescriptor> files, String service, RestError error) {
    return error.hasBody() ? error.getBody() : fileOptions(files, service).getErrorBody();
  }

  @Test
  void everyStatusOfTheTableMapsByTheServerSideTable() {
    StringBuilder responses = new StringBuilder();
    List<Integer> statuses = List.of(400, 401, 403, 404, 405, 406, 409, 410, 412, 415, 422, 429, 499, 500, 501, 502, 503, 504);
    for (int status : statuses) {
      responses.append("        '").append(status).append("': {description: e").append(status).append("}\n");
    }
    Map<String, FileDescriptor> files = compile("""
        paths:
          /orders:
            post:
              operationId: createOrder
              responses:
                '201': {description: created}
        %s    put:
              operationId: replaceOrders
              responses:
                '200': {description: ok}
                '409': {description: concurrent change}
        """.formatted(responses));
    Map<Integer, Code> codes = new LinkedHashMap<>();
    method(files, "OrdersService", "CreateOrder").getErrorsList().forEach(e -> codes.put(e.getHttpStatus(), e.getCode()));
    assertThat(codes).containsExactly(
        Map.entry(400, Code.INVALID_ARGUMENT), Map.entry(401, Code.UNAUTHENTICATED), Map.entry(403, Code.PERMISSION_DENIED),
        Map.entry(404, Code.NOT_FOUND), Map.entry(405, Code.UNIMPLEMENTED), Map.entry(406, Code.INVALID_ARGUMENT),
        Map.entry(409, Code.ALREADY_EXISTS), Map.entry(410, Code.NOT_FOUND), Map.entry(412, Code.FAILED_PRECONDITION),
        Map.entry(415, Code.INVALID_ARGUMENT), Map.entry(422, Code.INVALID_ARGUMENT), Map.entry(429, Code.RESOURCE_EXHAUSTED),
        Map.entry(499, Code.CANCELLED), Map.entry(500, Code.INTERNAL), Map.entry(501, Code.UNIMPLEMENTED),
        Map.entry(502, Code.UNAVAILABLE), Map.entry(503, Code.UNAVAILABLE), Map.entry(504, Code.DEADLINE_EXCEEDED));
    assertThat(method(files, "OrdersService", "ReplaceOrders").getErrors(0).getCode())
        .as("409 on a change of an existing resource: retry the read-modify-write").isEqualTo(Code.ABORTED);
  }

  @Test
  void classesDefaultAndStatusesWithoutARowAreMappedAndReported() {
    Conversion conversion = convert(dir, HEADER + """
        paths:
          /orders/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok}
                '304': {description: not modified}
                '402': {description: pay first}
                '4XX': {description: client error}
                '5XX': {description: server error}
                default: {description: anything else}
        """);
    Map<String, FileDescriptor> files = assertCompilesAndLints(conversion, dir);
    List<RestError> errors = method(files, "OrdersService", "GetOrder").getErrorsList();
    assertThat(errors).extracting(RestError::getHttpStatus, RestError::getStatusClass, RestError::getCode).containsExactly(
        tuple(402, false, Code.FAILED_PRECONDITION),
        tuple(400, true, Code.INVALID_ARGUMENT),
        tuple(500, true, Code.INTERNAL),
        tuple(0, false, Code.UNKNOWN));
    assertThat(conversion.report().countsByCategory())
        .containsEntry(Category.ERROR_STATUS_BY_CLASS, 1)
        .containsEntry(Category.NON_ERROR_RESPONSE, 1);
    assertThat(protoText(conversion, "orders_service.proto")).contains("""
          // Errors:
          //   402 FAILED_PRECONDITION: pay first
          //   4XX INVALID_ARGUMENT: client error
          //   5XX INTERNAL: server error
          //   other errors: anything else
        """);
  }

  @Test
  void aDefaultResponseThatIsTheOnlySuccessIsNoError() {
    Map<String, FileDescriptor> files = compile("""
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                default: {description: pong}
        """);
    assertThat(method(files, "PingService", "Ping").getErrorsList()).isEmpty();
  }

  @Test
  void problemDetailsMapMessageReasonStatusViolationsRequestIdAndInstance() {
    Map<String, FileDescriptor> files = compile("""
        paths:
          /orders:
            post:
              operationId: createOrder
              responses:
                '201': {description: created}
                '422':
                  description: invalid
                  content:
                    application/problem+json:
                      schema: {$ref: '#/components/schemas/Problem'}
                '429':
                  description: slow down
                  headers: {Retry-After: {schema: {type: integer}}}
                  content:
                    application/problem+json:
                      schema: {$ref: '#/components/schemas/Problem'}
        components:
          schemas:
            Problem:
              allOf:
                - type: object
                  properties:
                    type: {type: string}
                    title: {type: string}
                    status: {type: integer}
                    detail: {type: string}
                    instance: {type: string}
                - type: object
                  properties:
                    code: {type: string}
                    request_id: {type: string}
                    invalid_params:
                      type: array
                      items: {type: object, properties: {name: {type: string}, reason: {type: string}}}
        """);
    RestMethod method = method(files, "OrdersService", "CreateOrder");
    RestErrorBody body = body(files, "OrdersService", method.getErrors(0));
    assertThat(body).isEqualTo(RestErrorBody.newBuilder()
        .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_PROBLEM).setMediaType("application/problem+json")
        .setMessage("/detail").setReason("/code").setHttpStatus("/status")
        .setFieldViolations("/invalid_params").setViolationField("name").setViolationDescription("reason")
        .setRequestId("/request_id").setInstance("/instance").build());
    assertThat(method.getErrors(1).getHeadersList()).containsExactly("Retry-After");
    assertThat(fileOptions(files, "OrdersService").getErrorDomain()).isEqualTo("api.shop.example");
  }

  @Test
  void springBootsOwnErrorBodyKeepsTheRequestPathInPath() {
    Map<String, FileDescriptor> files = compile("""
        paths:
          /orders:
            get:
              operationId: listOrders
              responses:
                '200': {description: ok}
                '400':
                  description: bad request
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          timestamp: {type: string, format: date-time}
                          status: {type: integer}
                          error: {type: string}
                          message: {type: string}
                          path: {type: string}
        """);
    RestErrorBody body = body(files, "OrdersService", method(files, "OrdersService", "ListOrders").getErrors(0));
    assertThat(body.getMessage()).isEqualTo("/message");
    assertThat(body.getInstance()).isEqualTo("/path");
  }

  @Test
  void envelopesOfWellKnownApisAreRecognised() {
    Map<String, FileDescriptor> files = compile("""
        paths:
          /stripe:
            get:
              operationId: stripe
              responses:
                '200': {description: ok}
                '402':
                  description: card declined
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          error:
                            type: object
                            properties:
                              type: {type: string}
                              code: {type: string}
                              message: {type: string}
                              param: {type: string}
                              doc_url: {type: string}
          /google:
            get:
              operationId: google
              responses:
                '200': {description: ok}
                '404':
                  description: not found
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          error:
                            type: object
                            properties: {code: {type: integer}, message: {type: string}, status: {type: string}}
          /slack:
            get:
              operationId: slack
              responses:
                '200': {description: ok}
                '400':
                  description: not ok
                  content:
                    application/json:
                      schema: {type: object, properties: {ok: {type: boolean}, error: {type: string}}}
          /twilio:
            get:
              operationId: twilio
              responses:
                '200': {description: ok}
                '404':
                  description: not found
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: {code: {type: integer}, message: {type: string}, more_info: {type: string}, status: {type: integer}}
          /opaque:
            get:
              operationId: opaque
              responses:
                '200': {description: ok}
                '500':
                  description: broken
                  content: {application/json: {schema: {type: object, properties: {when: {type: string}}}}}
          /text:
            get:
              operationId: text
              responses:
                '200': {description: ok}
                '503':
                  description: down
                  content: {text/html: {schema: {type: string}}}
        """);
    assertThat(body(files, "StripeService", method(files, "StripeService", "Stripe").getErrors(0))).isEqualTo(RestErrorBody.newBuilder()
        .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE).setMediaType("application/json")
        .setMessage("/error/message").setReason("/error/code").setHelpUrl("/error/doc_url").build());
    assertThat(body(files, "GoogleService", method(files, "GoogleService", "Google").getErrors(0))).isEqualTo(RestErrorBody.newBuilder()
        .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE).setMediaType("application/json")
        .setMessage("/error/message").setReason("/error/status").setHttpStatus("/error/code").build());
    assertThat(body(files, "SlackService", method(files, "SlackService", "Slack").getErrors(0))).isEqualTo(RestErrorBody.newBuilder()
        .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE).setMediaType("application/json")
        .setReason("/error").putConstants("/ok", Value.newBuilder().setBoolValue(false).build()).build());
    assertThat(body(files, "TwilioService", method(files, "TwilioService", "Twilio").getErrors(0))).isEqualTo(RestErrorBody.newBuilder()
        .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE).setMediaType("application/json")
        .setMessage("/message").setReason("/code").setHttpStatus("/status").setHelpUrl("/more_info").build());
    assertThat(body(files, "OpaqueService", method(files, "OpaqueService", "Opaque").getErrors(0)).getStyle())
        .isEqualTo(ErrorBodyStyle.ERROR_BODY_STYLE_OPAQUE);
    assertThat(body(files, "TextService", method(files, "TextService", "Text").getErrors(0))).isEqualTo(RestErrorBody.newBuilder()
        .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_NONE).setMediaType("text/html").build());
  }

  @Test
  void theErrorDomainComesFromTheFlagTheSpecOrTheServer(@TempDir Path flagDir, @TempDir Path extensionDir, @TempDir Path localDir) {
    String paths = """
        paths:
          /orders:
            get:
              responses: {'200': {description: ok}, '404': {description: missing}}
        """;
    Conversion flag = convert(flagDir, HEADER + paths,
        new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false, "orders.acme.com", null));
    assertThat(fileOptions(assertCompilesAndLints(flag, flagDir), "OrdersService").getErrorDomain()).isEqualTo("orders.acme.com");
    Conversion extension = convert(extensionDir, HEADER + "x-rest2grpc-error-domain: shop.acme.com\n" + paths);
    assertThat(fileOptions(assertCompilesAndLints(extension, extensionDir), "OrdersService").getErrorDomain()).isEqualTo("shop.acme.com");
    Conversion local = convert(localDir, HEADER.replace("https://api.shop.example/v1", "http://localhost:8080") + paths);
    assertThat(fileOptions(assertCompilesAndLints(local, localDir), "OrdersService").getErrorDomain()).isEqualTo("shop.v1");
  }
}
