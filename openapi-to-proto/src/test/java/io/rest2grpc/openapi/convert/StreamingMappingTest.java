package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.read.SpecOverrides;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming media types become streaming RPCs (module README, "Streaming"). */
class StreamingMappingTest {
  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Shop, version: 1.0.0}
      paths:
        /events:
          get:
            operationId: streamEvents
            parameters: [{name: Last-Event-ID, in: header, schema: {type: string}}]
            responses:
              '200':
                description: events
                content:
                  text/event-stream:
                    schema: {$ref: '#/components/schemas/Event'}
                    example: "retry: 5000\\n\\nid: 1\\nevent: created\\ndata: {\\"kind\\": \\"created\\"}\\n\\n"
        /raw-events:
          get:
            operationId: streamRawEvents
            parameters: [{name: last-event-id, in: header, schema: {type: string}}]
            responses: {'200': {description: events, content: {text/event-stream: {schema: {type: string}}}}}
        /uploads:
          post:
            operationId: upload
            parameters: [{name: batch, in: query, schema: {type: string}}]
            requestBody: {content: {application/x-ndjson: {schema: {$ref: '#/components/schemas/Event'}}}}
            responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {n: {type: integer}}}}}}}
        /sessions/{id}:
          post:
            operationId: converse
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            requestBody: {content: {application/jsonl: {schema: {$ref: '#/components/schemas/Event'}}}}
            responses: {'200': {description: ok, content: {application/stream+json: {schema: {$ref: '#/components/schemas/Event'}}}}}
        /completions:
          post:
            operationId: complete
            requestBody: {content: {application/json: {schema: {type: object, properties: {stream: {type: boolean}}}}}}
            responses:
              '200':
                description: one event, or a stream of them
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Event'}}
                  text/event-stream: {schema: {$ref: '#/components/schemas/Event'}}
      components:
        schemas:
          Event: {type: object, properties: {kind: {type: string}}}
      """;

  private static MethodDescriptor method(Map<String, FileDescriptor> files, String rpc) {
    return files.values().stream().flatMap(f -> f.getServices().stream()).flatMap(s -> s.getMethods().stream())
        .filter(m -> m.getName().equals(rpc)).findFirst().orElseThrow(() -> new AssertionError("no rpc " + rpc));
  }

  private static RestMethod rest(MethodDescriptor method) {
    return EffectiveOptions.of(method);
  }

  @Test
  void streamingMediaTypesMakeServerClientAndBidiStreams() {
    Conversion c = convert(dir, SPEC);
    String text = protoText(c);
    assertThat(text).contains(
        "rpc StreamEvents(StreamEventsRequest) returns (stream StreamEventsResponse)",
        "message StreamEventsResponse {\n  // The event's data.\n  Event event = 1;\n",
        "rpc StreamRawEvents(StreamRawEventsRequest) returns (stream google.protobuf.Struct)",
        "rpc Upload(stream UploadRequest) returns (UploadResponse)",
        "rpc Converse(stream ConverseRequest) returns (stream Event) {\n  }",
        "rpc Complete(CompleteRequest) returns (Event)",
        "message UploadRequest {\n  string batch = 1;\n  // One streamed value.\n  Event body = 2;\n}");
    assertThat(c.report().countsByCategory()).containsEntry(Category.STREAM_MESSAGE_UNKNOWN, 1)
        .containsEntry(Category.STREAM_ALTERNATIVE, 1).containsEntry(Category.BIDI_STREAM_NO_HTTP_RULE, 1);

    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    MethodDescriptor events = method(files, "StreamEvents");
    assertThat(events.isServerStreaming()).isTrue();
    assertThat(events.getOptions().getExtension(AnnotationsProto.http).getGet()).isEqualTo("/events");
    assertThat(events.getOptions().getExtension(AnnotationsProto.http).getResponseBody())
        .as("ids no member of the data holds travel beside it").isEqualTo("event");
    assertThat(rest(events).getMetadataHeadersList()).containsExactly("Last-Event-ID");
    assertThat(rest(events).getResponseStream()).isEqualTo(RestStream.newBuilder().setFraming(StreamFraming.STREAM_FRAMING_SSE)
        .setMediaType("text/event-stream").addSseEventNames("created").setSseEventMember("/kind").setSseIds(true)
        .setSseRetryMs(5000).setResumeHeader("Last-Event-ID").setSseIdField("event_id").build());

    assertThat(rest(method(files, "StreamRawEvents")).getResponseStream()).as("resuming implies ids, examples or not")
        .isEqualTo(RestStream.newBuilder().setFraming(StreamFraming.STREAM_FRAMING_SSE).setMediaType("text/event-stream")
            .setSseIds(true).setResumeHeader("last-event-id").build());

    MethodDescriptor upload = method(files, "Upload");
    assertThat(upload.isClientStreaming()).isTrue();
    assertThat(upload.getOptions().getExtension(AnnotationsProto.http).getBody()).isEqualTo("body");
    assertThat(rest(upload).getRequestStream().getFraming()).isEqualTo(StreamFraming.STREAM_FRAMING_NDJSON);

    MethodDescriptor converse = method(files, "Converse");
    assertThat(converse.isClientStreaming() && converse.isServerStreaming()).isTrue();
    assertThat(converse.getOptions().hasExtension(AnnotationsProto.http)).as("AIP-127: no HttpRule for bidi").isFalse();
    assertThat(rest(converse).getRestMethod()).isEqualTo("POST");
    assertThat(rest(converse).getRestPath()).isEqualTo("/sessions/{id}");
    assertThat(rest(converse).getResponseStream().getMediaType()).isEqualTo("application/stream+json");
  }

  @Test
  void xGrpcStreamingForcesAModeThroughTheSpecAnOverlayOrTheConfig() throws Exception {
    Path overlay = dir.resolve("streams.overlay.yaml");
    Files.writeString(overlay, """
        overlay: 1.0.0
        info: {title: streams, version: 1.0.0}
        actions:
          - target: $.paths['/completions'].post
            update: {x-grpc-streaming: server}
        """);
    Path config = dir.resolve("rest2grpc.yaml");
    Files.writeString(config, """
        overrides:
          /paths/~1uploads/post: {x-grpc-streaming: none}
          /paths/~1raw-events/get: {x-grpc-stream-message: '#/components/schemas/Event'}
        """);
    Conversion c = convert(dir, SPEC, new ConversionOptions(null, ConversionOptions.GroupBy.TAG, 1 << 20, null, false, null,
        new SpecOverrides(List.of(overlay), config)));
    assertThat(protoText(c)).contains(
        "rpc Complete(CompleteRequest) returns (stream Event)",
        "rpc StreamRawEvents(StreamRawEventsRequest) returns (stream StreamRawEventsResponse)",
        "rpc Upload(UploadRequest) returns (UploadResponse)");
    assertThat(c.report().countsByCategory()).doesNotContainKeys(Category.STREAM_ALTERNATIVE, Category.STREAM_MESSAGE_UNKNOWN);
  }

  @Test
  void aBadModeNamesTheOperationAndTheValues() {
    assertThatThrownBy(() -> convert(dir, SPEC.replace("operationId: complete", "operationId: complete\n      x-grpc-streaming: both")))
        .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.describe()).isEqualTo(
            "openapi.yaml#/paths/~1completions/post/x-grpc-streaming (line 35, column 7): x-grpc-streaming is 'both'\n  hint: write server, client, bidi or none"));
  }

  @Test
  void theSseIdMemberIsTheDataMemberEveryExampleIdEquals() {
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders/events:
            get:
              operationId: streamOrderEvents
              responses:
                '200':
                  description: events
                  content:
                    text/event-stream:
                      schema: {$ref: '#/components/schemas/Event'}
                      examples:
                        created: {value: "id: 41\\nevent: created\\ndata: {\\"seq\\": 41, \\"type\\": \\"created\\"}\\n\\n"}
                        paid: {value: "data: {\\"seq\\": \\"p-2\\",\\ndata: \\"type\\": \\"paid\\"}\\nid: p-2\\nevent: paid\\n"}
          /users/events:
            get:
              operationId: streamUserEvents
              responses:
                '200':
                  description: numbered events
                  content:
                    text/event-stream:
                      schema: {$ref: '#/components/schemas/Event'}
                      example: "id: 7\\ndata: {\\"seq\\": 7}\\n\\nid: 8\\ndata: {\\"seq\\": 1}\\n\\n"
        components:
          schemas:
            Event: {type: object, properties: {seq: {type: string}, type: {type: string}}}
        """);
    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    assertThat(rest(method(files, "StreamOrderEvents")).getResponseStream()).as("ids before or after data, data over two lines")
        .isEqualTo(RestStream.newBuilder().setFraming(StreamFraming.STREAM_FRAMING_SSE).setMediaType("text/event-stream")
            .addSseEventNames("created").addSseEventNames("paid").setSseEventMember("/type").setSseIds(true).setSseIdMember("/seq")
            .build());
    assertThat(rest(method(files, "StreamUserEvents")).getResponseStream().getSseIdMember())
        .as("one event's id is not its seq: the ids are numbered").isEmpty();
    assertThat(rest(method(files, "StreamUserEvents")).getResponseStream().getSseIds()).isTrue();
  }

  @Test
  void anUntypedStreamTakesTheOneComponentSchemaEveryExampleItemMatches() {
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /order-events:
            get:
              operationId: streamOrderEvents
              responses:
                '200':
                  description: events
                  content:
                    text/event-stream:
                      schema: {type: string}
                      example: "id: 1\\nevent: paid\\ndata: {\\"type\\": \\"paid\\", \\"order_id\\": 7}\\n\\nid: 2\\ndata: {\\"type\\": \\"shipped\\", \\"order_id\\": 8}\\n\\n"
          /tracking:
            post:
              operationId: uploadTracking
              requestBody:
                content:
                  application/x-ndjson:
                    schema: {type: string}
                    example: "{\\"order_id\\": 7, \\"status\\": \\"paid\\"}\\n{\\"order_id\\": 8}\\n"
              responses: {'204': {description: stored}}
          /notes:
            get:
              operationId: streamNotes
              responses:
                '200':
                  description: notes, which also fit an order patch
                  content: {text/event-stream: {schema: {type: string}, example: "data: {\\"note\\": \\"hi\\"}\\n\\n"}}
          /mixed:
            get:
              operationId: streamMixed
              responses:
                '200':
                  description: an order event, then a tracking line
                  content:
                    application/x-ndjson:
                      schema: {type: string}
                      example: "{\\"type\\": \\"paid\\", \\"order_id\\": 7}\\n{\\"order_id\\": 7, \\"status\\": \\"paid\\"}\\n"
          /unknown:
            get:
              operationId: streamUnknown
              responses:
                '200':
                  description: nothing the spec declares
                  content: {text/event-stream: {schema: {type: string}, example: "data: {\\"colour\\": \\"red\\"}\\n\\n"}}
        components:
          schemas:
            OrderEvent:
              type: object
              required: [type, order_id]
              properties: {type: {type: string}, order_id: {type: integer}}
            TrackingEvent:
              type: object
              required: [order_id]
              properties: {order_id: {type: integer}, status: {type: string}}
            Note: {type: object, properties: {note: {type: string}}}
            OrderPatch: {type: object, properties: {note: {type: string}, status: {type: string}}}
        """);
    assertThat(protoText(c)).contains("rpc StreamOrderEvents(StreamOrderEventsRequest) returns (stream StreamOrderEventsResponse)",
        "  OrderEvent order_event = 1;\n",
        "message UploadTrackingRequest {\n  // One streamed value.\n  TrackingEvent body = 1;\n}",
        "rpc StreamNotes(StreamNotesRequest) returns (stream google.protobuf.Struct)",
        "rpc StreamMixed(StreamMixedRequest) returns (stream google.protobuf.Struct)",
        "rpc StreamUnknown(StreamUnknownRequest) returns (stream google.protobuf.Struct)");
    assertThat(c.report().countsByCategory()).containsEntry(Category.STREAM_MESSAGE_INFERRED, 2)
        .containsEntry(Category.STREAM_MESSAGE_UNKNOWN, 3);
    assertThat(c.report().findings().stream().filter(f -> f.category() == Category.STREAM_MESSAGE_UNKNOWN).map(f -> f.message()))
        .anyMatch(m -> m.contains("example item 1 matches 2 component schemas (Note, OrderPatch)"))
        .anyMatch(m -> m.contains("the examples match different schemas (OrderEvent, TrackingEvent)"))
        .anyMatch(m -> m.contains("example item 1 matches no component schema"));
    assertCompilesAndLints(c, dir);
  }
}
