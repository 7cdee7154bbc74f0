package io.rest2grpc.openapi.convert.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.convert.streaming.StreamMessages;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An operation's parameters, body and media schemas, resolved and each with its location in the
 * spec (Swagger 2.0 and OpenAPI 3 place them differently); shared by the request and the response side.
 */
final class OperationParts {
  /** Headers that are gRPC metadata, never request fields; so are the headers of apiKey security schemes. */
  private static final Set<String> METADATA_HEADERS = Set.of("authorization", "content-type", "accept", "content-length",
      "user-agent", "host", "connection", "accept-encoding", "cookie", "last-event-id");

  private final Spec spec;
  private final RefResolver refs;
  private final Findings report;
  private final Set<String> apiKeyHeaders;
  private final StreamMessages streamMessages;

  OperationParts(Spec spec, RefResolver refs, Findings report, Set<String> apiKeyHeaders, StreamMessages streamMessages) {
    this.spec = spec;
    this.refs = refs;
    this.report = report;
    this.apiKeyHeaders = apiKeyHeaders;
    this.streamMessages = streamMessages;
  }

  /** The path item's parameters, then the operation's, which override those with the same {@code in} and name. */
  List<Located<Parameter>> parameters(Op op) {
    Map<String, Located<Parameter>> byKey = new LinkedHashMap<>();
    Problems problems = new Problems();
    String pathItem = op.location().pointer().substring(0, op.location().pointer().lastIndexOf('/'));
    addParameters(byKey, op.item().getParameters(), new SourceLocation(op.location().file(), pathItem).child("parameters"), problems);
    addParameters(byKey, op.operation().getParameters(), op.location().child("parameters"), problems);
    problems.throwIfAny();
    return new ArrayList<>(byKey.values());
  }

  /** Each parameter resolved; one that does not resolve is noted in {@code problems} and the others are still resolved. */
  private void addParameters(Map<String, Located<Parameter>> into, List<Parameter> parameters, SourceLocation at, Problems problems) {
    if (parameters == null) {
      return;
    }
    for (int i = 0; i < parameters.size(); i++) {
      int index = i;
      Located<Parameter> p = problems.attempt(() -> refs.parameter(parameters.get(index), at.child(index)));
      if (p != null && p.value() != null) {
        into.put(p.value().getIn() + ":" + p.value().getName(), p);
      }
    }
  }

  boolean isMetadataHeader(Parameter p) {
    if (p.getName() == null) {
      return false;
    }
    String name = p.getName().toLowerCase(Locale.ROOT);
    return "header".equals(p.getIn()) && (METADATA_HEADERS.contains(name) || apiKeyHeaders.contains(name));
  }

  /** The names of the operation's header parameters (what {@link Idempotency} looks for an idempotency key in). */
  List<String> headerNames(Op op) {
    return parameters(op).stream().map(Located::value).filter(p -> "header".equals(p.getIn()) && p.getName() != null)
        .map(Parameter::getName).toList();
  }

  /** The Last-Event-ID header an SSE client resumes with, where the operation declares it. */
  String resumeHeader(Op op) {
    return headerNames(op).stream().filter("last-event-id"::equalsIgnoreCase).findFirst().orElse(null);
  }

  /** The operation's request body, resolved; null without one. */
  Located<RequestBody> body(Op op) {
    return op.operation().getRequestBody() == null ? null : refs.requestBody(op.operation().getRequestBody(), bodyLocation(op));
  }

  /**
   * The media types the operation's body may use: the keys of its content, and in Swagger 2.0 also
   * the operation's (else the document's) {@code consumes}, which swagger-parser drops for a body
   * parameter given as a $ref.
   */
  Set<String> bodyMediaTypes(Op op, RequestBody body) {
    Set<String> types = new LinkedHashSet<>(body.getContent() == null ? Set.of() : body.getContent().keySet());
    if (spec.version().isSwagger2()) {
      JsonNode consumes = spec.root().at(op.location().pointer()).path("consumes");
      (consumes.isArray() ? consumes : spec.root().path("consumes")).forEach(type -> types.add(type.asText()));
    }
    return types;
  }

  /** {@code requestBody}, or in Swagger 2.0 the {@code in: body} parameter (by its index in the document). */
  private SourceLocation bodyLocation(Op op) {
    if (!spec.version().isSwagger2()) {
      return op.location().child("requestBody");
    }
    JsonNode parameters = spec.root().at(op.location().pointer() + "/parameters");
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode parameter = parameters.get(i);
      JsonNode resolved = parameter.has("$ref") ? spec.root().at(parameter.path("$ref").asText().replaceFirst("^#", "")) : parameter;
      if ("body".equals(resolved.path("in").asText())) {
        return op.location().child("parameters").child(i);
      }
    }
    return op.location().child("parameters");
  }

  /** Where the schema of a body or response of {@code mediaType} is ({@code owner} is the body or response). */
  SourceLocation mediaSchemaLocation(SourceLocation owner, String mediaType) {
    return spec.version().isSwagger2() ? owner.child("schema") : owner.child("content").child(mediaType).child("schema");
  }

  /**
   * The schema of each streamed value: the {@code override} extension (a $ref) where given, else the
   * media type's schema unless it only says "text", else the component schema the examples match
   * ({@link StreamMessages}); null (a Struct, with a report row saying why) otherwise.
   */
  Located<Schema<?>> eventSchema(Map.Entry<String, MediaType> media, SourceLocation schemaAt, Op op, String override, String element) {
    Map<String, Object> extensions = op.operation().getExtensions();
    if (extensions != null && extensions.get(override) != null) {
      Schema<?> ref = new Schema<>();
      ref.set$ref(extensions.get(override).toString());
      return new Located<>(ref, op.location().child(override));
    }
    Schema<?> schema = media.getValue().getSchema();
    if (schema != null && (schema.get$ref() != null || !Schemas.isShapeless(schema) && !Schemas.types(schema).equals(Set.of("string")))) {
      return new Located<>(schema, schemaAt);
    }
    StreamMessages.Inferred inferred = streamMessages.infer(media);
    if (inferred.ref() != null) {
      report.info(Category.STREAM_MESSAGE_INFERRED, schemaAt, element, "each '" + media.getKey() + "' value is "
          + inferred.component() + ": every example item matches that component schema, and only it");
      return inferred.ref();
    }
    report.warn(Category.STREAM_MESSAGE_UNKNOWN, schemaAt, element, "each '" + media.getKey()
        + "' value is a google.protobuf.Struct: the spec gives it no schema, and " + inferred.reason()
        + " (name one with " + override + ")");
    return null;
  }
}
