package io.rest2grpc.transcoding.paging;

import static io.rest2grpc.transcoding.paging.PagingFixtures.FILTERS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.TOKENS;
import static io.rest2grpc.transcoding.paging.PagingFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.test.v1.ListWidgetsResponse;
import io.rest2grpc.test.v1.PagingTransformProto;
import io.rest2grpc.transcoding.json.RestJson;
import org.junit.jupiter.api.Test;

class PagingTransformOfMethodTest {
  private static final MethodDescriptor LIST = PagingTransformProto.getDescriptor().findServiceByName("Widgets")
      .findMethodByName("ListWidgets");

  @Test
  void readsThePagingOfTheMethodAndTheJsonNamesOfItsResponse() {
    PagingTransform transform = PagingTransform.of(LIST, TOKENS);
    ListWidgetsResponse response = ListWidgetsResponse.newBuilder()
        .addWidgets(com.google.protobuf.Struct.newBuilder().putFields("id",
            com.google.protobuf.Value.newBuilder().setStringValue("w1").build()))
        .setNextPageToken(TOKENS.mint(RestPosition.page(2, 30), FILTERS)).setTotalSize(31).build();

    RestListResponse rest = transform.toRestResponse(RestJson.create().print(response), "/w", query(), FILTERS);

    assertThat(transform.paging().getStyle()).isEqualTo(PagingStyle.PAGING_STYLE_PAGE);
    assertThat(rest.body()).isEqualTo("[{\"id\":\"w1\"}]");
    assertThat(rest.headers().first("Link")).contains("</w?page=2>; rel=\"next\"");
    assertThat(rest.headers().first("X-Total-Count")).contains("31");
  }

  @Test
  void refusesAMethodWithoutPagingOrAnIncompleteRestPaging() {
    MethodDescriptor get = LIST.getService().findMethodByName("GetWidget");

    assertThatThrownBy(() -> PagingTransform.of(get, TOKENS)).hasMessageContaining("GetWidget has no RestMethod.paging");
    assertThatThrownBy(() -> PagingFixtures.transform(RestPaging.newBuilder().setItemsField("x")
        .setStyle(PagingStyle.PAGING_STYLE_PAGE).setPageParameter("page").build()))
        .hasMessage("RestPaging of style PAGING_STYLE_PAGE has no default_page_size (the legacy default page length); "
            + "set it (x-grpc-pagination)");
    assertThatThrownBy(() -> PagingFixtures.transform(PagingFixtures.none().toBuilder().clearItemsField().build()))
        .hasMessageContaining("has no items_field");
    assertThatThrownBy(() -> PagingFixtures.transform(PagingFixtures.none().toBuilder().setItems("data").build()))
        .hasMessageContaining("RestPaging.items: \"data\" is not a JSON pointer: it must start with '/'");
  }
}
