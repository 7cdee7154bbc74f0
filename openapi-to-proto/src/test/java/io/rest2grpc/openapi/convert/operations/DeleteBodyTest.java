package io.rest2grpc.openapi.convert.operations;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.report.Category;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DELETE with a request body binds it in its HttpRule (google.api.http allows it), so grpc-gateway
 * and Envoy take it from the body rather than from query parameters; a GET's body stays unbound.
 */
class DeleteBodyTest {
  @Test
  void aDeleteBodyIsBoundAndAGetBodyIsReported(@TempDir Path dir) {
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /carts/{id}/items:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            delete:
              operationId: removeItems
              requestBody: {content: {application/json: {schema: {type: object, properties: {skus: {type: array, items: {type: string}}}}}}}
              responses: {'204': {description: removed}}
            get:
              operationId: searchItems
              requestBody: {content: {application/json: {schema: {type: object, properties: {query: {type: string}}}}}}
              responses: {'200': {description: ok}}
        """);
    Map<String, FileDescriptor> compiled = assertCompilesAndLints(c, dir);
    var service = compiled.values().stream().flatMap(f -> f.getServices().stream()).findFirst().orElseThrow();
    HttpRule delete = service.findMethodByName("RemoveItems").getOptions().getExtension(AnnotationsProto.http);
    assertThat(delete.getDelete()).isEqualTo("/carts/{id}/items");
    assertThat(delete.getBody()).isNotEmpty();
    HttpRule get = service.findMethodByName("SearchItems").getOptions().getExtension(AnnotationsProto.http);
    assertThat(get.getBody()).isEmpty();
    assertThat(c.report().countsByCategory()).containsEntry(Category.DELETE_WITH_BODY, 1).containsEntry(Category.BODY_ON_GET, 1);
  }
}
