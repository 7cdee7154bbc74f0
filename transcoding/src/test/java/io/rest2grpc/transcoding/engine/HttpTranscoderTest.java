package io.rest2grpc.transcoding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.Metadata;
import io.rest2grpc.test.v1.RequestsProto;
import io.rest2grpc.test.v1.RouteResponse;
import io.rest2grpc.test.v1.Routing;
import io.rest2grpc.test.v1.SearchTicketsRequest;
import io.rest2grpc.test.v1.TicketState;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.streams.StreamItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpTranscoderTest {
  private static final HttpTranscoder ENGINE = HttpTranscoder.of(List.of(RequestsProto.getDescriptor(), Routing.getDescriptor()));

  @Test
  void aRoutedRequestIsACallWithItsMessageAndMetadata() throws Exception {
    Routed routed = ENGINE.toGrpc(RestRequest.of("GET", "/v1/projects/p1/tickets:search?state=done&colour=red",
        RestHeaders.of("Authorization", "Bearer t")));

    Routed.Call call = (Routed.Call) routed;
    assertThat(call.call().method().getName()).isEqualTo("SearchTickets");
    assertThat(SearchTicketsRequest.parseFrom(call.request().message().toByteString()))
        .isEqualTo(SearchTicketsRequest.newBuilder().setProject("p1").addState(TicketState.TICKET_STATE_DONE).build());
    assertThat(call.request().metadata().get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("Bearer t");
    assertThat(call.request().unknownParameters()).containsExactly("colour");
    assertThat(call.context().path()).isEqualTo("/v1/projects/p1/tickets:search");

    RestRequest back = ENGINE.toRest(call.call().method(), call.request().message(), call.request().metadata());
    assertThat(back.target()).isEqualTo("/v1/projects/p1/tickets:search?state=done");
  }

  @Test
  void whatRoutesNowhereIsATypedRefusalWithAProblemBody() {
    RestResponse notFound = refused(RestRequest.of("GET", "/v2/nothing", RestHeaders.NONE));
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.mediaType()).isEqualTo("application/problem+json");
    assertThat(notFound.body().toStringUtf8())
        .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route for GET /v2/nothing\","
            + "\"instance\":\"/v2/nothing\"}");

    RestResponse notAllowed = refused(RestRequest.of("DELETE", "/v1/projects/p/tickets", RestHeaders.NONE));
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.headers().first("Allow")).contains("GET, POST");

    RestResponse unsupported = refused(RestRequest.of("POST", "/v1/projects/p/tickets", RestHeaders.NONE, "text/plain",
        ByteString.copyFromUtf8("x")));
    assertThat(unsupported.status()).isEqualTo(415);

    RestResponse notAcceptable = refused(RestRequest.of("GET", "/v1/shelves/s/events", RestHeaders.of("Accept", "application/xml")));
    assertThat(notAcceptable.status()).isEqualTo(406);
  }

  @Test
  void anRpcWhoseOptionsTheEngineCannotFollowIsListedAndAnswers501() {
    assertThat(ENGINE.unsupported()).hasSize(1);
    assertThat(ENGINE.unsupported().values().iterator().next()).contains("PAGING_STYLE_CURSOR has no next_cursor");

    Routed.Refused refused = (Routed.Refused) ENGINE.toGrpc(RestRequest.of("GET", "/v1/projects/p/archived-tickets", RestHeaders.NONE));
    assertThat(refused.response().status()).isEqualTo(501);
    assertThat(refused.detail()).startsWith("rest2grpc.test.v1.TicketService.ListArchivedTickets cannot be transcoded: RestPaging");
  }

  @Test
  void aValueThatIsNoneOfItsFieldIsA400InTheMethodsErrorFormat() {
    Routed routed = ENGINE.toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?big=x", RestHeaders.NONE));

    Routed.Refused refused = (Routed.Refused) routed;
    assertThat(refused.response().status()).isEqualTo(400);
    assertThat(refused.detail()).isEqualTo("query parameter 'big': 'x' is not an integer");
  }

  @Test
  void aClientStreamIsReadFromTheBodyChunkByChunkOverWhatThePathBound() {
    ByteString body = ByteString.copyFromUtf8("{\"id\":\"b1\"}\n{\"id\":\"b2\"}\n");
    Routed.Call call = (Routed.Call) ENGINE.toGrpc(RestRequest.of("POST", "/v1/shelves/s9/events", RestHeaders.NONE,
        "application/x-ndjson", body));

    var reader = call.call().requestStream().orElseThrow().reader(call.request().message());
    List<StreamItem> items = new java.util.ArrayList<>(reader.push(body.substring(0, 7)));
    items.addAll(reader.push(body.substring(7)));
    items.addAll(reader.end());

    assertThat(items).hasSize(2);
    assertThat(items).allSatisfy(item -> assertThat(((StreamItem.Data) item).message().toString()).contains("shelf: \"s9\""));
    assertThat(((StreamItem.Data) items.get(1)).message().toString()).contains("id: \"b2\"");
  }

  @Test
  void aServerStreamIsWrittenFrameByFrameInItsFraming() {
    Routed.Call call = (Routed.Call) ENGINE.toGrpc(RestRequest.of("GET", "/v1/shelves/s/events",
        RestHeaders.of("Accept", "text/event-stream")));

    var codec = call.call().responseStream().orElseThrow();
    assertThat(codec.mediaType()).isEqualTo("text/event-stream");
    assertThat(codec.writer().write(RouteResponse.getDefaultInstance()).toStringUtf8()).isEqualTo("data:{}\n\n");
    assertThat(call.call().responses()).isEmpty();
  }

  private static RestResponse refused(RestRequest request) {
    return ((Routed.Refused) ENGINE.toGrpc(request)).response();
  }
}
