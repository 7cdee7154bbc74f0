package io.rest2grpc.transcoding.responses;

import static io.rest2grpc.transcoding.responses.ParcelFixtures.LIST_REQUEST;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.context;
import static io.rest2grpc.transcoding.responses.ParcelFixtures.transcoder;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.rest2grpc.test.v1.ListDepotsResponse;
import io.rest2grpc.test.v1.ListRoutesResponse;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import org.junit.jupiter.api.Test;

/**
 * A typed call maps the handler's answer to the response message itself; where the list's paging is in the body (an
 * envelope's next cursor, the last item's cursor member), {@link ResponseTranscoder#completePage} reads it from the page
 * the mapped message prints as, and completes the message as the bridge's {@link ResponseTranscoder#toGrpc} does from
 * the same REST answer.
 */
class TypedPageCompletionTest {
  private static final RestJson JSON = RestJson.create();

  @Test
  void anEnvelopesNextCursorBecomesTheTokenAndLeavesTheMessage() {
    String page = "{\"data\":[{\"code\":\"dhl\"}],\"has_more\":true,\"next_cursor\":\"c2\"}";
    ListDepotsResponse mapped = JSON.parse(page, ListDepotsResponse.newBuilder()).build(); // as a mapper makes it

    ListDepotsResponse completed = sameAsTheBridge("ListDepots", "/v1/depots?limit=1", mapped, page);

    assertThat(completed.getDataCount()).isEqualTo(1);
    assertThat(completed.getNextPageToken()).isNotEmpty();
    assertThat(completed.getNextCursor()).as("a paging member: the token carries it").isEmpty();
    assertThat(completed.getHasMore()).isFalse();
  }

  @Test
  void anEnvelopesLastPageHasNoToken() {
    String page = "{\"data\":[{\"code\":\"ups\"}],\"has_more\":false}";

    ListDepotsResponse completed = sameAsTheBridge("ListDepots", "/v1/depots?cursor=c2",
        JSON.parse(page, ListDepotsResponse.newBuilder()).build(), page);

    assertThat(completed.getNextPageToken()).isEmpty();
  }

  @Test
  void aBareArrayWhoseCursorIsTheLastItemsMember() {
    String page = "[{\"code\":\"r1\"},{\"code\":\"r2\"}]";
    ListRoutesResponse mapped = JSON.parseField(page, ListRoutesResponse.newBuilder(),
        ListRoutesResponse.getDescriptor().findFieldByName("routes")).build();

    ListRoutesResponse completed = sameAsTheBridge("ListRoutes", "/v1/routes?limit=2", mapped, page);

    assertThat(completed.getRoutesCount()).isEqualTo(2);
    assertThat(completed.getNextPageToken()).isNotEmpty();
  }

  private static <M extends Message> M sameAsTheBridge(String rpc, String target, M mapped, String restPage) {
    ResponseTranscoder transcoder = transcoder(rpc);
    ResponseContext context = context("GET", target, LIST_REQUEST);

    M completed = transcoder.completePage(mapped, RestHeaders.NONE, context);
    GrpcResponse bridged = transcoder.toGrpc(new RestResponse(200, RestHeaders.NONE, "application/json",
        ByteString.copyFromUtf8(restPage)), context);

    assertThat(bridged).isInstanceOf(GrpcResponse.Success.class);
    assertThat(completed.toByteString()).isEqualTo(((GrpcResponse.Success) bridged).message().toByteString());
    return completed;
  }
}
