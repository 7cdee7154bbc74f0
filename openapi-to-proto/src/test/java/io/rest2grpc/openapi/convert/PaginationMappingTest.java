package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.PageEnd;
import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.RestPaging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** List operations become AIP-158 list RPCs, with the REST paging recorded in RestPaging (module README, "Pagination"). */
class PaginationMappingTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      paths:
        /orders:
          get:
            operationId: listOrders
            parameters:
              - {name: status, in: query, schema: {type: string}}
              - {name: limit, in: query, schema: {type: integer, default: 20, minimum: 1, maximum: 100}}
              - {name: offset, in: query, schema: {type: integer}}
            responses:
              '200':
                description: ok
                headers: {X-Total-Count: {schema: {type: integer}}}
                content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}
        /customers:
          get:
            operationId: listCustomers
            parameters:
              - {name: starting_after, in: query, schema: {type: string}}
              - {name: limit, in: query, schema: {type: integer}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        object: {type: string}
                        data: {type: array, items: {$ref: '#/components/schemas/Customer'}}
                        has_more: {type: boolean}
        /users/{id}/orders:
          get:
            operationId: listUserOrders
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: page, in: query, schema: {type: integer, minimum: 0}}
              - {name: size, in: query, schema: {type: integer}}
            responses:
              '200':
                description: ok
                headers: {Link: {description: 'RFC 8288 links with rel `first`, `prev`, `next` and `last`.', schema: {type: string}}}
                content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}}
        /albums:
          get:
            operationId: listNewAlbums
            parameters:
              - {name: limit, in: query, schema: {type: integer}}
              - {name: offset, in: query, schema: {type: integer}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        albums:
                          type: object
                          required: [items, next]
                          properties:
                            items: {type: array, items: {$ref: '#/components/schemas/Order'}}
                            next: {type: string}
                            total: {type: integer}
        /orders/{id}:
          get:
            operationId: getOrder
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
      components:
        schemas:
          Order:
            type: object
            properties:
              id: {type: string}
              items: {type: array, items: {type: string}}
              total: {type: integer}
          Customer: {type: object, properties: {id: {type: string}}}
      """;

  private static MethodDescriptor method(Map<String, FileDescriptor> files, String rpc) {
    return files.values().stream().flatMap(f -> f.getServices().stream()).flatMap(s -> s.getMethods().stream())
        .filter(m -> m.getName().equals(rpc)).findFirst().orElseThrow(() -> new AssertionError("no rpc " + rpc));
  }

  private static RestPaging paging(MethodDescriptor method) {
    return method.getOptions().getExtension(OptionsProto.method).getPaging();
  }

  private static List<String> fields(Descriptor message) {
    return message.getFields().stream().map(f -> f.getNumber() + " " + f.getName()).toList();
  }

  @Test
  void listOperationsGetTheAip158ShapeAndRecordTheirRestPaging() {
    Map<String, FileDescriptor> files = assertCompilesAndLints(convert(dir, SPEC), dir);

    MethodDescriptor orders = method(files, "ListOrders");
    assertThat(fields(orders.getInputType())).containsExactly("1 status", "2 page_size", "3 page_token");
    assertThat(fields(orders.getOutputType())).containsExactly("1 orders", "2 next_page_token", "3 total_size");
    assertThat(orders.getOutputType().findFieldByName("total_size").getType()).isEqualTo(FieldDescriptor.Type.INT64);
    assertThat(orders.getOptions().getExtension(AnnotationsProto.http).getResponseBody()).isEqualTo("orders");
    assertThat(paging(orders)).isEqualTo(RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_OFFSET)
        .setSizeParameter("limit").setOffsetParameter("offset").setItems("").setTotalHeader("X-Total-Count")
        .setDefaultPageSize(20).setMaxPageSize(100).setMinPageSize(1).setItemsField("orders").build());

    MethodDescriptor customers = method(files, "ListCustomers");
    assertThat(fields(customers.getOutputType())).containsExactly("1 data", "2 next_page_token", "3 object", "4 has_more");
    assertThat(paging(customers)).isEqualTo(RestPaging.newBuilder().setStyle(PagingStyle.PAGING_STYLE_CURSOR)
        .setSizeParameter("limit").setCursorParameter("starting_after").setItems("/data").setHasMore("/has_more")
        .setCursorItemMember("id").setItemsField("data").build());

    RestPaging userOrders = paging(method(files, "ListUserOrders"));
    assertThat(userOrders.getStyle()).isEqualTo(PagingStyle.PAGING_STYLE_PAGE);
    assertThat(userOrders.getPageParameter()).isEqualTo("page");
    assertThat(userOrders.getFirstPage()).as("minimum 0: pages count from 0").isZero();
    assertThat(userOrders.getLinkHeader()).isTrue();
    assertThat(userOrders.getLinkRelationsList()).as("as the header's description names them").containsExactly("first", "prev", "last");

    RestPaging albums = paging(method(files, "ListNewAlbums"));
    assertThat(albums.getItems()).isEqualTo("/albums/items");
    assertThat(albums.getNextUrl()).isEqualTo("/albums/next");
    assertThat(albums.getTotal()).isEqualTo("/albums/total");
    assertThat(albums.getPageEnd()).as("a required, non-nullable next URL ends as \"\"").isEqualTo(PageEnd.PAGE_END_EMPTY);

    assertThat(method(files, "GetOrder").getOptions().getExtension(OptionsProto.method).hasPaging())
        .as("a resource with an array member is not a list").isFalse();
  }

  @Test
  void xGrpcPaginationOverridesDetectionBothWays() {
    String spec = SPEC
        .replace("operationId: listOrders\n", "operationId: listOrders\n      x-grpc-pagination: false\n")
        .replace("operationId: getOrder\n", "operationId: getOrder\n      x-grpc-pagination: {style: none, items: /items}\n");
    Map<String, FileDescriptor> files = assertCompilesAndLints(convert(dir, spec), dir);
    assertThat(paging(method(files, "ListOrders"))).isEqualTo(RestPaging.getDefaultInstance());
    assertThat(paging(method(files, "GetOrder")).getItems()).isEqualTo("/items");
    assertThat(fields(method(files, "GetOrder").getOutputType())).startsWith("1 items", "2 next_page_token");
  }

  @Test
  void aWrongOverrideSaysWhatToWrite() {
    String spec = SPEC.replace("operationId: listOrders\n", "operationId: listOrders\n      x-grpc-pagination: {styel: cursor}\n");
    assertThatThrownBy(() -> convert(dir, spec))
        .isInstanceOf(ConversionException.class)
        .extracting(e -> ((ConversionException) e).describe()).asString()
        .contains("/paths/~1orders/get/x-grpc-pagination", "has no key 'styel'", "use one of [", "style");
  }

  @Test
  void overlaysAndTheConfigCarryOverridesWithoutEditingTheSpec() throws IOException {
    Path overlay = Files.writeString(dir.resolve("paging.overlay.yaml"), """
        overlay: 1.0.0
        info: {title: paging overrides, version: 1.0.0}
        actions:
          - target: $.paths['/orders'].get
            update:
              x-grpc-pagination: {style: cursor, cursor_parameter: offset, items: ""}
        """);
    Path config = Files.writeString(dir.resolve("rest2grpc.yaml"), """
        overrides:
          /paths/~1customers/get:
            x-grpc-pagination: false
        """);
    Conversion conversion = convert(dir, SPEC, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false,
        null, new SpecOverrides(List.of(overlay), config)));
    Map<String, FileDescriptor> files = assertCompilesAndLints(conversion, dir);
    assertThat(paging(method(files, "ListOrders")).getStyle()).isEqualTo(PagingStyle.PAGING_STYLE_CURSOR);
    assertThat(paging(method(files, "ListOrders")).getCursorParameter()).isEqualTo("offset");
    assertThat(method(files, "ListCustomers").getOptions().getExtension(OptionsProto.method).hasPaging()).isFalse();
  }

  @Test
  void uncertainDetectionIsListedInTheReport() {
    Conversion conversion = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /feeds:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          entries_list: {type: array, items: {type: string}}
                          next_cursor: {type: string}
        """);
    assertThat(conversion.report().countsByCategory()).containsEntry(Category.UNCERTAIN_LIST, 1);
  }
}
