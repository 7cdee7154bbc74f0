package io.rest2grpc.openapi.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.ConversionOptions;
import io.rest2grpc.openapi.SourceLocation;
import io.rest2grpc.openapi.proto.HttpRule;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Fact;
import io.rest2grpc.openapi.report.Report;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns operations into RPCs with request and response messages and {@code google.api.http}
 * rules, grouped into services. Naming and binding rules are in the module README; the choices
 * proto cannot carry are recorded as report facts on the RPC.
 */
final class OperationConverter {
  private static final Set<String> METADATA_HEADERS = Set.of("authorization", "content-type", "accept", "content-length",
      "user-agent", "host", "connection", "accept-encoding", "cookie", "last-event-id");
  private static final String STREAM_MESSAGE = "x-grpc-stream-message";
  private static final String STREAM_REQUEST_MESSAGE = "x-grpc-stream-request-message";

  private final Spec spec;
  private final RefResolver refs;
  private final SchemaConverter schemas;
  private final TypeStore store;
  private final Report report;
  private final String pkg;
  private final ConversionOptions options;
  private final ErrorResponses errors;
  private final ObjectProperties objects;
  private final ListDetector lists;
  private boolean totalSizeNoted;
  private final Set<String> apiKeyHeaders;
  private final List<Map<String, List<String>>> rootSecurity;
  private final Set<String> templates = new HashSet<>();

  OperationConverter(Spec spec, RefResolver refs, SchemaConverter schemas, TypeStore store, Report report, String pkg,
      ConversionOptions options) {
    this.spec = spec;
    this.refs = refs;
    this.schemas = schemas;
    this.store = store;
    this.report = report;
    this.pkg = pkg;
    this.options = options;
    this.errors = new ErrorResponses(refs, report);
    this.objects = new ObjectProperties(refs);
    this.lists = new ListDetector(objects);
    report.fact(pkg, Fact.ERROR_DOMAIN, Servers.errorDomain(options.errorDomain(), spec.model(), pkg));
    SecuritySchemes security = new SecuritySchemes(spec.model().getComponents(), refs);
    apiKeyHeaders = security.apiKeyHeaders();
    if (!security.facts().isEmpty()) {
      report.fact(pkg, Fact.SECURITY_SCHEMES, security.facts());
    }
    rootSecurity = spec.model().getSecurity() == null ? List.of() : SecuritySchemes.requirements(spec.model().getSecurity());
  }

  /** One operation of the spec, in document order. */
  record Op(String path, String method, PathItem item, Operation operation, SourceLocation location) {}

  /** What is decided about an operation before any schema is converted. */
  record Plan(Op op, String service, String rpc, boolean requestIsBodyComponent) {}

  List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    if (spec.model().getPaths() == null) {
      return ops;
    }
    SourceLocation paths = SourceLocation.of(spec.displayName()).child("paths");
    spec.model().getPaths().forEach((path, item) -> {
      if (item == null) {
        return;
      }
      item.readOperationsMap().forEach((method, operation) ->
          ops.add(new Op(path, method.name().toLowerCase(Locale.ROOT), item, operation, paths.child(path).child(method.name().toLowerCase(Locale.ROOT)))));
    });
    return ops;
  }

  /** Names every service and RPC, in document order (see {@link RpcNames}); a locked operation keeps its RPC name and service. */
  List<Plan> plan(List<Op> ops) {
    Map<Op, Lock.RpcLock> locked = new IdentityHashMap<>();
    for (Op op : ops) {
      Lock.RpcLock rpc = store.lockedRpc(op.location());
      if (rpc != null) {
        locked.put(op, rpc);
      }
    }
    RpcNames names = new RpcNames(ops, refs, locked);
    List<Plan> plans = new ArrayList<>();
    for (Op op : ops) {
      String rpc = names.nameOf(op, report);
      String service = locked.containsKey(op) ? locked.get(op).service() : serviceName(op);
      plans.add(new Plan(op, service, rpc, bodyComponentIsRequest(op, rpc)));
    }
    return plans;
  }

  /** Request names that must stay free for RPCs whose request is not a body component of that name. */
  static Set<String> requestNames(List<Plan> plans) {
    Set<String> names = new HashSet<>();
    for (Plan plan : plans) {
      if (!plan.requestIsBodyComponent()) {
        names.add(plan.rpc() + "Request");
      }
    }
    return names;
  }

  /**
   * Gives services their final names once component names are reserved: services share the
   * package scope with messages, so a service whose name a schema has (tag "Service", schema
   * Service) gets a second "Service" suffix.
   */
  List<Plan> nameServices(List<Plan> plans) {
    Map<String, String> finalNames = new LinkedHashMap<>();
    for (Plan plan : plans) {
      finalNames.computeIfAbsent(plan.service(), wanted -> {
        if (store.isLockedService(wanted)) {
          return store.typeNames().reserve(wanted, wanted);
        }
        String name = store.typeNames().isTaken(wanted) ? wanted + "Service" : wanted;
        String taken = store.typeNames().reserve(name);
        if (!taken.equals(wanted)) {
          report.info(Category.NAME_COLLISION, plan.op().location(), pkg + "." + taken,
              "service " + wanted + " is named " + taken + " (a schema has that name)");
        }
        return taken;
      });
    }
    return plans.stream().map(p -> new Plan(p.op(), finalNames.get(p.service()), p.rpc(), p.requestIsBodyComponent())).toList();
  }

  List<ProtoService> convert(List<Plan> plans) {
    Map<String, List<ProtoRpc>> rpcsByService = new LinkedHashMap<>();
    for (Plan plan : plans) {
      if (!plan.requestIsBodyComponent()) {
        store.typeNames().block(plan.rpc() + "Request");
      }
    }
    Map<String, String> serviceComments = serviceComments();
    for (Plan plan : plans) {
      rpcsByService.computeIfAbsent(plan.service(), s -> new ArrayList<>()).add(rpc(plan));
    }
    List<ProtoService> services = new ArrayList<>();
    rpcsByService.forEach((name, rpcs) -> {
      services.add(new ProtoService(name, serviceComments.get(name), List.copyOf(rpcs)));
      if (!rootSecurity.isEmpty()) {
        report.fact(pkg + "." + name, Fact.SERVICE_SECURITY, rootSecurity);
      }
    });
    return services;
  }

  // ---------------------------------------------------------------------------------------------
  // Services

  private String serviceName(Op op) {
    List<String> tags = op.operation().getTags();
    if (options.groupBy() == ConversionOptions.GroupBy.TAG && tags != null && !tags.isEmpty() && !tags.get(0).isBlank()) {
      return serviceNameFor(tags.get(0));
    }
    for (String segment : op.path().split("/")) {
      if (!segment.isEmpty() && !segment.contains("{") && !segment.matches("(?i)v\\d+.*|api|rest|\\d[\\d.-]*")) {
        return serviceNameFor(segment);
      }
    }
    return serviceNameFor(pkg.substring(0, pkg.indexOf('.')));
  }

  private static String serviceNameFor(String raw) {
    String name = Names.pascal(raw, "Default");
    return name.endsWith("Service") ? name : name + "Service";
  }

  private Map<String, String> serviceComments() {
    Map<String, String> comments = new HashMap<>();
    if (spec.model().getTags() != null) {
      for (Tag tag : spec.model().getTags()) {
        if (tag.getName() != null && tag.getDescription() != null) {
          comments.putIfAbsent(serviceNameFor(tag.getName()), tag.getDescription());
        }
      }
    }
    return comments;
  }

  // ---------------------------------------------------------------------------------------------
  // RPCs

  private ProtoRpc rpc(Plan plan) {
    Op op = plan.op();
    String element = pkg + "." + plan.service() + "." + plan.rpc();
    Operation o = op.operation();
    StreamingModes.Mode forced = StreamingModes.override(o.getExtensions(), op.location());
    ListDetector.ListShape list = plan.requestIsBodyComponent() || forced != null && forced.server() ? null : listShape(op);
    Request request = plan.requestIsBodyComponent() ? bodyComponentRequest(plan, element) : request(plan, element, list, forced);
    Response response = response(plan, element, list, forced);
    boolean client = request.streaming() || forced != null && forced.client();
    boolean server = response.streaming();
    HttpRule http = client && server ? bidiRoute(op, element) : httpRule(plan, request, response, element);
    String comment = withErrors(joinComment(o.getSummary(), o.getDescription()), errors(plan, element));
    security(o, element);
    Duration timeout = Timeouts.override(o.getExtensions(), op.location());
    if (timeout != null) {
      report.fact(element, Fact.TIMEOUT, Timeouts.json(timeout));
    }
    ProtoRpc.Idempotency idempotency = Idempotency.of(op.method(), parameters(op).stream().map(Located::value)
        .filter(p -> "header".equals(p.getIn()) && p.getName() != null).map(Parameter::getName).toList(), o.getExtensions(), op.location());
    return new ProtoRpc(plan.rpc(), comment, request.type(), response.type(), http, Boolean.TRUE.equals(o.getDeprecated()),
        client, server, idempotency, op.location());
  }

  private record Request(String type, Map<String, String> pathFields, String bodyField, boolean streaming) {}

  private record Response(TypeRef type, String responseBody, boolean streaming) {}

  /** A bidi stream gets no google.api.http rule (AIP-127): its REST route is kept in the method option. */
  private HttpRule bidiRoute(Op op, String element) {
    report.fact(element, Fact.REST_METHOD, op.method().toUpperCase(Locale.ROOT));
    report.fact(element, Fact.REST_PATH, basePath(op) + op.path());
    report.info(Category.BIDI_STREAM_NO_HTTP_RULE, op.location(), element,
        "streams both ways: no google.api.http rule (AIP-127); the REST route is in rest_method and rest_path");
    return null;
  }

  private void security(Operation o, String element) {
    if (o.getSecurity() == null) {
      return;
    }
    if (o.getSecurity().isEmpty()) {
      report.fact(element, Fact.NO_SECURITY, true);
    } else {
      report.fact(element, Fact.SECURITY, SecuritySchemes.requirements(o.getSecurity()));
    }
  }

  private Request bodyComponentRequest(Plan plan, String element) {
    Located<RequestBody> body = refs.requestBody(plan.op().operation().getRequestBody(), bodyLocation(plan.op()));
    Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(body.value().getContent());
    TypeRef type = schemas.messageFor(media.getValue().getSchema(), mediaSchemaLocation(body.location(), media.getKey()), plan.rpc() + "Request");
    report.fact(element, Fact.REQUEST_IS_BODY, true);
    return new Request(type.name(), Map.of(), "*", false);
  }

  private Request request(Plan plan, String element, ListDetector.ListShape list, StreamingModes.Mode forced) {
    Op op = plan.op();
    String name = plan.rpc() + "Request";
    store.claim(name);
    MessageBuilder message = new MessageBuilder(name, op.location());
    Map<String, String> pathFields = new LinkedHashMap<>();
    List<String> metadataHeaders = new ArrayList<>();
    List<Located<Parameter>> parameters = parameters(op);
    List<Located<Parameter>> ordered = new ArrayList<>();
    parameters.stream().filter(p -> "path".equals(p.value().getIn())).forEach(ordered::add);
    parameters.stream().filter(p -> !"path".equals(p.value().getIn())).forEach(ordered::add);
    Set<String> declaredPath = new HashSet<>();
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
      if (in.equals("query") && list != null && isPagingParameter(list, p.getName())) {
        continue;
      }
      if (in.equals("header") && (METADATA_HEADERS.contains(p.getName().toLowerCase(Locale.ROOT))
          || apiKeyHeaders.contains(p.getName().toLowerCase(Locale.ROOT)))) {
        metadataHeaders.add(p.getName());
        continue;
      }
      String field = parameterField(message, located, in, element);
      if (in.equals("path")) {
        pathFields.put(p.getName(), field);
        declaredPath.add(p.getName());
      }
    }
    for (String variable : PathTemplates.of(op.path(), v -> v).variables()) {
      if (!declaredPath.contains(variable) && !pathFields.containsKey(variable)) {
        String field = message.fieldName(Names.snake(variable));
        message.add(field, TypeRef.STRING, Cardinality.SINGULAR, null, null, List.of("REQUIRED"), false, null);
        pathFields.put(variable, field);
        report.warn(Category.UNDECLARED_PATH_PARAMETER, op.location(), element + "." + field,
            "path variable {" + variable + "} has no parameter; carried as a string field");
      }
    }
    if (!metadataHeaders.isEmpty()) {
      report.fact(element, Fact.METADATA_HEADERS, metadataHeaders);
    }
    if (list != null) {
      message.add(message.fieldName("page_size"), TypeRef.INT32, Cardinality.SINGULAR, null, null, List.of(), false,
          "The most items to return; 0 means the REST API's default page length" + (list.defaultPageSize() == null ? "."
              : " (" + list.defaultPageSize() + ").") + (list.maxPageSize() == null ? "" : " At most " + list.maxPageSize() + "."));
      message.add(message.fieldName("page_token"), TypeRef.STRING, Cardinality.SINGULAR, null, null, List.of(), false,
          "The next_page_token of the previous page; empty for the first page.");
    }
    Map.Entry<String, MediaType> stream = requestStream(op, element, forced);
    String bodyField = stream == null ? requestBody(plan, message, element) : streamedBody(plan, message, element, stream);
    store.add(message.build());
    return new Request(name, pathFields, bodyField, stream != null);
  }

  private List<Located<Parameter>> parameters(Op op) {
    Map<String, Located<Parameter>> byKey = new LinkedHashMap<>();
    addParameters(byKey, op.item().getParameters(), new SourceLocation(op.location().file(), parentPointer(op.location())).child("parameters"));
    addParameters(byKey, op.operation().getParameters(), op.location().child("parameters"));
    return new ArrayList<>(byKey.values());
  }

  private static String parentPointer(SourceLocation location) {
    return location.pointer().substring(0, location.pointer().lastIndexOf('/'));
  }

  private void addParameters(Map<String, Located<Parameter>> into, List<Parameter> parameters, SourceLocation at) {
    if (parameters == null) {
      return;
    }
    for (int i = 0; i < parameters.size(); i++) {
      Located<Parameter> p = refs.parameter(parameters.get(i), at.child(i));
      if (p.value() != null) {
        into.put(p.value().getIn() + ":" + p.value().getName(), p);
      }
    }
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
    Shape shape = schemas.shape(schema, schemaAt, message.name() + Names.pascal(restName, "Param"));
    TypeRef type = shape.type();
    Cardinality cardinality = shape.fieldCardinality();
    List<String> behaviors = Boolean.TRUE.equals(p.getRequired()) || in.equals("path") ? List.of("REQUIRED") : List.of();
    String jsonName = null;
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
        queryRules(located, shape, fieldElement);
        if (!restName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          jsonName = null;
          report.fact(fieldElement, Fact.REST_NAME, restName);
          report.warn(Category.QUERY_NAME_NOT_FIELD_PATH, located.location(), fieldElement,
              "query parameter '" + restName + "' is not a field path; bound to field '" + field + "'");
        }
      }
      default -> {
        report.fact(fieldElement, in.equals("cookie") ? Fact.REST_COOKIE : Fact.REST_HEADER, restName);
        report.info(Category.HEADER_PARAMETER, located.location(), fieldElement,
            in + " parameter '" + restName + "' is request field '" + field + "'");
      }
    }
    shape.facts().forEach((k, v) -> report.fact(fieldElement, k, v));
    ProtoField added = message.add(field, type, cardinality, jsonName, null, behaviors, Boolean.TRUE.equals(p.getDeprecated()),
        p.getDescription());
    if (MessageBuilder.lostRestName(added, jsonName)) {
      report.fact(fieldElement, Fact.REST_NAME, restName);
    }
    return field;
  }

  private void queryRules(Located<Parameter> located, Shape shape, String fieldElement) {
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
    } else if (problem != null) {
      report.fact(fieldElement, Fact.QUERY_STYLE, problem);
      report.warn(Category.QUERY_STYLE, located.location(), fieldElement,
          "query parameter '" + p.getName() + "' uses " + problem + " style; HttpRule binds repeated keys or field paths");
    }
  }

  /** Adds the body field, if any, and returns its name (null without a body). */
  private String requestBody(Plan plan, MessageBuilder message, String element) {
    Op op = plan.op();
    if (op.operation().getRequestBody() == null) {
      return null;
    }
    Located<RequestBody> body = refs.requestBody(op.operation().getRequestBody(), bodyLocation(op));
    Content content = body.value().getContent();
    if (content == null || content.isEmpty()) {
      return null;
    }
    if (content.size() > 1) {
      report.fact(element, Fact.REQUEST_MEDIA_TYPES, new ArrayList<>(content.keySet()));
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
      message.add(fieldName, TypeRef.HTTP_BODY, Cardinality.SINGULAR, null, null, List.of(), false, body.value().getDescription());
      report.fact(element, Fact.REQUEST_MEDIA_TYPE, raw.getKey());
      report.warn(Category.RAW_BODY, body.location(), element, "request body '" + raw.getKey() + "' carried as google.api.HttpBody");
    } else {
      Schema<?> schema = media.getValue().getSchema() == null ? new Schema<>() : media.getValue().getSchema();
      String resource = standardResource(plan.rpc());
      fieldName = message.fieldName(resource == null ? "body" : Names.snake(resource));
      Shape shape = schemas.shape(schema, mediaSchemaLocation(body.location(), media.getKey()), plan.rpc() + "Body");
      List<String> behaviors = Boolean.TRUE.equals(body.value().getRequired()) ? List.of("REQUIRED") : List.of();
      message.add(fieldName, shape.type(), shape.cardinality(), null, null, behaviors, false, body.value().getDescription());
      shape.facts().forEach((k, v) -> report.fact(pkg + "." + message.name() + "." + fieldName, k, v));
      if (shape.cardinality() != Cardinality.SINGULAR) {
        report.warn(Category.ARRAY_BODY, body.location(), element,
            "the body is a JSON " + (shape.cardinality() == Cardinality.MAP ? "object map" : "array")
                + ", bound to the " + shape.cardinality().name().toLowerCase(Locale.ROOT) + " field '" + fieldName + "'");
      }
      if (encoding != null) {
        report.fact(element, Fact.BODY_ENCODING, encoding);
        report.warn(encoding.equals("form") ? Category.FORM_BODY : Category.MULTIPART_BODY, body.location(), element,
            "request body is " + media.getKey() + "; the message carries its fields");
      }
    }
    return fieldName;
  }

  private boolean bodyComponentIsRequest(Op op, String rpc) {
    if (hasRequestFields(op) || op.operation().getRequestBody() == null || op.path().contains("{")
        || store.isLockedRequestOf(rpc + "Request", op.location())) {
      return false;
    }
    Located<RequestBody> body = refs.requestBody(op.operation().getRequestBody(), bodyLocation(op));
    Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(body.value().getContent());
    if (media == null || media.getValue().getSchema() == null || media.getValue().getSchema().get$ref() == null) {
      return false;
    }
    SourceLocation target = refs.schema(media.getValue().getSchema(), mediaSchemaLocation(body.location(), media.getKey())).location();
    if (!Names.pascal(SchemaConverter.nameOf(target), "").equals(rpc + "Request")) {
      return false;
    }
    SchemaKind kind = schemas.classify(schemas.normalize(media.getValue().getSchema(), body.location()));
    return kind == SchemaKind.MESSAGE && !"get".equals(op.method()) && !"delete".equals(op.method());
  }

  private boolean hasRequestFields(Op op) {
    return parameters(op).stream().anyMatch(p -> p.value().getName() != null && !("header".equals(p.value().getIn())
        && (METADATA_HEADERS.contains(p.value().getName().toLowerCase(Locale.ROOT))
            || apiKeyHeaders.contains(p.value().getName().toLowerCase(Locale.ROOT)))));
  }

  // ---------------------------------------------------------------------------------------------
  // Responses

  private Response response(Plan plan, String element, ListDetector.ListShape list, StreamingModes.Mode forced) {
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
      report.fact(element, Fact.SUCCESS_STATUSES, new ArrayList<>(success.keySet()));
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
    report.fact(element, Fact.SUCCESS_STATUS, chosen == null || chosen.equals("default") ? "200" : chosen);
    boolean forcedServer = forced != null && forced.server();
    if (chosenResponse == null || !hasContent(chosenResponse.value())) {
      recordHeaders(chosenResponse, element);
      return new Response(TypeRef.EMPTY, null, forcedServer);
    }
    recordHeaders(chosenResponse, element);
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
    if (streaming && (stream != null || media != null)) {
      media = stream != null ? stream : media;
      report.fact(element, Fact.RESPONSE_STREAM, StreamingModes.fact(media, resumeHeader(op)));
      event = eventSchema(media, mediaSchemaLocation(chosenResponse.location(), media.getKey()), op, STREAM_MESSAGE, element);
      if (event == null) {
        return new Response(TypeRef.STRUCT, null, true);
      }
    }
    if (media == null) {
      Map.Entry<String, MediaType> raw = alternative != null ? alternative : content.entrySet().iterator().next();
      report.fact(element, Fact.RESPONSE_MEDIA_TYPE, raw.getKey());
      report.warn(Category.RAW_RESPONSE, chosenResponse.location(), element, "'" + raw.getKey() + "' carried as google.api.HttpBody");
      return new Response(TypeRef.HTTP_BODY, null, streaming);
    }
    Schema<?> schema = event != null ? event.value() : media.getValue().getSchema() == null ? new Schema<>() : media.getValue().getSchema();
    SourceLocation schemaAt = event != null ? event.location() : mediaSchemaLocation(chosenResponse.location(), media.getKey());
    String responseName = plan.rpc() + "Response";
    if (list != null && !streaming) {
      String itemsField = pluralField(plan.rpc());
      Located<Schema<?>> page = new Located<>(schema, schemaAt);
      if (list.envelopeMember() != null) {
        page = objects.of(objects.resolve(schema, schemaAt)).get(list.envelopeMember());
      }
      TypeRef type = schemas.listResponse(responseName, page.value(), page.location(),
          list.items().isEmpty() ? null : list.itemsMember(), itemsField, list.total() != null || list.totalHeader() != null);
      if (type != null) {
        recordPaging(list, element, op, schemaAt, list.items().isEmpty() ? itemsField : Names.snake(list.itemsMember()));
        return new Response(type, list.items().isEmpty() ? itemsField : null, false);
      }
    }
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
        message.add(field, shape.type(), shape.fieldCardinality(), null, null, List.of(), false, null);
        store.add(message.build());
        String fieldElement = pkg + "." + name + "." + field;
        shape.facts().forEach((k, v) -> report.fact(fieldElement, k, v));
        report.info(Category.WRAPPED_RESPONSE, schemaAt, element, "bare " + shape.kind().name().toLowerCase(Locale.ROOT)
            + " response wrapped in " + name + "." + field + " and unwrapped by response_body");
        yield new Response(TypeRef.local(name), field, streaming);
      }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Streams

  /**
   * The streamed request body: a streaming media type without a JSON alternative, or, when
   * x-grpc-streaming forces a client stream, the streaming or JSON one; null when the body does not stream.
   */
  private Map.Entry<String, MediaType> requestStream(Op op, String element, StreamingModes.Mode forced) {
    if (op.operation().getRequestBody() == null) {
      return null;
    }
    Located<RequestBody> body = refs.requestBody(op.operation().getRequestBody(), bodyLocation(op));
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
  private String streamedBody(Plan plan, MessageBuilder message, String element, Map.Entry<String, MediaType> media) {
    Op op = plan.op();
    Located<RequestBody> body = refs.requestBody(op.operation().getRequestBody(), bodyLocation(op));
    report.fact(element, Fact.REQUEST_STREAM, StreamingModes.fact(media, null));
    Located<Schema<?>> event = eventSchema(media, mediaSchemaLocation(body.location(), media.getKey()), op, STREAM_REQUEST_MESSAGE, element);
    String fieldName = message.fieldName("body");
    String comment = "One streamed value" + (body.value().getDescription() == null ? "." : ": " + body.value().getDescription());
    if (event == null) {
      message.add(fieldName, TypeRef.STRUCT, Cardinality.SINGULAR, null, null, List.of(), false, comment);
    } else {
      Shape shape = schemas.shape(event.value(), event.location(), plan.rpc() + "Body");
      message.add(fieldName, shape.type(), shape.cardinality(), null, null, List.of(), false, comment);
      shape.facts().forEach((k, v) -> report.fact(pkg + "." + message.name() + "." + fieldName, k, v));
    }
    return fieldName;
  }

  /**
   * The schema of each streamed value: x-grpc-stream-message (a $ref) where given, else the media
   * type's schema unless it only says "text"; null (a Struct, with a report row) otherwise.
   */
  private Located<Schema<?>> eventSchema(Map.Entry<String, MediaType> media, SourceLocation schemaAt, Op op, String override,
      String element) {
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
    report.warn(Category.STREAM_MESSAGE_UNKNOWN, schemaAt, element, "each '" + media.getKey()
        + "' value is a google.protobuf.Struct: the spec gives it no schema (name one with " + override + ")");
    return null;
  }

  /** The Last-Event-ID header an SSE client resumes with, where the operation declares it. */
  private String resumeHeader(Op op) {
    return parameters(op).stream().map(Located::value)
        .filter(p -> "header".equals(p.getIn()) && "last-event-id".equalsIgnoreCase(p.getName()))
        .map(Parameter::getName).findFirst().orElse(null);
  }

  private void recordHeaders(Located<ApiResponse> response, String element) {
    if (response == null || response.value().getHeaders() == null || response.value().getHeaders().isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    response.value().getHeaders().forEach((name, header) -> {
      Located<Header> resolved = refs.header(header, response.location().child("headers").child(name));
      if (resolved.value() != null) {
        names.add(name);
      }
    });
    report.fact(element, Fact.RESPONSE_HEADERS, names);
  }

  private static boolean hasContent(ApiResponse response) {
    return response != null && response.getContent() != null && !response.getContent().isEmpty();
  }

  private static String pluralField(String rpc) {
    List<String> words = Names.words(rpc);
    if (words.size() > 1 && words.get(0).equals("List")) {
      return Names.snake(String.join("", words.subList(1, words.size())));
    }
    return "items";
  }

  // ---------------------------------------------------------------------------------------------
  // Lists (AIP-158)

  /** The operation's list shape (module README, "Pagination"), or null when it is not a list. */
  private ListDetector.ListShape listShape(Op op) {
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
    List<Parameter> query = parameters(op).stream().map(Located::value)
        .filter(p -> p.getIn() == null || p.getIn().equals("query")).toList();
    Set<String> headers = response.value().getHeaders() == null ? Set.of() : response.value().getHeaders().keySet();
    ListDetector.ListShape detected = lists.detect(op.method(), op.path(), query,
        new Located<>(media.getValue().getSchema(), mediaSchemaLocation(response.location(), media.getKey())), headers);
    Object override = op.operation().getExtensions() == null ? null : op.operation().getExtensions().get("x-grpc-pagination");
    return ListDetector.override(detected, override, op.location().child("x-grpc-pagination"));
  }

  private static boolean isPagingParameter(ListDetector.ListShape list, String name) {
    return name.equals(list.sizeParameter()) || name.equals(list.offsetParameter()) || name.equals(list.pageParameter())
        || name.equals(list.cursorParameter());
  }

  private void recordPaging(ListDetector.ListShape list, String element, Op op, SourceLocation schemaAt, String itemsField) {
    Map<String, Object> paging = new LinkedHashMap<>();
    paging.put("operation", op.method().toUpperCase(Locale.ROOT) + " " + op.path());
    paging.putAll(list.toMap());
    paging.put("items_field", itemsField);
    if (!list.doubts().isEmpty()) {
      paging.put("uncertain", true);
      report.info(Category.UNCERTAIN_LIST, op.location(), element,
          "list detection was not sure: " + String.join("; ", list.doubts()) + " (override with x-grpc-pagination)");
    }
    report.fact(element, Fact.PAGING, paging);
    if (!totalSizeNoted && (list.total() != null || list.totalHeader() != null)) {
      totalSizeNoted = true;
      report.info(Category.TOTAL_SIZE_INT64, schemaAt, element,
          "total_size is int64, not AIP-158's int32: REST totals can exceed 2^31 (one note per conversion)");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Errors

  private List<String> errors(Plan plan, String element) {
    Op op = plan.op();
    Map<String, ApiResponse> responses = op.operation().getResponses() == null ? Map.of() : op.operation().getResponses();
    boolean defaultIsSuccess = responses.keySet().stream().noneMatch(code -> code.startsWith("2"));
    return errors.convert(responses, op.method().toUpperCase(Locale.ROOT), op.location().child("responses"), element,
        defaultIsSuccess, response -> media -> mediaSchemaLocation(response, media));
  }

  private static String withErrors(String comment, List<String> errors) {
    if (errors.isEmpty()) {
      return comment;
    }
    String list = "Errors:\n" + String.join("\n", errors.stream().map(e -> "  " + e).toList());
    return comment == null || comment.isBlank() ? list : comment.stripTrailing() + "\n\n" + list;
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP rules

  private HttpRule httpRule(Plan plan, Request request, Response response, String element) {
    Op op = plan.op();
    String basePath = basePath(op);
    String restPath = basePath + op.path();
    PathTemplates.Template template = PathTemplates.of(restPath, v -> request.pathFields().getOrDefault(v, Names.snake(v)));
    for (PathTemplates.Issue issue : template.issues()) {
      report.warn(issue.category(), op.location(), element, issue.message());
    }
    if (!template.issues().isEmpty()) {
      report.fact(element, Fact.REST_PATH, restPath);
    }
    String method = op.method();
    String key = method + " " + template.path().replaceAll("\\{[^}]*}", "{}");
    if (!templates.add(key)) {
      report.fact(element, Fact.REST_PATH, restPath);
      report.fact(element, Fact.REST_METHOD, method.toUpperCase(Locale.ROOT));
      report.warn(Category.DUPLICATE_TEMPLATE, op.location(), element,
          method.toUpperCase(Locale.ROOT) + " " + template.path() + " is already bound to another RPC; this RPC gets no HttpRule");
      return null;
    }
    String body = request.bodyField();
    if (body != null && (method.equals("get") || method.equals("delete"))) {
      report.warn(Category.BODY_ON_GET_OR_DELETE, op.location(), element,
          method.toUpperCase(Locale.ROOT) + " with a request body: HttpRule binds no body here, field '" + body + "' is left unbound");
      body = null;
    }
    String verb = switch (method) {
      case "get", "put", "post", "delete", "patch" -> method;
      default -> method.toUpperCase(Locale.ROOT);
    };
    return new HttpRule(verb, template.path(), body, response.responseBody());
  }

  /** The path prefix of the operation's server (operation, path item or spec servers), recorded as a file fact. */
  private String basePath(Op op) {
    List<Server> servers = op.operation().getServers() != null && !op.operation().getServers().isEmpty() ? op.operation().getServers()
        : op.item().getServers() != null && !op.item().getServers().isEmpty() ? op.item().getServers()
        : spec.model().getServers();
    String path = Servers.basePath(servers);
    if (path == null) {
      return "";
    }
    report.fact(pkg, Fact.REST_BASE_PATH, path);
    return path;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

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

  private SourceLocation mediaSchemaLocation(SourceLocation owner, String mediaType) {
    return spec.version().isSwagger2() ? owner.child("schema") : owner.child("content").child(mediaType).child("schema");
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

  private static String joinComment(String summary, String description) {
    if (summary == null || summary.isBlank()) {
      return description;
    }
    if (description == null || description.isBlank() || description.strip().equals(summary.strip())) {
      return summary;
    }
    return summary.strip() + "\n\n" + description;
  }
}
