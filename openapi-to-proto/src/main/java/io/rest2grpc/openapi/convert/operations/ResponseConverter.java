package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.convert.operations.OperationConverter.Plan;
import io.rest2grpc.openapi.convert.paging.ListDetector;
import io.rest2grpc.openapi.convert.schemas.MessageBuilder;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.convert.schemas.SchemaConverter;
import io.rest2grpc.openapi.convert.schemas.SchemaKind;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.convert.schemas.Shape;
import io.rest2grpc.openapi.convert.schemas.TypeStore;
import io.rest2grpc.openapi.convert.streaming.StreamingModes;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.RpcOptions;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.transcoding.JsonPointer;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An RPC's response: the success response's schema (the first 2xx with a body), a server stream's
 * event, an AIP-158 list response, a wrapper for a bare array or value (unwrapped by
 * {@code response_body}), {@code HttpBody} for non-JSON, {@code Empty} without a body. Rules are
 * in the module README ("Services and RPCs", "Pagination", "Streaming").
 */
final class ResponseConverter {
  private static final String STREAM_MESSAGE = "x-grpc-stream-message";

  private final RefResolver refs;
  private final SchemaConverter schemas;
  private final TypeStore store;
  private final Findings report;
  private final String pkg;
  private final OperationParts parts;
  private final ObjectProperties objects;
  private final ListDetector lists;
  private boolean totalSizeNoted;

  ResponseConverter(RefResolver refs, SchemaConverter schemas, TypeStore store, Findings report, String pkg, OperationParts parts) {
    this.refs = refs;
    this.schemas = schemas;
    this.store = store;
    this.report = report;
    this.pkg = pkg;
    this.parts = parts;
    this.objects = new ObjectProperties(refs);
    this.lists = new ListDetector(objects);
  }

  /**
   * @param type the response message
   * @param responseBody the HttpRule response_body: the field a bare array or value is unwrapped from, else null
   */
  record Response(TypeRef type, String responseBody, boolean streaming) {}

  /** The operation's list shape (module README, "Pagination"), or null when it is not a list. */
  ListDetector.ListShape listShape(Op op) {
    Map<String, ApiResponse> responses = op.operation().getResponses() == null ? Map.of() : op.operation().getResponses();
    String code = responses.keySet().stream().filter(c -> c.startsWith("2")).sorted().findFirst().orElse(null);
    if (code == null) {
      return null;
    }
    Located<ApiResponse> response = refs.response(responses.get(code), op.location().child("responses").child(code));
    if (response.value() == null) {
      return null;
    }
    Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(response.value().getContent());
    if (media == null || media.getValue().getSchema() == null) {
      return null;
    }
    List<Parameter> query = parts.parameters(op).stream().map(Located::value)
        .filter(p -> p.getIn() == null || p.getIn().equals("query")).toList();
    Map<String, Header> headers = response.value().getHeaders() == null ? Map.of() : response.value().getHeaders();
    ListDetector.ListShape detected = lists.detect(op.method(), op.path(), query,
        new Located<>(media.getValue().getSchema(), parts.mediaSchemaLocation(response.location(), media.getKey())), headers);
    Object override = op.operation().getExtensions() == null ? null : op.operation().getExtensions().get("x-grpc-pagination");
    return ListDetector.override(detected, override, op.location().child("x-grpc-pagination"));
  }

  /**
   * The response; {@code list} is the operation's list shape, null when it is not a list. The response
   * headers and the body are each converted even when the other fails; the failures are thrown together.
   */
  Response convert(Plan plan, String element, RpcOptions.Builder rest, ListDetector.ListShape list, StreamingModes.Mode forced) {
    Op op = plan.op();
    Map<String, ApiResponse> responses = op.operation().getResponses() == null ? Map.of() : op.operation().getResponses();
    SourceLocation responsesAt = op.location().child("responses");
    TreeMap<String, ApiResponse> success = new TreeMap<>();
    responses.forEach((code, r) -> {
      if (code.startsWith("2")) {
        success.put(code, r);
      }
    });
    if (success.size() > 1) {
      report.info(Category.MULTIPLE_SUCCESS_RESPONSES, responsesAt, element,
          "documents " + success.keySet() + "; the first with a body shapes the response");
      rest.successStatuses(new ArrayList<>(success.keySet()));
    }
    String chosen = null;
    Located<ApiResponse> chosenResponse = null;
    for (Map.Entry<String, ApiResponse> e : success.entrySet()) {
      Located<ApiResponse> r = refs.response(e.getValue(), responsesAt.child(e.getKey()));
      if (chosen == null || (hasContent(r.value()) && !hasContent(chosenResponse.value()))) {
        chosen = e.getKey();
        chosenResponse = r;
      }
    }
    if (chosen == null && responses.containsKey("default")) {
      chosen = "default";
      chosenResponse = refs.response(responses.get("default"), responsesAt.child("default"));
    }
    rest.successStatus(chosen == null || chosen.equals("default") ? "200" : chosen);
    Located<ApiResponse> answer = chosenResponse;
    Problems problems = new Problems();
    recordHeaders(answer, rest, problems);
    Response response = problems.attempt(() -> body(plan, element, rest, list, forced, answer));
    problems.throwIfAny();
    return response;
  }

  /** The response message of the success response {@code chosenResponse} (null without one). */
  private Response body(Plan plan, String element, RpcOptions.Builder rest, ListDetector.ListShape list, StreamingModes.Mode forced,
      Located<ApiResponse> chosenResponse) {
    Op op = plan.op();
    if (chosenResponse == null || !hasContent(chosenResponse.value())) {
      return new Response(TypeRef.EMPTY, null, forced != null && forced.server());
    }
    Content content = chosenResponse.value().getContent();
    Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(content);
    Map.Entry<String, MediaType> stream = StreamingModes.streamMedia(content);
    Map.Entry<String, MediaType> alternative = StreamingModes.nonStreamMedia(content);
    boolean streaming = forced != null ? forced.server() : stream != null && alternative == null;
    if (forced == null && stream != null && alternative != null) {
      report.info(Category.STREAM_ALTERNATIVE, chosenResponse.location(), element, "answers '" + alternative.getKey() + "' or the stream '"
          + stream.getKey() + "'; the RPC is unary (x-grpc-streaming: server makes it a server stream)");
    }
    Located<Schema<?>> event = null;
    RestStream streamOption = null;
    if (streaming && (stream != null || media != null)) {
      media = stream != null ? stream : media;
      streamOption = StreamingModes.option(media, parts.resumeHeader(op));
      rest.responseStream(streamOption);
      event = parts.eventSchema(media, parts.mediaSchemaLocation(chosenResponse.location(), media.getKey()), op, STREAM_MESSAGE, element);
      if (event == null) {
        return new Response(TypeRef.STRUCT, null, true);
      }
    }
    Map.Entry<String, MediaType> binary = event == null && media != null
        ? binaryMedia(media, parts.mediaSchemaLocation(chosenResponse.location(), media.getKey())) : null;
    if (media == null || binary != null) {
      Map.Entry<String, MediaType> raw = binary != null ? binary : alternative != null ? alternative : content.entrySet().iterator().next();
      rest.responseMediaType(raw.getKey());
      report.warn(Category.RAW_RESPONSE, chosenResponse.location(), element, "'" + raw.getKey() + "' carried as google.api.HttpBody");
      return new Response(TypeRef.HTTP_BODY, null, streaming);
    }
    Schema<?> schema = event != null ? event.value() : media.getValue().getSchema() == null ? new Schema<>() : media.getValue().getSchema();
    SourceLocation schemaAt = event != null ? event.location() : parts.mediaSchemaLocation(chosenResponse.location(), media.getKey());
    if (list != null && !streaming) {
      Response listResponse = listResponse(plan, element, rest, list, schema, schemaAt);
      if (listResponse != null) {
        return listResponse;
      }
    }
    Response shaped = shaped(plan, element, schema, schemaAt, streaming);
    return streamOption != null && needsIdField(streamOption, shaped) ? withEventIds(plan, element, rest, streamOption, shaped, schemaAt)
        : shaped;
  }

  /** An SSE stream whose events carry ids no member of their data holds: without a field for them they would be lost. */
  private static boolean needsIdField(RestStream stream, Response shaped) {
    return stream.getFraming() == StreamFraming.STREAM_FRAMING_SSE && stream.getSseIds() && stream.getSseIdMember().isEmpty()
        && shaped.responseBody() == null && shaped.type().kind() == TypeRef.Kind.LOCAL;
  }

  /**
   * The stream's message wrapped beside the events' SSE ids: {@code <Rpc>Response {T t = 1; string
   * event_id = 2;}}, the HttpRule's response_body naming the data. The ids cross to gRPC and back,
   * so a REST client resumes where the legacy API numbered, and a gRPC client sees what to send
   * back to resume.
   */
  private Response withEventIds(Plan plan, String element, RpcOptions.Builder rest, RestStream stream, Response event,
      SourceLocation schemaAt) {
    String name = store.reserveType(plan.messageStem() + "Response", schemaAt);
    store.claim(name);
    MessageBuilder message = new MessageBuilder(name, schemaAt)
        .comment("One event of the stream: its data (response_body) and the SSE id it came with.");
    String data = message.fieldName(Names.snake(event.type().name()));
    message.add(schemaAt, data, event.type(), Cardinality.SINGULAR, null, null, List.of(), false, "The event's data.", FieldOptions.NONE);
    String id = message.fieldName("event_id");
    String resume = stream.getResumeHeader().isEmpty() ? "."
        : ": to resume after this event, send it as the metadata '" + stream.getResumeHeader().toLowerCase(Locale.ROOT) + "'.";
    message.add(schemaAt, id, TypeRef.STRING, Cardinality.SINGULAR, null, null, List.of(), false, "The event's SSE id" + resume,
        FieldOptions.NONE);
    store.add(message.build());
    rest.responseStream(stream.toBuilder().setSseIdField(id).build());
    report.info(Category.WRAPPED_RESPONSE, schemaAt, element, "SSE events with ids no member of their data holds: each message is "
        + name + "." + data + " beside " + name + "." + id);
    return new Response(TypeRef.local(name), data, true);
  }

  /**
   * The response media type that is bytes rather than JSON, else null: a string schema of format binary
   * (whatever the media type says), or {@code *}{@code /*} with no schema or a string one. {@code *}{@code /*}
   * with a structured schema stays JSON: it is what swagger-parser makes of a Swagger 2.0 operation without
   * {@code produces}.
   */
  private Map.Entry<String, MediaType> binaryMedia(Map.Entry<String, MediaType> media, SourceLocation schemaAt) {
    Located<Schema<?>> resolved = objects.resolve(media.getValue().getSchema(), schemaAt);
    Schema<?> s = resolved == null ? null : resolved.value();
    boolean string = s != null && Schemas.types(s).equals(Set.of("string"));
    boolean binary = string && "binary".equals(s.getFormat());
    boolean any = MediaTypes.base(media.getKey()).equals("*/*") && (s == null || Schemas.isShapeless(s) || string);
    return binary || any ? media : null;
  }

  /** An AIP-158 {@code <Rpc>Response}; null when the body has no array of items to page over. */
  private Response listResponse(Plan plan, String element, RpcOptions.Builder rest, ListDetector.ListShape list, Schema<?> schema,
      SourceLocation schemaAt) {
    String itemsField = pluralField(plan.rpc());
    Located<Schema<?>> page = new Located<>(schema, schemaAt);
    if (list.envelopeMember() != null) {
      page = objects.of(objects.resolve(schema, schemaAt)).get(list.envelopeMember());
    }
    TypeRef type = schemas.listResponse(plan.messageStem() + "Response", page.value(), page.location(),
        list.items().isEmpty() ? null : list.itemsMember(), itemsField, list.total() != null || list.totalHeader() != null,
        standIns(list));
    if (type == null) {
      return null;
    }
    recordPaging(list, element, rest, plan.op(), schemaAt, list.items().isEmpty() ? itemsField : Names.snake(list.itemsMember()));
    return new Response(type, list.items().isEmpty() ? itemsField : null, false);
  }

  /**
   * The envelope members an AIP field stands for: the REST cursor or total already called
   * next_page_token or total_size. The REST cursor becomes the AIP field (RestPaging keeps its REST
   * pointer, and the paging transform moves its value into the token), rather than staying beside
   * it as an always-empty next_page_token_2.
   */
  private static Set<String> standIns(ListDetector.ListShape list) {
    Set<String> members = new HashSet<>();
    envelopeMember(list, list.nextCursor()).filter(m -> Names.snake(m).equals("next_page_token")).ifPresent(members::add);
    envelopeMember(list, list.total()).filter(m -> Names.snake(m).equals("total_size")).ifPresent(members::add);
    return members;
  }

  /** The member of the page's envelope that {@code pointer} names, when it names one directly. */
  private static Optional<String> envelopeMember(ListDetector.ListShape list, String pointer) {
    if (pointer == null) {
      return Optional.empty();
    }
    List<String> tokens = JsonPointer.parse(pointer).tokens();
    int depth = list.envelopeMember() == null ? 1 : 2;
    return tokens.size() == depth && (depth == 1 || tokens.get(0).equals(list.envelopeMember()))
        ? Optional.of(tokens.get(depth - 1)) : Optional.empty();
  }

  /** The schema's message, or a wrapper around a bare array, map or value. */
  private Response shaped(Plan plan, String element, Schema<?> schema, SourceLocation schemaAt, boolean streaming) {
    String responseName = plan.messageStem() + "Response";
    Shape shape = schemas.shape(schema, schemaAt, responseName);
    return switch (shape.kind()) {
      case MESSAGE, STRUCT, ANY -> new Response(shape.type(), null, streaming);
      default -> {
        String field = shape.kind() == SchemaKind.ARRAY ? pluralField(plan.rpc())
            : shape.kind() == SchemaKind.MAP ? "values" : "value";
        String name = store.reserveType(responseName, schemaAt);
        store.claim(name);
        MessageBuilder message = new MessageBuilder(name, schemaAt).comment(shape.kind() == SchemaKind.ARRAY
            ? "The REST response is a bare JSON array: response_body unwraps it." : "The REST response is a bare JSON value: response_body unwraps it.");
        field = message.fieldName(field);
        message.add(schemaAt, field, shape.type(), shape.fieldCardinality(), null, null, List.of(), false, null, shape.options());
        store.add(message.build());
        report.info(Category.WRAPPED_RESPONSE, schemaAt, element, "bare " + shape.kind().name().toLowerCase(Locale.ROOT)
            + " response wrapped in " + name + "." + field + " and unwrapped by response_body");
        yield new Response(TypeRef.local(name), field, streaming);
      }
    };
  }

  /** The response's headers; one whose $ref does not resolve is noted in {@code problems}. */
  private void recordHeaders(Located<ApiResponse> response, RpcOptions.Builder rest, Problems problems) {
    if (response == null || response.value().getHeaders() == null || response.value().getHeaders().isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    response.value().getHeaders().forEach((name, header) -> {
      if (name.equalsIgnoreCase("Content-Type")) {
        return; // OpenAPI: a response header named Content-Type "SHALL be ignored"; the media type is recorded apart
      }
      Located<Header> resolved = problems.attempt(() -> refs.header(header, response.location().child("headers").child(name)));
      if (resolved != null && resolved.value() != null) {
        names.add(name);
      }
    });
    rest.responseHeaders(names);
  }

  private void recordPaging(ListDetector.ListShape list, String element, RpcOptions.Builder rest, Op op, SourceLocation schemaAt,
      String itemsField) {
    RestPaging.Builder paging = list.toOption().toBuilder().setItemsField(itemsField);
    if (!list.doubts().isEmpty()) {
      paging.setUncertain(true);
      report.info(Category.UNCERTAIN_LIST, op.location(), element,
          "list detection was not sure: " + String.join("; ", list.doubts()) + " (override with x-grpc-pagination)");
    }
    rest.paging(paging.build(), op.method().toUpperCase(Locale.ROOT) + " " + op.path());
    if (!totalSizeNoted && (list.total() != null || list.totalHeader() != null)) {
      totalSizeNoted = true;
      report.info(Category.TOTAL_SIZE_INT64, schemaAt, element,
          "total_size is int64, not AIP-158's int32: REST totals can exceed 2^31 (one note per conversion)");
    }
  }

  private static boolean hasContent(ApiResponse response) {
    return response != null && response.getContent() != null && !response.getContent().isEmpty();
  }

  /** {@code ListOrders} → {@code orders}; {@code items} for any other RPC. */
  private static String pluralField(String rpc) {
    List<String> words = Names.words(rpc);
    if (words.size() > 1 && words.get(0).equals("List")) {
      return Names.snake(String.join("", words.subList(1, words.size())));
    }
    return "items";
  }
}
