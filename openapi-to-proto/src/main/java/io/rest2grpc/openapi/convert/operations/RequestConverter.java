package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.convert.operations.OperationConverter.Plan;
import io.rest2grpc.openapi.convert.paging.ListDetector;
import io.rest2grpc.openapi.convert.schemas.MessageBuilder;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.convert.schemas.SchemaConverter;
import io.rest2grpc.openapi.convert.schemas.SchemaKind;
import io.rest2grpc.openapi.convert.schemas.SchemaNames;
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
import io.rest2grpc.options.v1.BodyEncoding;
import io.rest2grpc.options.v1.PagingStyle;
import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestParameter;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An RPC's request message: path, query and header parameters, then the body (or one streamed value
 * of it), with page_size and page_token in place of a list's REST paging parameters. Binding rules
 * are in the module README ("Services and RPCs"); what proto cannot carry goes into the
 * RPC's and the fields' options.
 */
final class RequestConverter {
  private static final String STREAM_REQUEST_MESSAGE = "x-grpc-stream-request-message";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final Set<String> ZERO_VALUED = Set.of("bool", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
      "fixed32", "fixed64", "sfixed32", "sfixed64", "double", "float");

  private final RefResolver refs;
  private final SchemaConverter schemas;
  private final TypeStore store;
  private final Findings report;
  private final String pkg;
  private final OperationParts parts;
  private final MultipartParts multipart;

  RequestConverter(RefResolver refs, SchemaConverter schemas, TypeStore store, Findings report, String pkg, OperationParts parts) {
    this.refs = refs;
    this.schemas = schemas;
    this.store = store;
    this.report = report;
    this.pkg = pkg;
    this.parts = parts;
    this.multipart = new MultipartParts(new ObjectProperties(refs), store, report, pkg);
  }

  /**
   * @param type the request message
   * @param pathFields path template variable → the field bound to it
   * @param bodyField the HttpRule body: a field, {@code *}, or null without a body
   * @param sharedParameters the shared parameters the operation takes: metadata key → where
   */
  record Request(String type, Map<String, String> pathFields, String bodyField, boolean streaming,
      Map<String, ParameterLocation> sharedParameters) {}

  /**
   * Whether the body schema is itself the request ({@code body: "*"}): a JSON object component named
   * {@code <Rpc>Request}, on an operation with no path, query or header fields and not locked otherwise.
   */
  boolean bodyIsRequest(Op op, String rpc) {
    if (hasRequestFields(op) || op.operation().getRequestBody() == null || op.path().contains("{")
        || store.isLockedRequestOf(rpc + "Request", op.location())) {
      return false;
    }
    Located<RequestBody> body = parts.body(op);
    if (isMergePatch(op, body.value())) {
      return false;  // the request needs its update_mask beside the body
    }
    Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(body.value().getContent());
    if (media == null || media.getValue().getSchema() == null || media.getValue().getSchema().get$ref() == null) {
      return false;
    }
    SourceLocation target = refs.schema(media.getValue().getSchema(), parts.mediaSchemaLocation(body.location(), media.getKey())).location();
    if (!Names.pascal(SchemaNames.of(target), "").equals(rpc + "Request")) {
      return false;
    }
    SchemaKind kind = schemas.classify(schemas.normalize(media.getValue().getSchema(), body.location()));
    return kind == SchemaKind.MESSAGE && !"get".equals(op.method()) && !"delete".equals(op.method());
  }

  private boolean hasRequestFields(Op op) {
    return parts.parameters(op).stream().anyMatch(p -> p.value().getName() != null && !parts.isMetadataHeader(p.value()));
  }

  /** The request of an operation whose body schema is the request ({@link #bodyIsRequest}). */
  Request body(Plan plan, RpcOptions.Builder rest) {
    Located<RequestBody> body = parts.body(plan.op());
    Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(body.value().getContent());
    TypeRef type = schemas.messageFor(media.getValue().getSchema(), parts.mediaSchemaLocation(body.location(), media.getKey()),
        plan.messageStem() + "Request");
    rest.requestIsBody();
    return new Request(type.name(), Map.of(), "*", false, Map.of());
  }

  /**
   * The {@code <Rpc>Request} message; {@code list} is the operation's list shape, null when it is not a
   * list. Each parameter and the body are converted even when another fails; the failures are thrown together.
   * Shared and constant parameters ({@code placement}) are no fields, unless the lock has them as fields.
   */
  Request convert(Plan plan, String element, RpcOptions.Builder rest, ListDetector.ListShape list, StreamingModes.Mode forced,
      ParameterPlacement placement) {
    Op op = plan.op();
    String name = plan.messageStem() + "Request";
    store.claim(name);
    MessageBuilder message = new MessageBuilder(name, op.location());
    Map<String, String> pathFields = new LinkedHashMap<>();
    List<String> metadataHeaders = new ArrayList<>();
    Map<String, ParameterLocation> shared = new LinkedHashMap<>();
    List<RestConstant> constants = new ArrayList<>();
    List<Located<Parameter>> parameters = parts.parameters(op);
    List<Located<Parameter>> ordered = new ArrayList<>();
    parameters.stream().filter(p -> "path".equals(p.value().getIn())).forEach(ordered::add);
    parameters.stream().filter(p -> !"path".equals(p.value().getIn())).forEach(ordered::add);
    Set<String> declaredPath = new HashSet<>();
    Problems problems = new Problems();
    for (Located<Parameter> located : ordered) {
      Parameter p = located.value();
      String in = p.getIn() == null ? "query" : p.getIn();
      if (p.getName() == null) {
        continue;
      }
      if (in.equals("path") && !op.path().contains("{" + p.getName() + "}")) {
        report.warn(Category.PATH_PARAMETER_NOT_IN_PATH, located.location(), element,
            "path parameter '" + p.getName() + "' is not in the path " + op.path() + "; not converted");
        continue;
      }
      if (in.equals("query") && list != null && list.isPagingParameter(p.getName())) {
        continue;
      }
      if (parts.isMetadataHeader(p)) {
        metadataHeaders.add(p.getName());
        continue;
      }
      problems.run(() -> {
        RestParameter sharedParameter = placement.shared(located);
        RestConstant constant = placement.constant(located);
        boolean moves = (sharedParameter != null || constant != null) && !keptByLock(name, located, in, element);
        if (moves && sharedParameter != null) {
          shared.put(sharedParameter.getMetadataKey(), ParameterPlacement.location(p));
          return;
        }
        if (moves) {
          constants.add(constant);
          report.info(Category.CONSTANT_PARAMETER, located.location(), element, in + " parameter '" + p.getName()
              + "' has one allowed value, '" + constant.getValue() + "': recorded in RestMethod.constants, not a request field");
          return;
        }
        String field = parameterField(message, located, in, element);
        if (in.equals("path")) {
          pathFields.put(p.getName(), field);
          declaredPath.add(p.getName());
        }
      });
    }
    for (String variable : PathTemplates.of(op.path(), v -> v).variables()) {
      if (!declaredPath.contains(variable) && !pathFields.containsKey(variable)) {
        String field = message.fieldName(Names.snake(variable));
        message.add(op.location(), field, TypeRef.STRING, Cardinality.SINGULAR, null, null, List.of("REQUIRED"), false, null);
        pathFields.put(variable, field);
        report.warn(Category.UNDECLARED_PATH_PARAMETER, op.location(), element + "." + field,
            "path variable {" + variable + "} has no parameter; carried as a string field");
      }
    }
    if (!metadataHeaders.isEmpty()) {
      rest.metadataHeaders(metadataHeaders);
    }
    rest.constants(constants);
    if (list != null) {
      message.add(op.location(), message.fieldName("page_size"), TypeRef.INT32, Cardinality.SINGULAR, null, null, List.of(), false,
          pageSizeComment(list));
      message.add(op.location(), message.fieldName("page_token"), TypeRef.STRING, Cardinality.SINGULAR, null, null, List.of(), false,
          "The next_page_token of the previous page; empty for the first page.");
    }
    Map.Entry<String, MediaType> stream = problems.attempt(() -> requestStream(op, element, forced));
    String bodyField = problems.attempt(() -> stream == null ? requestBody(plan, message, element, rest)
        : streamedBody(plan, message, element, rest, stream));
    problems.throwIfAny();
    store.add(message.build());
    return new Request(name, pathFields, bodyField, stream != null, shared);
  }

  /**
   * Whether the lock has the parameter as a field of the request: it stays one (a client may set it),
   * with a report row, rather than move to metadata or a constant and leave the field reserved.
   */
  private boolean keptByLock(String request, Located<Parameter> located, String in, String element) {
    String restName = located.value().getName();
    String json = in.equals("query") && isFieldPath(restName) ? restName : Names.defaultJsonName(Names.snake(restName));
    if (!store.isLockedField(request, json)) {
      return false;
    }
    report.warn(Category.LOCKED_PARAMETER_KEPT, located.location(), element + "." + Names.snake(restName), in + " parameter '"
        + restName + "' would travel as metadata or a constant, but the lock has it as a request field: it stays one");
    return true;
  }

  /**
   * What page_size means: the REST API's page length, or, for a REST API without paging (not even a
   * size parameter), a slice of the whole list it returns (page_size and page_token exist from the start: adding them later
   * would break clients, AIP-158).
   */
  private static String pageSizeComment(ListDetector.ListShape list) {
    if (list.style() == PagingStyle.PAGING_STYLE_NONE && list.sizeParameter() == null) {
      return "The most items to return; 0 returns all of them. The REST API has no paging: it returns the whole list, which "
          + "the paging transform slices into pages (AIP-158: paging added later would break clients).";
    }
    return "The most items to return; 0 means the REST API's default page length" + (list.defaultPageSize() == null ? "."
        : " (" + list.defaultPageSize() + ").") + (list.maxPageSize() == null ? "" : " At most " + list.maxPageSize() + ".");
  }

  /**
   * What a type written inline in a parameter is named after: a shared parameter's key ({@code
   * components/parameters/sortOrder} → SortOrder, the one type every request that uses it shares),
   * else the request and the parameter ({@code ListOrdersRequestSort}).
   */
  private static String typeContext(Located<Parameter> located, MessageBuilder message, String restName) {
    String pointer = located.location().pointer();
    if (pointer.startsWith("/components/parameters/") || pointer.startsWith("/parameters/")) {
      return Names.pascal(SchemaNames.of(located.location()), "Param");
    }
    return message.name() + Names.pascal(restName, "Param");
  }

  /**
   * Whether an optional parameter's zero value, sent, means something else than leaving it out:
   * for numbers and booleans it does ({@code ?archived=false} filters, absent does not;
   * {@code ?limit=0} is a 400). Its field then needs explicit presence, or the value would reach
   * the REST API as no parameter at all. (A parameter with a default has presence already.)
   */
  private static boolean zeroIsAValue(TypeRef type) {
    return type.isScalar() && ZERO_VALUED.contains(type.name());
  }

  private String parameterField(MessageBuilder message, Located<Parameter> located, String in, String element) {
    Parameter p = located.value();
    String restName = p.getName();
    String field = message.fieldName(Names.snake(restName));
    String fieldElement = pkg + "." + message.name() + "." + field;
    Schema<?> schema = p.getSchema();
    SourceLocation schemaAt = located.location().child("schema");
    if (schema == null && p.getContent() != null && !p.getContent().isEmpty()) {
      Map.Entry<String, MediaType> media = p.getContent().entrySet().iterator().next();
      schema = media.getValue().getSchema();
      schemaAt = located.location().child("content").child(media.getKey()).child("schema");
    }
    if (schema == null) {
      schema = new Schema<>().type("string");
    }
    Shape shape = schemas.shape(schema, schemaAt, typeContext(located, message, restName));
    TypeRef type = shape.type();
    Cardinality cardinality = shape.fieldCardinality();
    List<String> behaviors = Boolean.TRUE.equals(p.getRequired()) || in.equals("path") ? List.of("REQUIRED") : List.of();
    if (cardinality == Cardinality.SINGULAR && behaviors.isEmpty() && zeroIsAValue(type)) {
      cardinality = Cardinality.OPTIONAL;
    }
    String jsonName = null;
    FieldOptions options = shape.options();
    switch (in) {
      case "path" -> {
        cardinality = Cardinality.SINGULAR;
        if (shape.kind() != SchemaKind.SCALAR && shape.kind() != SchemaKind.ENUM) {
          report.warn(Category.PATH_PARAMETER_NOT_SCALAR, located.location(), fieldElement,
              "path parameter '" + restName + "' is " + shape.kind().name().toLowerCase(Locale.ROOT) + "; carried as a string");
          type = TypeRef.STRING;
        }
      }
      case "query" -> {
        jsonName = restName;
        String style = queryStyle(located, shape, fieldElement);
        if (style != null) {
          options = options.withQueryStyle(style);
        }
        if (!isFieldPath(restName)) {
          jsonName = null;
          options = options.withRestName(restName);
          report.warn(Category.QUERY_NAME_NOT_FIELD_PATH, located.location(), fieldElement,
              "query parameter '" + restName + "' is not a field path; bound to field '" + field + "'");
        }
      }
      default -> {
        options = in.equals("cookie") ? options.withCookie(restName) : options.withHeader(restName);
        report.info(Category.HEADER_PARAMETER, located.location(), fieldElement,
            in + " parameter '" + restName + "' is request field '" + field + "'");
      }
    }
    message.add(located.location(), field, type, cardinality, jsonName, null, behaviors, Boolean.TRUE.equals(p.getDeprecated()),
        p.getDescription(), options);
    return field;
  }

  /** A query parameter name HttpRule can bind as a field path (and so the field's JSON name). */
  private static boolean isFieldPath(String restName) {
    return restName.matches("[A-Za-z_][A-Za-z0-9_]*");
  }

  /** The query style HttpRule cannot bind (warned about), else null. */
  private String queryStyle(Located<Parameter> located, Shape shape, String fieldElement) {
    Parameter p = located.value();
    Parameter.StyleEnum style = p.getStyle();
    boolean exploded = p.getExplode() == null || p.getExplode();
    String problem = null;
    if (style == Parameter.StyleEnum.DEEPOBJECT) {
      problem = "deepObject";
    } else if (style == Parameter.StyleEnum.PIPEDELIMITED || style == Parameter.StyleEnum.SPACEDELIMITED) {
      problem = style.toString();
    } else if (shape.kind() == SchemaKind.ARRAY && !exploded) {
      problem = "comma-separated";
    } else if (shape.kind() == SchemaKind.MESSAGE || shape.kind() == SchemaKind.MAP || shape.kind() == SchemaKind.STRUCT) {
      problem = "object (each property its own parameter)";
    }
    if (shape.kind() == SchemaKind.ARRAY && shape.type().kind() == TypeRef.Kind.LOCAL && store.enums().get(shape.type().name()) == null) {
      report.warn(Category.QUERY_MESSAGE_REPEATED, located.location(), fieldElement,
          "query parameter '" + p.getName() + "' is an array of objects, which HttpRule cannot bind");
      return null;
    }
    if (problem != null) {
      report.warn(Category.QUERY_STYLE, located.location(), fieldElement,
          "query parameter '" + p.getName() + "' uses " + problem + " style; HttpRule binds repeated keys or field paths");
    }
    return problem;
  }

  /** Adds the body field, if any, and returns its name (null without a body). */
  private String requestBody(Plan plan, MessageBuilder message, String element, RpcOptions.Builder rest) {
    Located<RequestBody> body = parts.body(plan.op());
    if (body == null) {
      return null;
    }
    Content content = body.value().getContent();
    if (content == null || content.isEmpty()) {
      return null;
    }
    if (content.size() > 1) {
      rest.requestMediaTypes(new ArrayList<>(content.keySet()));
    }
    Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(content);
    String encoding = null;
    if (media == null) {
      media = firstMatching(content, "application/x-www-form-urlencoded");
      encoding = media == null ? null : "form";
    }
    if (media == null) {
      media = firstMatching(content, "multipart/");
      encoding = media == null ? null : "multipart";
    }
    String fieldName;
    if (media == null || media.getValue() == null || (media.getValue().getSchema() == null && encoding != null)) {
      Map.Entry<String, MediaType> raw = content.entrySet().iterator().next();
      fieldName = message.fieldName("body");
      message.add(body.location(), fieldName, TypeRef.HTTP_BODY, Cardinality.SINGULAR, null, null, List.of(), false, body.value().getDescription());
      rest.requestMediaType(raw.getKey());
      report.warn(Category.RAW_BODY, body.location(), element, "request body '" + raw.getKey() + "' carried as google.api.HttpBody");
    } else {
      Schema<?> schema = media.getValue().getSchema() == null ? new Schema<>() : media.getValue().getSchema();
      String resource = standardResource(plan.rpc());
      fieldName = message.fieldName(resource == null ? "body" : Names.snake(resource));
      Shape shape = schemas.shape(schema, parts.mediaSchemaLocation(body.location(), media.getKey()), plan.messageStem() + "Body");
      List<String> behaviors = Boolean.TRUE.equals(body.value().getRequired()) ? List.of("REQUIRED") : List.of();
      message.add(body.location(), fieldName, shape.type(), shape.cardinality(), null, null, behaviors, false, body.value().getDescription(),
          shape.options());
      if (shape.cardinality() != Cardinality.SINGULAR) {
        report.warn(Category.ARRAY_BODY, body.location(), element,
            "the body is a JSON " + (shape.cardinality() == Cardinality.MAP ? "object map" : "array")
                + ", bound to the " + shape.cardinality().name().toLowerCase(Locale.ROOT) + " field '" + fieldName + "'");
      }
      if ("multipart".equals(encoding) && shape.type().kind() == TypeRef.Kind.LOCAL) {
        Map<String, Encoding> encodings = media.getValue().getEncoding();
        multipart.apply(shape.type().name(), new Located<>(schema, parts.mediaSchemaLocation(body.location(), media.getKey())),
            encodings == null ? Map.of() : encodings);
      }
      if (encoding != null) {
        rest.bodyEncoding(encoding.equals("form") ? BodyEncoding.BODY_ENCODING_FORM : BodyEncoding.BODY_ENCODING_MULTIPART);
        report.warn(encoding.equals("form") ? Category.FORM_BODY : Category.MULTIPART_BODY, body.location(), element,
            "request body is " + media.getKey() + "; the message carries its fields");
      }
      if (isMergePatch(plan.op(), body.value())) {
        mergePatchMask(message, body.location(), element, fieldName, rest);
      }
    }
    return fieldName;
  }

  /** A PATCH whose body may be a JSON merge patch (RFC 7396). */
  private boolean isMergePatch(Op op, RequestBody body) {
    return "patch".equals(op.method()) && parts.bodyMediaTypes(op, body).stream().anyMatch(m -> MediaTypes.base(m).equals(MERGE_PATCH));
  }

  /**
   * The FieldMask a JSON merge patch fills (AIP-134): the patch's keys, so a member the patch sets to
   * null (clear it) differs from one it leaves out (keep it), which the body message alone cannot tell.
   * Named update_mask, else merge_patch_mask when the operation already has an update_mask.
   */
  private void mergePatchMask(MessageBuilder message, SourceLocation at, String element, String bodyField, RpcOptions.Builder rest) {
    String field = message.fieldName(message.isTaken("update_mask") ? "merge_patch_mask" : "update_mask");
    message.add(at, field, TypeRef.FIELD_MASK, Cardinality.SINGULAR, null, null, List.of(), false,
        "The members of " + bodyField + " the JSON merge patch sets or clears (null): the transcoder fills it from the patch's keys.");
    rest.mergePatchMaskField(field);
    report.info(Category.MERGE_PATCH_MASK, at, element + "." + field, "the body may be " + MERGE_PATCH + ": its keys fill the "
        + "FieldMask '" + field + "', so a member set to null (cleared) differs from one left out (kept)");
  }

  /**
   * The streamed request body: a streaming media type without a JSON alternative, or, when
   * x-grpc-streaming forces a client stream, the streaming or JSON one; null when the body does not stream.
   */
  private Map.Entry<String, MediaType> requestStream(Op op, String element, StreamingModes.Mode forced) {
    Located<RequestBody> body = parts.body(op);
    if (body == null) {
      return null;
    }
    Content content = body.value().getContent();
    Map.Entry<String, MediaType> stream = StreamingModes.streamMedia(content);
    Map.Entry<String, MediaType> alternative = StreamingModes.nonStreamMedia(content);
    if (forced != null) {
      return forced.client() ? (stream != null ? stream : MediaTypes.jsonMedia(content)) : null;
    }
    if (stream != null && alternative != null) {
      report.info(Category.STREAM_ALTERNATIVE, body.location(), element, "the body is '" + alternative.getKey() + "' or the stream '"
          + stream.getKey() + "'; the RPC takes one message (x-grpc-streaming: client makes it a client stream)");
      return null;
    }
    return stream;
  }

  /** The body field of a client stream's {@code <Rpc>Request}: each request message carries one streamed value. */
  private String streamedBody(Plan plan, MessageBuilder message, String element, RpcOptions.Builder rest,
      Map.Entry<String, MediaType> media) {
    Op op = plan.op();
    Located<RequestBody> body = parts.body(op);
    rest.requestStream(StreamingModes.option(media, null));
    Located<Schema<?>> event = parts.eventSchema(media, parts.mediaSchemaLocation(body.location(), media.getKey()), op,
        STREAM_REQUEST_MESSAGE, element);
    String fieldName = message.fieldName("body");
    String comment = "One streamed value" + (body.value().getDescription() == null ? "." : ": " + body.value().getDescription());
    if (event == null) {
      message.add(body.location(), fieldName, TypeRef.STRUCT, Cardinality.SINGULAR, null, null, List.of(), false, comment);
    } else {
      Shape shape = schemas.shape(event.value(), event.location(), plan.messageStem() + "Body");
      message.add(event.location(), fieldName, shape.type(), shape.cardinality(), null, null, List.of(), false, comment, shape.options());
    }
    return fieldName;
  }

  private static Map.Entry<String, MediaType> firstMatching(Content content, String prefix) {
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      if (MediaTypes.base(e.getKey()).startsWith(prefix)) {
        return e;
      }
    }
    return null;
  }

  /** The resource a standard Create/Update RPC works on ({@code CreateOrder} → {@code Order}), else null. */
  private static String standardResource(String rpc) {
    for (String verb : List.of("Create", "Update", "Replace")) {
      if (rpc.startsWith(verb) && rpc.length() > verb.length() && Character.isUpperCase(rpc.charAt(verb.length()))) {
        return rpc.substring(verb.length());
      }
    }
    return null;
  }
}
