package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Responses that are bytes return google.api.HttpBody with their media type kept (module README, "Services and RPCs"). */
class BinaryResponseMappingTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Files, version: 1.0.0}
      paths:
        /any-binary:
          get:
            operationId: getAnyBinary
            responses: {'200': {description: ok, content: {'*/*': {schema: {type: string, format: binary}}}}}
        /any-text:
          get:
            operationId: getAnyText
            responses: {'200': {description: ok, content: {'*/*': {schema: {type: string}}}}}
        /json-binary:
          get:
            operationId: getJsonBinary
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Blob'}}}}}
        /octets:
          get:
            operationId: getOctets
            responses: {'200': {description: ok, content: {application/octet-stream: {schema: {type: string, format: binary}}}}}
        /images:
          get:
            operationId: getImage
            responses: {'200': {description: ok, content: {image/png: {}, image/jpeg: {}}}}
        /any-json:
          get:
            operationId: getAnyJson
            responses: {'200': {description: ok, content: {'*/*': {schema: {$ref: '#/components/schemas/Thing'}}}}}
      components:
        schemas:
          Blob: {type: string, format: binary}
          Thing: {type: object, properties: {name: {type: string}}}
      """;

  private static MethodDescriptor method(Map<String, FileDescriptor> files, String rpc) {
    return files.values().stream().flatMap(f -> f.getServices().stream()).flatMap(s -> s.getMethods().stream())
        .filter(m -> m.getName().equals(rpc)).findFirst().orElseThrow(() -> new AssertionError("no rpc " + rpc));
  }

  @Test
  void bytesAreHttpBodyWithTheMediaTypeKept() {
    Conversion c = convert(dir, SPEC);
    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    Map<String, String> mediaTypes = Map.of("GetAnyBinary", "*/*", "GetAnyText", "*/*", "GetJsonBinary", "application/json",
        "GetOctets", "application/octet-stream", "GetImage", "image/png");
    mediaTypes.forEach((rpc, mediaType) -> {
      MethodDescriptor method = method(files, rpc);
      assertThat(method.getOutputType().getFullName()).as(rpc).isEqualTo("google.api.HttpBody");
      assertThat(EffectiveOptions.of(method).getResponseMediaType()).as(rpc).isEqualTo(mediaType);
    });
    MethodDescriptor json = method(files, "GetAnyJson");
    assertThat(json.getOutputType().getName()).as("*/* with an object schema: Swagger 2.0 without produces").isEqualTo("Thing");
    assertThat(EffectiveOptions.of(json).getResponseMediaType()).isEmpty();
    assertThat(c.report().countsByCategory()).containsEntry(Category.RAW_RESPONSE, 5);
  }
}
