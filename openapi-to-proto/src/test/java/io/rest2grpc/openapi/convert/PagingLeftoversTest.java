package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.PageEnd;
import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.paging.PagingTransform;
import io.rest2grpc.transcoding.paging.RequestFilters;
import io.rest2grpc.transcoding.paging.RestListResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AIP-158 fields without leftovers: a REST cursor that already is a token becomes the AIP field
 * (never a second next_page_token_2 or page_size_2), and a list without REST paging keeps
 * page_size and page_token, documented as a slice of the whole list.
 */
class PagingLeftoversTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      paths:
        /methods:
          get:
            operationId: listMethods
            parameters:
              - {name: per_page, in: query, deprecated: true, schema: {type: integer}}
              - {name: page_size, in: query, schema: {type: integer, format: int32, default: 50}}
              - {name: page_token, in: query, schema: {type: string}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        methods: {type: array, items: {$ref: '#/components/schemas/Method'}}
                        next_page_token: {type: string}
                        total_size: {type: integer}
        /tags:
          get:
            operationId: listTags
            responses:
              '200':
                description: ok
                content: {application/json: {schema: {type: array, items: {type: string}}}}
      components:
        schemas:
          Method: {type: object, properties: {id: {type: string}}}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PageTokens TOKENS = PageTokens.create(PageTokenKeys.of("k1", Map.of("k1", secret())));

  @Test
  void aRestCursorThatIsAlreadyATokenIsTheAipFieldAndRoundTrips() throws Exception {
    Conversion c = convert(dir, SPEC);
    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    assertThat(protoText(c)).doesNotContainPattern("page_(token|size)_\\d|total_size_\\d");
    MethodDescriptor list = method(files, "ListMethods");
    assertThat(list.getInputType().getFields()).extracting(f -> f.getNumber() + " " + f.getName())
        .containsExactly("1 per_page", "2 page_size", "3 page_token");
    assertThat(list.getOutputType().getFields()).extracting(f -> f.getNumber() + " " + f.getName())
        .containsExactly("1 methods", "2 next_page_token", "3 total_size");
    RestPaging paging = list.getOptions().getExtension(OptionsProto.method).getPaging();
    assertThat(paging).isEqualTo(RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_CURSOR).setSizeParameter("page_size")
        .setCursorParameter("page_token").setItems("/methods").setNextCursor("/next_page_token").setTotal("/total_size")
        .setDefaultPageSize(50).setItemsField("methods").setPageEnd(PageEnd.PAGE_END_ABSENT).build());

    PagingTransform transform = PagingTransform.of(list, TOKENS);
    Map<String, List<String>> restQuery = Map.of("page_token", List.of("rest-cursor-2"), "page_size", List.of("10"));
    DynamicMessage request = transform.toGrpcRequest(restQuery, DynamicMessage.newBuilder(list.getInputType())).build();
    assertThat(transform.toRestQuery(request)).isEqualTo(Map.of("page_token", List.of("rest-cursor-2"), "page_size", List.of("10")));

    String restBody = "{\"methods\":[{\"id\":\"m1\"}],\"next_page_token\":\"rest-cursor-3\",\"total_size\":11}";
    String grpcJson = transform.toGrpcResponse(restQuery, RestResponse.of(200, RestHeaders.NONE, "application/json", restBody),
        RequestFilters.hash(request));
    Descriptor responseType = list.getOutputType();
    DynamicMessage response = RestJson.create().parse(grpcJson, DynamicMessage.newBuilder(responseType)).build();
    String token = (String) response.getField(responseType.findFieldByName("next_page_token"));
    assertThat(token).isNotEqualTo("rest-cursor-3").isNotEmpty(); // the REST cursor travels inside an opaque token
    DynamicMessage next = request.toBuilder().setField(list.getInputType().findFieldByName("page_token"), token).build();
    assertThat(transform.toRestQuery(next)).containsEntry("page_token", List.of("rest-cursor-3"));

    RestListResponse rest = transform.toRestResponse(RestJson.create().print(response), "/methods", restQuery,
        RequestFilters.hash(request));
    assertThat(JSON.readTree(rest.body())).as("the same REST body, members in any order").isEqualTo(JSON.readTree(restBody));
  }

  @Test
  void aListWithoutRestPagingKeepsPageSizeAndPageTokenAndSaysTheyAreASlice() {
    Conversion c = convert(dir, SPEC);
    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    MethodDescriptor tags = method(files, "ListTags");
    assertThat(tags.getInputType().getFields()).extracting(f -> f.getName()).containsExactly("page_size", "page_token");
    assertThat(tags.getOptions().getExtension(OptionsProto.method).getPaging().getStyle()).isEqualTo(PagingStyle.PAGING_STYLE_NONE);
    String proto = protoText(c);
    assertThat(proto.replaceAll("\n\\s*// ", " ")).as("the comment, its lines joined")
        .contains("The REST API has no paging: it returns the whole list, which the paging transform slices into pages");
    assertThat(proto.substring(proto.indexOf("message ListTagsRequest"))).doesNotContain("default page length");
  }

  private static MethodDescriptor method(Map<String, FileDescriptor> files, String name) {
    return files.values().stream().flatMap(f -> f.getServices().stream()).map(s -> s.findMethodByName(name))
        .filter(m -> m != null).findFirst().orElseThrow(() -> new AssertionError("no RPC " + name));
  }

  private static byte[] secret() {
    byte[] secret = new byte[PageTokenKeys.MIN_SECRET_BYTES];
    Arrays.fill(secret, (byte) 7);
    return secret;
  }
}
