package io.rest2grpc.transcoding.requests;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestPaging;
import io.rest2grpc.transcoding.errors.StatusDetails;
import io.rest2grpc.transcoding.http.QueryString;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.paging.PagingTransform;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import io.rest2grpc.transcoding.routing.PathTemplate;
import io.rest2grpc.transcoding.routing.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * How the REST requests of one route bind to its RPC's request message, both ways. REST → gRPC:
 * path variables, query parameters (by REST name and recorded style), header and cookie fields, the
 * body, paging parameters (into {@code page_size}/{@code page_token}) and the call's metadata
 * (credentials, shared parameters, pass-through headers); gRPC → REST: the request a legacy client
 * would have sent for that message. Immutable and thread-safe; built once per route.
 */
public final class RequestBinding {
  /** A path variable and the fields it reaches. */
  private record PathVariable(String fieldPath, List<FieldDescriptor> fields) {}

  private final Route route;
  private final MethodDescriptor method;
  private final RestJson json;
  private final List<PathVariable> pathVariables = new ArrayList<>();
  /** Top-level fields that are not in a {@code body: "*"} body: those the path fills whole, headers and cookies. */
  private final List<FieldDescriptor> outsideBody = new ArrayList<>();
  private final BodyBinding body;
  private final ParameterFields parameters;
  private final CallMetadata callMetadata;
  private final PagingTransform paging;
  private final Set<String> pagingParameters;
  private final UnknownParameters unknownPolicy;

  private RequestBinding(Route route, RequestSettings settings, RestJson codec) {
    this.route = route;
    this.method = route.method();
    RestJson json = codec.rejectingUnknownEnums(); // a request's unknown value was a 400, never another request
    this.json = json;
    Set<FieldDescriptor> bound = new HashSet<>();
    for (PathTemplate.Variable variable : route.template().variables()) {
      List<FieldDescriptor> fields = FieldPaths.resolve(method.getInputType(), variable.fieldPath());
      pathVariables.add(new PathVariable(variable.fieldPath(), fields));
      if (fields.size() == 1) {
        bound.add(fields.get(0));
      }
    }
    RestMethod rest = EffectiveOptions.of(method);
    this.body = new BodyBinding(method, route.body(), bound, json);
    Set<FieldDescriptor> excluded = new HashSet<>(bound);
    if (body.field() != null) {
      excluded.add(body.field());
    }
    if (!rest.getMergePatchMaskField().isEmpty()) {
      excluded.add(method.getInputType().findFieldByName(rest.getMergePatchMaskField()));
    }
    if (rest.hasPaging()) {
      this.paging = PagingTransform.of(method, settings.pageTokens());
      excluded.add(method.getInputType().findFieldByName("page_size"));
      excluded.add(method.getInputType().findFieldByName("page_token"));
      this.pagingParameters = pagingParameters(rest.getPaging());
    } else {
      this.paging = null;
      this.pagingParameters = Set.of();
    }
    this.parameters = new ParameterFields(method.getInputType(), excluded, json);
    outsideBody.addAll(bound);
    parameters.parameters().stream().filter(p -> p.location() != Location.QUERY).forEach(p -> outsideBody.add(p.field()));
    this.callMetadata = CallMetadata.of(method, settings.passThroughHeaders());
    this.unknownPolicy = settings.unknownParameters();
  }

  /** The binding of one route; throws {@link IllegalArgumentException} when the route names fields the request lacks. */
  public static RequestBinding of(Route route, RequestSettings settings, RestJson json) {
    return new RequestBinding(route, settings, json);
  }

  public Route route() {
    return route;
  }

  // REST -> gRPC

  /**
   * The request message and metadata of a REST request this route matched, with the route's bound
   * variables ({@code RouteMatch.Matched.variables()}). Throws {@link InvalidRequest} for a value
   * that is no value of its field, a wrong constant, or an unknown parameter under REJECT.
   */
  public GrpcRequest toGrpc(Map<String, String> variables, RestRequest request) {
    Message.Builder builder = DynamicMessage.newBuilder(method.getInputType());
    Map<String, List<String>> query = new LinkedHashMap<>(QueryString.decode(request.query()));
    route.query().keySet().forEach(query::remove);
    Map<String, List<String>> headers = headers(request.headers());
    Map<String, String> cookies = cookies(headers.getOrDefault("cookie", List.of()));
    Metadata metadata = new Metadata();
    callMetadata.toGrpc(query, headers, cookies, metadata);
    // a client stream's body is its messages: StreamCodec reads them
    List<String> unknownParts = method.isClientStreaming() ? List.of() : body.toGrpc(request.contentType(), request.body(), builder);
    for (PathVariable variable : pathVariables) {
      String value = variables.get(variable.fieldPath());
      if (value != null) {
        FieldPaths.update(builder, variable.fields(), (holder, field) -> {
          try {
            holder.clearField(field);
            json.parseText(value, holder, field);
          } catch (RestJsonException e) {
            throw new InvalidRequest(Location.PATH, variable.fieldPath(), e.problem());
          }
        });
      }
    }
    parameters.bindHeaders(headers, cookies, builder);
    // a paging parameter may also be a field (Mastodon's max_id): both take it
    List<String> unknown = body.takesBody() && body.field() == null
        ? query.keySet().stream().filter(name -> !pagingParameters.contains(name)).toList()
        : parameters.bindQuery(query, pagingParameters, builder, Location.QUERY);
    if (!unknown.isEmpty() && unknownPolicy == UnknownParameters.REJECT) {
      throw new InvalidRequest(Location.QUERY, unknown.get(0), "is no parameter of " + route.httpMethod() + " "
          + route.template().text());
    }
    if (!unknownParts.isEmpty() && unknownPolicy == UnknownParameters.REJECT) {
      throw new InvalidRequest(Location.BODY, unknownParts.get(0), "names no field of the body of " + route.httpMethod() + " "
          + route.template().text());
    }
    if (paging != null) {
      try {
        paging.toGrpcRequest(query, builder); // the query without what travels as metadata or is constant
      } catch (StatusRuntimeException e) {
        throw invalidPaging(e);
      }
    }
    List<String> allUnknown = new ArrayList<>(unknown);
    allUnknown.addAll(unknownParts);
    return new GrpcRequest(builder.build(), metadata, allUnknown);
  }

  /** The paging transform's INVALID_ARGUMENT as the parameter it names. */
  private InvalidRequest invalidPaging(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    Optional<BadRequest.FieldViolation> violation = StatusDetails.find(status, BadRequest.class)
        .flatMap(badRequest -> badRequest.getFieldViolationsList().stream().findFirst());
    String parameter = violation.map(BadRequest.FieldViolation::getField).orElse(String.join(", ", pagingParameters));
    boolean outOfRange = violation.filter(v -> v.getReason().equals(PagingTransform.PAGE_SIZE_OUT_OF_RANGE)).isPresent();
    return new InvalidRequest(Location.QUERY, parameter, status.getMessage(), outOfRange);
  }

  // gRPC -> REST

  /**
   * The REST request a legacy client would have sent for this request message and metadata. For a
   * client stream, the request without its body: the stream's frames ({@code StreamCodec}) are the body.
   */
  public RestRequest toRest(Message request, Metadata metadata) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (PathVariable variable : pathVariables) {
      FieldDescriptor leaf = variable.fields().get(variable.fields().size() - 1);
      String value = FieldPaths.holder(request, variable.fields())
          .flatMap(holder -> json.printText(leaf, holder.getField(leaf))).orElse("");
      variables.put(variable.fieldPath(), value);
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    route.query().forEach((name, value) -> query.put(name, List.of(value)));
    if (!(body.takesBody() && body.field() == null)) {
      query.putAll(parameters.printQuery(request));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> cookies = new LinkedHashMap<>();
    parameters.printHeaders(request, headers, cookies);
    callMetadata.toRest(metadata, query, headers, cookies);
    Map<String, List<String>> fullQuery = paging == null ? query : QueryString.overlay(query, paging.toRestQuery(request));
    if (!cookies.isEmpty()) {
      StringJoiner cookie = new StringJoiner("; ");
      cookies.forEach((name, value) -> cookie.add(name + "=" + value));
      headers.put("Cookie", cookie.toString());
    }
    List<String> pairs = new ArrayList<>();
    headers.forEach((name, value) -> {
      pairs.add(name);
      pairs.add(value);
    });
    BodyBinding.Body sentBody = method.isClientStreaming() ? null : body.toRest(request, outsideBody);
    return new RestRequest(route.httpMethod(), route.template().expand(variables), QueryString.encode(fullQuery),
        RestHeaders.of(pairs.toArray(String[]::new)), sentBody == null ? "" : sentBody.contentType(),
        sentBody == null ? ByteString.EMPTY : sentBody.bytes());
  }

  // Helpers

  private static Set<String> pagingParameters(RestPaging paging) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : List.of(paging.getSizeParameter(), paging.getOffsetParameter(), paging.getPageParameter(),
        paging.getCursorParameter())) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return Set.copyOf(names);
  }

  /** Header values by lower-case name. */
  private static Map<String, List<String>> headers(RestHeaders headers) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (RestHeaders.Header header : headers.list()) {
      byName.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(header.value());
    }
    return byName;
  }

  /** The cookies of {@code Cookie} headers (RFC 6265 §4.2): the first value of each name. */
  private static Map<String, String> cookies(List<String> cookieHeaders) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          cookies.putIfAbsent(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
      }
    }
    return cookies;
  }
}
