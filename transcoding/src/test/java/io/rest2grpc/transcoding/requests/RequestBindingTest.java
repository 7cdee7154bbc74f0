package io.rest2grpc.transcoding.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import io.grpc.Metadata;
import io.rest2grpc.test.v1.CreateTicketRequest;
import io.rest2grpc.test.v1.FormTicketRequest;
import io.rest2grpc.test.v1.ImportTicketsRequest;
import io.rest2grpc.test.v1.ListTicketsRequest;
import io.rest2grpc.test.v1.RequestsProto;
import io.rest2grpc.test.v1.SearchTicketsRequest;
import io.rest2grpc.test.v1.SetNoteRequest;
import io.rest2grpc.test.v1.SetTagsRequest;
import io.rest2grpc.test.v1.Ticket;
import io.rest2grpc.test.v1.TicketFilter;
import io.rest2grpc.test.v1.TicketPriority;
import io.rest2grpc.test.v1.TicketState;
import io.rest2grpc.test.v1.UpdateTicketRequest;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBindingTest {
  private static final RouteTable TABLE = RouteTable.of(List.of(RequestsProto.getDescriptor()));
  private static final PageTokens TOKENS = PageTokens.create(PageTokenKeys.of("k1", Map.of("k1", new byte[32])));
  private static final RequestSettings SETTINGS = new RequestSettings(TOKENS, RequestSettings.DEFAULT_PASS_THROUGH, UnknownParameters.IGNORE);
  private static final RestJson JSON = RestJson.create();

  @Test
  void everyQueryStyleAndValueFormRoundTrips() throws Exception {
    SearchTicketsRequest request = SearchTicketsRequest.newBuilder()
        .setProject("a/b %+ é")
        .addState(TicketState.TICKET_STATE_IN_PROGRESS).addState(TicketState.TICKET_STATE_DONE)
        .addTags("x").addTags("y z")
        .addIds(9007199254740993L).addIds(-1)
        .addWords("one").addWords("two")
        .setWhere(TicketFilter.newBuilder().setOwner("ann").setMinAge(3))
        .putLabels("team", "core")
        .setSince(Timestamp.newBuilder().setSeconds(1714571100))
        .setDay(Timestamp.newBuilder().setSeconds(1714521600))
        .setArchived(false)
        .setPriority(TicketPriority.TICKET_PRIORITY_HIGH)
        .setBig(9007199254740993L)
        .setQueryText("")
        .setRequestId("tag-1")
        .addAcceptTags("p").addAcceptTags("q")
        .setSession("s3")
        .setPlain(TicketFilter.newBuilder().setOwner("bob"))
        .build();

    RestRequest rest = toRest(request, new Metadata());

    assertThat(rest.method()).isEqualTo("GET");
    assertThat(rest.path()).isEqualTo("/v1/projects/a%2Fb%20%25%2B%20%C3%A9/tickets:search");
    assertThat(rest.query()).isEqualTo("state=in-progress&state=done&tags=x,y%20z&ids=9007199254740993%7C-1"
        + "&words=one%20two&where%5Bowner%5D=ann&where%5Bmin_age%5D=3&labels%5Bteam%5D=core&since=2024-05-01T13%3A45%3A00Z"
        + "&day=2024-05-01&archived=false&priority=20&big=9007199254740993&owner=bob");
    assertThat(rest.headers().first("X-Trace-Tag")).contains("tag-1");
    assertThat(rest.headers().first("X-Tags")).contains("p, q");
    assertThat(rest.headers().first("Cookie")).contains("session=s3");
    // an empty string is the proto3 default: it is not sent, and comes back as the default
    assertThat(toGrpc(rest).message()).isEqualTo(roundTripped(request, toGrpc(rest).message()));
    assertThat(SearchTicketsRequest.parseFrom(toGrpc(rest).message().toByteString())).isEqualTo(request);
  }

  @Test
  void handWrittenQueryBindsByRestNameProtoNameAndFieldPath() throws Exception {
    GrpcRequest grpc = toGrpc(RestRequest.of("GET",
        "/v1/projects/p1/tickets:search?q=hello%20world&state=done&tags=&where[owner]=ann&plain.owner=zed&min_age=4"
            + "&query_text=ignored-after-q",
        RestHeaders.of("X-Tags", "a, b", "X-Tags", "c")));
    SearchTicketsRequest bound = SearchTicketsRequest.parseFrom(grpc.message().toByteString());

    assertThat(bound.getQueryText()).isEqualTo("ignored-after-q"); // both spellings name one field: the last one read wins
    assertThat(bound.getStateList()).containsExactly(TicketState.TICKET_STATE_DONE);
    assertThat(bound.getTagsList()).isEmpty();
    assertThat(bound.getWhere().getOwner()).isEqualTo("ann");
    assertThat(bound.getPlain()).isEqualTo(TicketFilter.newBuilder().setOwner("zed").setMinAge(4).build());
    assertThat(bound.getAcceptTagsList()).containsExactly("a", "b", "c");
    assertThat(grpc.unknownParameters()).isEmpty();
  }

  @Test
  void badValuesAreTypedErrorsNamingTheParameter() {
    assertThatThrownBy(() -> toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?big=12x", RestHeaders.NONE)))
        .isInstanceOfSatisfying(InvalidRequest.class, e -> {
          assertThat(e.location()).isEqualTo(Location.QUERY);
          assertThat(e.parameter()).isEqualTo("big");
          assertThat(e.getMessage()).isEqualTo("query parameter 'big': '12x' is not an integer");
        });
    assertThatThrownBy(() -> toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?big=1E156285400", RestHeaders.NONE)))
        .as("refused at once, not expanded to 156 million digits (found by the fuzz target)")
        .hasMessage("query parameter 'big': 1E+156285400 is out of every integer range");
    assertThatThrownBy(() -> toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?archived=yes", RestHeaders.NONE)))
        .hasMessage("query parameter 'archived': 'yes' is not true or false");
    assertThatThrownBy(() -> toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?ids=1|2.5", RestHeaders.NONE)))
        .hasMessage("query parameter 'ids': 2.5 is not an integer");
    assertThatThrownBy(() -> toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?state=lost", RestHeaders.NONE)))
        .as("an unknown enum value in a request was the legacy service's 400, whatever the enum's KEEP policy")
        .hasMessage("query parameter 'state': unknown TicketState value 'lost'");
    assertThatThrownBy(() -> toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?where=ann", RestHeaders.NONE)))
        .hasMessage("query parameter 'where': an object needs the deepObject form where[property]=value");
    assertThatThrownBy(() -> toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?where[nobody]=1", RestHeaders.NONE)))
        .hasMessage("query parameter 'where[nobody]': TicketFilter has no property 'nobody'");
    assertThatThrownBy(() -> toGrpc(RestRequest.of("POST", "/v1/projects/p/tickets", RestHeaders.NONE, "application/json",
        ByteString.copyFromUtf8("{\"points\": \"many\"}"))))
        .isInstanceOfSatisfying(InvalidRequest.class, e -> {
          assertThat(e.location()).isEqualTo(Location.BODY);
          assertThat(e.parameter()).isEqualTo("/points");
        });
  }

  @Test
  void unknownParametersAreCountedOrRefusedByPolicy() {
    RestRequest request = RestRequest.of("GET", "/v1/projects/p/tickets:search?colour=red&state=done", RestHeaders.NONE);
    assertThat(toGrpc(request).unknownParameters()).containsExactly("colour");

    RouteMatch.Matched match = (RouteMatch.Matched) TABLE.match("GET", request.target());
    RequestBinding strict = RequestBinding.of(match.route(), new RequestSettings(TOKENS, List.of(), UnknownParameters.REJECT), JSON);
    assertThatThrownBy(() -> strict.toGrpc(match.variables(), request))
        .hasMessage("query parameter 'colour': is no parameter of GET /v1/projects/{project}/tickets:search");
  }

  @Test
  void credentialsSharedParametersAndTraceHeadersTravelAsMetadataNeverAsFields() throws Exception {
    GrpcRequest grpc = toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets:search?api_key=k-1&pretty=true&state=done",
        RestHeaders.of("Authorization", "Bearer t0k", "traceparent", "00-abc-def-01", "X-Other", "not carried")));

    assertThat(grpc.metadata().get(key("authorization"))).isEqualTo("Bearer t0k");
    assertThat(grpc.metadata().get(key("x-api-key"))).isEqualTo("k-1");
    assertThat(grpc.metadata().get(key("pretty"))).isEqualTo("true");
    assertThat(grpc.metadata().get(key("traceparent"))).isEqualTo("00-abc-def-01");
    assertThat(grpc.metadata().keys()).doesNotContain("x-other");
    assertThat(grpc.unknownParameters()).isEmpty();

    RestRequest back = toRest(SearchTicketsRequest.parseFrom(grpc.message().toByteString()), grpc.metadata());
    assertThat(back.query()).isEqualTo("state=done&api_key=k-1&pretty=true");
    assertThat(back.headers().first("Authorization")).contains("Bearer t0k");
    assertThat(back.headers().first("traceparent")).contains("00-abc-def-01");
  }

  @Test
  void constantsAreCheckedAndDroppedThenAddedBack() throws Exception {
    String body = "{\"title\":\"T\",\"labels\":{\"a\":\"b\"},\"points\":9007199254740993}";
    GrpcRequest grpc = toGrpc(RestRequest.of("POST", "/v1/projects/p/tickets?api-version=2024-01-01",
        RestHeaders.of("Idempotency-Key", "idem-1"), "application/json", ByteString.copyFromUtf8(body)));
    CreateTicketRequest bound = CreateTicketRequest.parseFrom(grpc.message().toByteString());
    assertThat(bound).isEqualTo(CreateTicketRequest.newBuilder().setProject("p").setIdempotencyKey("idem-1")
        .setTicket(Ticket.newBuilder().setTitle("T").setPoints(9007199254740993L).putLabels("a", "b")).build());
    assertThat(grpc.unknownParameters()).isEmpty();

    RestRequest back = toRest(bound, new Metadata());
    assertThat(back.target()).isEqualTo("/v1/projects/p/tickets?api-version=2024-01-01");
    assertThat(back.contentType()).isEqualTo("application/json");
    assertThat(back.body().toStringUtf8()).isEqualTo(body);
    assertThat(back.headers().first("Idempotency-Key")).contains("idem-1");

    assertThatThrownBy(() -> toGrpc(RestRequest.of("POST", "/v1/projects/p/tickets?api-version=2020-01-01", RestHeaders.NONE,
        "application/json", ByteString.copyFromUtf8("{}"))))
        .hasMessage("query parameter 'api-version': takes only '2024-01-01', got '2020-01-01'");
  }

  @Test
  void mergePatchKeepsAbsentClearsNullAndMergesNestedObjects() throws Exception {
    String patch = "{\"title\":\"New\",\"owner\":{\"owner\":null},\"labels\":{\"a-b\":null,\"c\":\"d\"},\"state\":null}";
    GrpcRequest grpc = toGrpc(RestRequest.of("PATCH", "/v1/projects/p/tickets/t1", RestHeaders.NONE,
        "application/merge-patch+json", ByteString.copyFromUtf8(patch)));
    UpdateTicketRequest bound = UpdateTicketRequest.parseFrom(grpc.message().toByteString());

    assertThat(bound.getUpdateMask()).isEqualTo(FieldMask.newBuilder()
        .addPaths("title").addPaths("owner.owner").addPaths("labels.`a-b`").addPaths("labels.c").addPaths("state").build());
    assertThat(bound.getTicket()).isEqualTo(Ticket.newBuilder().setTitle("New").setOwner(TicketFilter.getDefaultInstance())
        .putLabels("c", "d").build());

    RestRequest back = toRest(bound, new Metadata());
    assertThat(back.contentType()).isEqualTo("application/merge-patch+json");
    assertThat(back.body().toStringUtf8()).isEqualTo(patch);

    GrpcRequest plain = toGrpc(RestRequest.of("PATCH", "/v1/projects/p/tickets/t1", RestHeaders.NONE,
        "application/json", ByteString.copyFromUtf8("{\"title\":\"New\"}")));
    assertThat(UpdateTicketRequest.parseFrom(plain.message().toByteString()).hasUpdateMask()).isFalse();
  }

  @Test
  void rawFormRepeatedAndWholeBodies() throws Exception {
    ByteString csv = ByteString.copyFromUtf8("id,title\n1,a\n");
    GrpcRequest imported = toGrpc(RestRequest.of("POST", "/v1/projects/p/tickets:import", RestHeaders.NONE,
        "text/csv; charset=utf-8", csv));
    ImportTicketsRequest importRequest = ImportTicketsRequest.parseFrom(imported.message().toByteString());
    assertThat(importRequest.getBody()).isEqualTo(HttpBody.newBuilder().setContentType("text/csv; charset=utf-8").setData(csv).build());
    RestRequest importBack = toRest(importRequest, new Metadata());
    assertThat(importBack.contentType()).isEqualTo("text/csv; charset=utf-8");
    assertThat(importBack.body()).isEqualTo(csv);

    GrpcRequest form = toGrpc(RestRequest.of("POST", "/v1/form-tickets", RestHeaders.NONE,
        "application/x-www-form-urlencoded", ByteString.copyFromUtf8("title=A+b%21&tags=x&tags=y&points=3")));
    FormTicketRequest formRequest = FormTicketRequest.parseFrom(form.message().toByteString());
    assertThat(formRequest).isEqualTo(FormTicketRequest.newBuilder().setTitle("A b!").addTags("x").addTags("y").setPoints(3).build());
    assertThat(toRest(formRequest, new Metadata()).body().toStringUtf8()).isEqualTo("title=A%20b%21&tags=x&tags=y&points=3");
    RestRequest withUnknownField = RestRequest.of("POST", "/v1/form-tickets", RestHeaders.NONE,
        "application/x-www-form-urlencoded", ByteString.copyFromUtf8("title=A&colour=red"));
    assertThat(toGrpc(withUnknownField).unknownParameters()).containsExactly("colour");
    RouteMatch.Matched formRoute = (RouteMatch.Matched) TABLE.match("POST", "/v1/form-tickets");
    assertThatThrownBy(() -> RequestBinding.of(formRoute.route(), new RequestSettings(TOKENS, List.of(), UnknownParameters.REJECT), JSON)
        .toGrpc(formRoute.variables(), withUnknownField))
        .hasMessage("body parameter 'colour': names no field of the body of POST /v1/form-tickets");

    GrpcRequest tags = toGrpc(RestRequest.of("PUT", "/v1/tickets/t1/tags", RestHeaders.NONE, "application/json",
        ByteString.copyFromUtf8("[\"a\",\"b\"]")));
    SetTagsRequest tagsRequest = SetTagsRequest.parseFrom(tags.message().toByteString());
    assertThat(tagsRequest).isEqualTo(SetTagsRequest.newBuilder().setId("t1").addTags("a").addTags("b").build());
    assertThat(toRest(tagsRequest, new Metadata()).body().toStringUtf8()).isEqualTo("[\"a\",\"b\"]");

    GrpcRequest note = toGrpc(RestRequest.of("PUT", "/v1/tickets/t1/note", RestHeaders.NONE, "application/json",
        ByteString.copyFromUtf8("{\"id\":\"ignored\",\"note\":{\"k\":[1,null]},\"title\":\"T\"}")));
    SetNoteRequest noteRequest = SetNoteRequest.parseFrom(note.message().toByteString());
    assertThat(noteRequest.getId()).isEqualTo("t1"); // the path wins over the body
    assertThat(noteRequest.getNote()).isEqualTo(Struct.newBuilder().putFields("k", Value.newBuilder().setListValue(
        com.google.protobuf.ListValue.newBuilder().addValues(Value.newBuilder().setNumberValue(1))
            .addValues(Value.newBuilder().setNullValue(com.google.protobuf.NullValue.NULL_VALUE))).build()).build());
    assertThat(toRest(noteRequest, new Metadata()).body().toStringUtf8()).isEqualTo("{\"note\":{\"k\":[1,null]},\"title\":\"T\"}");
  }

  @Test
  void pagingParametersBecomePageSizeAndTokenAndBack() throws Exception {
    GrpcRequest grpc = toGrpc(RestRequest.of("GET", "/v1/projects/p/tickets?limit=5&offset=10&owner=ann", RestHeaders.NONE));
    ListTicketsRequest bound = ListTicketsRequest.parseFrom(grpc.message().toByteString());
    assertThat(bound.getPageSize()).isEqualTo(5);
    assertThat(bound.getPageToken()).isNotEmpty();
    assertThat(bound.getOwner()).isEqualTo("ann");
    assertThat(grpc.unknownParameters()).isEmpty();

    assertThat(toRest(bound, new Metadata()).target()).isEqualTo("/v1/projects/p/tickets?owner=ann&offset=10&limit=5");
  }

  // Helpers

  private static GrpcRequest toGrpc(RestRequest request) {
    RouteMatch match = TABLE.match(request.method(), request.target(), request.contentType().isEmpty() ? null : request.contentType(), null);
    assertThat(match).isInstanceOf(RouteMatch.Matched.class);
    RouteMatch.Matched matched = (RouteMatch.Matched) match;
    return RequestBinding.of(matched.route(), SETTINGS, JSON).toGrpc(matched.variables(), request);
  }

  private static RestRequest toRest(Message request, Metadata metadata) {
    Route route = TABLE.routes().stream().filter(r -> r.method().getInputType().getFullName()
        .equals(request.getDescriptorForType().getFullName())).findFirst().orElseThrow();
    return RequestBinding.of(route, SETTINGS, JSON).toRest(request, metadata);
  }

  private static Message roundTripped(Message expected, Message actual) throws InvalidProtocolBufferException {
    return actual.getParserForType().parseFrom(expected.toByteString());
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
