package io.rest2grpc.transcoding.engine;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.rest2grpc.transcoding.DescriptorSets;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.requests.InvalidRequest;
import io.rest2grpc.transcoding.requests.RequestBinding;
import io.rest2grpc.transcoding.requests.RequestSettings;
import io.rest2grpc.transcoding.requests.UnknownParameters;
import io.rest2grpc.transcoding.responses.ResponseTranscoder;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import io.rest2grpc.transcoding.streams.StreamCodec;
import io.rest2grpc.transcoding.streams.StreamSide;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The HTTP transcoding engine: every REST route of a descriptor set, and each RPC's requests and
 * responses carried across, both ways. No HTTP server inside: a server adapts its requests to
 * {@link RestRequest}, calls {@link #toGrpc}, makes the call, and sends what
 * {@link MethodCall#responses()} (or, for a server stream, {@link MethodCall#responseStream()},
 * frame by frame) gives back. Built once; immutable and thread-safe after.
 *
 * <pre>{@code
 * HttpTranscoder engine = HttpTranscoder.builder().pageTokens(tokens).build(DescriptorSets.load(path).values());
 * Routed routed = engine.toGrpc(request);
 * if (routed instanceof Routed.Call call) {
 *   // call.call().method(), call.request().message(), call.request().metadata()
 * } else {
 *   send(((Routed.Refused) routed).response());
 * }
 * }</pre>
 */
public final class HttpTranscoder {
  private final RouteTable routes;
  private final Map<MethodDescriptor, MethodCall> calls;
  private final Map<Route, RequestBinding> bindings;
  private final Map<MethodDescriptor, String> unsupported;
  private final Refusals refusals;

  private HttpTranscoder(RouteTable routes, Map<MethodDescriptor, MethodCall> calls, Map<Route, RequestBinding> bindings,
      Map<MethodDescriptor, String> unsupported, Refusals refusals) {
    this.routes = routes;
    this.calls = Map.copyOf(calls);
    this.bindings = Map.copyOf(bindings);
    this.unsupported = Map.copyOf(unsupported);
    this.refusals = refusals;
  }

  /** The engine of a compiled descriptor set file ({@code protoc --include_imports -o}), with the default settings. */
  public static HttpTranscoder of(Path descriptorSet) {
    return builder().build(DescriptorSets.load(descriptorSet).values());
  }

  /** The engine of these files' services (loaded with rest2grpc's extensions registered), with the default settings. */
  public static HttpTranscoder of(Collection<FileDescriptor> files) {
    return builder().build(files);
  }

  public static Builder builder() {
    return new Builder();
  }

  public RouteTable routes() {
    return routes;
  }

  /**
   * The RPCs whose options the engine cannot follow, each with what to fix (a list whose paging the
   * converter could not complete, for one): requests routed to them are refused with 501 naming it.
   */
  public Map<MethodDescriptor, String> unsupported() {
    return unsupported;
  }

  /** The RPC's call; throws {@link IllegalArgumentException} for an RPC without a REST route or an unsupported one. */
  public MethodCall call(MethodDescriptor method) {
    MethodCall call = calls.get(method);
    if (call == null && unsupported.containsKey(method)) {
      throw new IllegalArgumentException(method.getFullName() + " is not supported by the engine: " + unsupported.get(method));
    }
    if (call == null) {
      throw new IllegalArgumentException(method.getFullName() + " has no REST route in this engine's descriptor set");
    }
    return call;
  }

  /**
   * REST → gRPC: the RPC and request message a REST request comes to, or the response to send
   * instead ({@link Refusal}), written in the API's own error format.
   */
  public Routed toGrpc(RestRequest request) {
    String contentType = request.body().isEmpty() && request.contentType().isEmpty() ? null : request.contentType();
    return toGrpc(routes.match(request.method(), request.target(), contentType, request.headers().first("Accept").orElse(null)), request);
  }

  /**
   * {@link #toGrpc(RestRequest)} of a request already routed by its head ({@code routes().match} with its method,
   * target, {@code Content-Type} and {@code Accept}): a proxy that decides by the route before the body is in routes once.
   */
  public Routed toGrpc(RouteMatch match, RestRequest request) {
    if (match instanceof RouteMatch.Matched matched) {
      return bind(matched, request);
    }
    if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
      String allow = String.join(", ", new TreeSet<>(notAllowed.allow()));
      return refusals.refuse(Refusal.METHOD_NOT_ALLOWED, Optional.empty(), request,
          request.method() + " is not allowed on " + request.path() + "; allowed: " + allow, RestHeaders.of("Allow", allow), Optional.empty());
    }
    if (match instanceof RouteMatch.UnsupportedMediaType unsupported) {
      return refusals.refuse(Refusal.UNSUPPORTED_MEDIA_TYPE, Optional.of(unsupported.route().method()), request, "the body's type "
          + request.contentType() + " is not one this operation takes: " + String.join(", ", new TreeSet<>(unsupported.supported())),
          RestHeaders.NONE, Optional.empty());
    }
    if (match instanceof RouteMatch.NotAcceptable notAcceptable) {
      return refusals.refuse(Refusal.NOT_ACCEPTABLE, Optional.of(notAcceptable.route().method()), request, "this operation answers in "
          + String.join(", ", new TreeSet<>(notAcceptable.available())) + ", which Accept does not admit", RestHeaders.NONE, Optional.empty());
    }
    return refusals.refuse(Refusal.NO_ROUTE, Optional.empty(), request, "no route for " + request.method() + " " + request.path(),
        RestHeaders.NONE, Optional.empty());
  }

  /** gRPC → REST: the request a legacy client would have sent, by the RPC's primary route. */
  public RestRequest toRest(MethodDescriptor method, Message request, Metadata metadata) {
    return call(method).primary().toRest(request, metadata);
  }

  private Routed bind(RouteMatch.Matched matched, RestRequest request) {
    MethodDescriptor method = matched.route().method();
    String problem = unsupported.get(method);
    if (problem != null) {
      return refusals.refuse(Refusal.NOT_IMPLEMENTED, Optional.of(method), request, method.getFullName() + " cannot be transcoded: " + problem,
          RestHeaders.NONE, Optional.empty());
    }
    RequestBinding binding = bindings.get(matched.route());
    try {
      return new Routed.Call(calls.get(method), matched.route(), request, binding.toGrpc(matched.variables(), request));
    } catch (InvalidRequest invalid) {
      Refusal refusal = invalid.location() == InvalidRequest.Location.BODY ? Refusal.UNREADABLE_BODY
          : invalid.outOfRange() ? Refusal.PARAMETER_OUT_OF_RANGE : Refusal.INVALID_PARAMETER;
      return refusals.refuse(refusal, Optional.of(method), request, invalid.getMessage(), RestHeaders.NONE, invalid.violation());
    }
  }

  /** The settings of an engine; every one has a default. */
  public static final class Builder {
    private PageTokens pageTokens;
    private List<String> passThroughHeaders = RequestSettings.DEFAULT_PASS_THROUGH;
    private UnknownParameters unknownParameters = UnknownParameters.IGNORE;
    private RestJson json = RestJson.create();
    private Map<Refusal, String> refusalReasons = Map.of();
    private String requestIdHeader = "X-Request-Id";

    private Builder() {}

    /**
     * The keys list RPCs' page tokens are signed with. Default: a random key of this engine alone,
     * so tokens it mints are good only on this instance until it stops; set shared keys whenever
     * more than one instance serves (transcoding README, "Page tokens").
     */
    public Builder pageTokens(PageTokens pageTokens) {
      this.pageTokens = pageTokens;
      return this;
    }

    /** Request headers carried as metadata for every method. Default: {@link RequestSettings#DEFAULT_PASS_THROUGH}. */
    public Builder passThroughHeaders(List<String> headers) {
      this.passThroughHeaders = List.copyOf(headers);
      return this;
    }

    /** Default: {@link UnknownParameters#IGNORE}, reported in {@code GrpcRequest.unknownParameters()}. */
    public Builder unknownParameters(UnknownParameters policy) {
      this.unknownParameters = policy;
      return this;
    }

    /** The codec (with its listener for unknown properties and enum values). Default: {@link RestJson#create()}. */
    public Builder json(RestJson json) {
      this.json = json;
      return this;
    }

    /**
     * The {@code ErrorInfo.reason} each refusal's body carries, where the error format has a code
     * member: the legacy service's own codes for the same situations (a Spring service's
     * {@code ResponseEntityExceptionHandler} often says {@code MALFORMED_BODY} for an unreadable
     * body). Default: {@link Refusal#defaultReason()}, the status's name.
     */
    public Builder refusalReasons(Map<Refusal, String> reasons) {
      reasons.forEach((refusal, reason) -> {
        if (reason == null || reason.isBlank()) {
          throw new IllegalArgumentException("the reason for " + refusal + " is empty: give the code the legacy service answers with");
        }
      });
      this.refusalReasons = Map.copyOf(reasons);
      return this;
    }

    /**
     * The header a refusal takes its request id from (a new UUID when the request has none, or one
     * longer than 128 visible ASCII characters), and answers with; the id also goes into the
     * body where the error format has a request id. Default {@code X-Request-Id}; "" for none.
     */
    public Builder requestIdHeader(String header) {
      this.requestIdHeader = header;
      return this;
    }

    /** The engine; an RPC whose options it cannot follow is {@link HttpTranscoder#unsupported()}, not a failure of the whole. */
    public HttpTranscoder build(Collection<FileDescriptor> files) {
      PageTokens tokens = pageTokens != null ? pageTokens : ephemeralTokens();
      RequestSettings settings = new RequestSettings(tokens, passThroughHeaders, unknownParameters);
      RouteTable table = RouteTable.of(files);
      Map<MethodDescriptor, List<Route>> byMethod = new LinkedHashMap<>();
      table.routes().forEach(route -> byMethod.computeIfAbsent(route.method(), m -> new ArrayList<>()).add(route));
      Map<MethodDescriptor, MethodCall> calls = new LinkedHashMap<>();
      Map<Route, RequestBinding> bindings = new LinkedHashMap<>();
      Map<MethodDescriptor, String> unsupported = new LinkedHashMap<>();
      byMethod.forEach((method, methodRoutes) -> {
        try {
          List<RequestBinding> methodBindings = methodRoutes.stream().map(route -> RequestBinding.of(route, settings, json)).toList();
          calls.put(method, new MethodCall(method, methodBindings,
              method.isServerStreaming() ? Optional.empty() : Optional.of(ResponseTranscoder.of(method, tokens, json)),
              method.isClientStreaming() ? Optional.of(StreamCodec.of(method, StreamSide.REQUEST).withJson(json.rejectingUnknownEnums())) : Optional.empty(),
              method.isServerStreaming() ? Optional.of(StreamCodec.of(method, StreamSide.RESPONSE).withJson(json)) : Optional.empty()));
          methodBindings.forEach(binding -> bindings.put(binding.route(), binding));
        } catch (IllegalArgumentException e) {
          unsupported.put(method, e.getMessage());
        }
      });
      return new HttpTranscoder(table, calls, bindings, unsupported, Refusals.of(byMethod.keySet(), refusalReasons, requestIdHeader));
    }

    private static PageTokens ephemeralTokens() {
      byte[] secret = new byte[PageTokenKeys.MIN_SECRET_BYTES];
      new SecureRandom().nextBytes(secret);
      return PageTokens.create(PageTokenKeys.of("ephemeral", Map.of("ephemeral", secret)));
    }
  }
}
