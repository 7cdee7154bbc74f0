package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.convert.errors.ErrorResponses;
import io.rest2grpc.openapi.convert.operations.RequestConverter.Request;
import io.rest2grpc.openapi.convert.operations.ResponseConverter.Response;
import io.rest2grpc.openapi.convert.paging.ListDetector;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.convert.schemas.SchemaConverter;
import io.rest2grpc.openapi.convert.schemas.TypeStore;
import io.rest2grpc.openapi.convert.security.SecuritySchemes;
import io.rest2grpc.openapi.convert.streaming.StreamMessages;
import io.rest2grpc.openapi.convert.streaming.StreamingModes;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.naming.ChosenNames;
import io.rest2grpc.openapi.naming.LanguageOptions;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.FileOptions;
import io.rest2grpc.openapi.proto.HttpRule;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.RpcOptions;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.read.SchemaValidator;
import io.rest2grpc.openapi.read.Spec;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.options.v1.RestService;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns operations into RPCs grouped into services: names them ({@link RpcNames}), then builds
 * each RPC from its request ({@link RequestConverter}), response ({@link ResponseConverter}),
 * {@code google.api.http} rule ({@link HttpRules}) and documented errors ({@link ErrorResponses}).
 * Naming and binding rules are in the module README; what proto cannot carry goes into the
 * options of the RPC ({@link RpcOptions}) and of its service.
 */
public final class OperationConverter {
  private final Spec spec;
  private final RefResolver refs;
  private final TypeStore store;
  private final Findings report;
  private final String pkg;
  private final ConversionOptions options;
  private final ErrorResponses errors;
  private final OperationParts parts;
  private final RequestConverter requests;
  private final ResponseConverter responses;
  private final HttpRules httpRules;
  private final RestService serviceOptions;
  private final String errorDomain;
  private final Map<String, RestSecurityScheme> securitySchemes;
  private ParameterPlacement placement;

  public OperationConverter(Path entry, Spec spec, RefResolver refs, SchemaConverter schemas, TypeStore store, Findings report, String pkg,
      ConversionOptions options) {
    this.spec = spec;
    this.refs = refs;
    this.store = store;
    this.report = report;
    this.pkg = pkg;
    this.options = options;
    this.errors = new ErrorResponses(refs, report);
    this.errorDomain = Servers.errorDomain(options.errorDomain(), spec.model(), pkg);
    SecuritySchemes security = new SecuritySchemes(spec.model().getComponents(), refs);
    this.securitySchemes = security.options();
    this.parts = new OperationParts(spec, refs, report, security.apiKeyHeaders(),
        new StreamMessages(spec, new SchemaValidator(entry, spec.displayName(), spec.version(), spec.root()), new ObjectProperties(refs)));
    this.requests = new RequestConverter(refs, schemas, store, report, pkg, parts);
    this.responses = new ResponseConverter(refs, schemas, store, report, pkg, parts);
    this.httpRules = new HttpRules(spec, report);
    this.placement = ParameterPlacement.none(refs);
    serviceOptions = RestService.newBuilder()
        .addAllSecurity(spec.model().getSecurity() == null ? List.of() : SecuritySchemes.requirements(spec.model().getSecurity()))
        .build();
  }

  /** The file option's part the operations decide, once {@link #convert} is done, with the conversion's choices. */
  public FileOptions fileOptions(String int64Json, String emission, String timeout, LanguageOptions languages) {
    return new FileOptions(int64Json, emission, timeout, errorDomain, httpRules.basePath(), securitySchemes, placement.shared(),
        languages);
  }

  /** One operation of the spec, in document order. */
  public record Op(String path, String method, PathItem item, Operation operation, SourceLocation location) {}

  /**
   * What is decided about an operation before any schema is converted.
   *
   * @param rule the rule that gave the RPC its name, for the report
   * @param serviceQualified whether the RPC's messages carry its service's name: another service of the
   *     package has an RPC of the same name ({@code AppsV1ServiceGetApiResourcesRequest}, a form buf's
   *     RPC_REQUEST_STANDARD_NAME accepts)
   */
  public record Plan(Op op, String service, String rpc, String rule, boolean serviceQualified, boolean requestIsBodyComponent) {
    /** What the RPC's request and response messages are named after: {@code <Rpc>Request}, or {@code <Service><Rpc>Request}. */
    public String messageStem() {
      return serviceQualified ? service + rpc : rpc;
    }

    Plan inService(String finalName) {
      return new Plan(op, finalName, rpc, rule, serviceQualified, requestIsBodyComponent);
    }
  }

  public List<Op> operations() {
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
  public List<Plan> plan(List<Op> ops, Problems problems) {
    Map<Op, Lock.RpcLock> locked = new IdentityHashMap<>();
    for (Op op : ops) {
      Lock.RpcLock rpc = store.lockedRpc(op.location());
      if (rpc != null) {
        locked.put(op, rpc);
      }
    }
    Map<Op, Lock.RpcLock> fixed = new IdentityHashMap<>(locked);
    fixed.putAll(chosenNames(ops, locked, problems));
    Map<Op, String> services = new IdentityHashMap<>();
    for (Op op : ops) {
      services.put(op, locked.containsKey(op) ? locked.get(op).service() : serviceName(op));
    }
    Map<Op, RpcNames.Named> rpcs = new RpcNames(ops, refs, fixed, this::paged).names(ops, services, problems, report);
    Map<String, Set<String>> servicesByRpc = new HashMap<>();
    rpcs.forEach((op, named) -> servicesByRpc.computeIfAbsent(named.name(), n -> new HashSet<>()).add(services.get(op)));
    List<Plan> plans = new ArrayList<>();
    for (Op op : ops) {
      RpcNames.Named named = rpcs.get(op);
      if (named != null) {
        String rpc = named.name();
        String rule = locked.containsKey(op) ? lockedRule(op, rpc)
            : fixed.containsKey(op) ? ChosenNames.rule(spec.config().renames().keySet(), op.location()) : named.rule();
        // a request keeps the name the lock gives it; the other services' RPCs of that name qualify theirs
        boolean qualified = store.isLockedRequestOf(services.get(op) + rpc + "Request", op.location())
            || servicesByRpc.get(rpc).size() > 1 && !store.isLockedRequestOf(rpc + "Request", op.location());
        String stem = qualified ? services.get(op) + rpc : rpc;
        problems.run(() -> plans.add(new Plan(op, services.get(op), rpc, rule, qualified, requests.bodyIsRequest(op, stem))));
      }
    }
    return plans;
  }

  /**
   * The RPC names operations choose with x-grpc-name, fixed before the naming rules run (as locked
   * names are); a locked operation keeps its locked name. Two operations of one service choosing one name fail.
   */
  private Map<Op, Lock.RpcLock> chosenNames(List<Op> ops, Map<Op, Lock.RpcLock> locked, Problems problems) {
    Map<String, Op> byName = new HashMap<>();  // by Service/Rpc: names are unique in their service
    locked.forEach((op, rpc) -> byName.put(rpc.service() + "/" + rpc.name(), op));
    Map<Op, Lock.RpcLock> chosen = new IdentityHashMap<>();
    for (Op op : ops) {
      problems.run(() -> {
        String name = ChosenNames.of(op.operation().getExtensions(), ChosenNames.Kind.RPC, op.location());
        if (name == null || locked.containsKey(op)) {
          return;
        }
        Op holder = byName.putIfAbsent(serviceName(op) + "/" + name, op);
        if (holder != null) {
          throw ChosenNames.taken(op.location(), name, "the RPC of " + holder.method().toUpperCase(Locale.ROOT) + " " + holder.path()
              + (locked.containsKey(holder) ? " (locked)" : ""));
        }
        chosen.put(op, new Lock.RpcLock(serviceName(op), name));
      });
    }
    return chosen;
  }

  /** A locked RPC keeps its name; an x-grpc-name given since is not applied, and the rule says so. */
  private static String lockedRule(Op op, String rpc) {
    Object chosen = op.operation().getExtensions() == null ? null : op.operation().getExtensions().get(ChosenNames.EXTENSION);
    return chosen == null || chosen.equals(rpc) ? "locked"
        : "locked (" + ChosenNames.EXTENSION + " " + chosen + " not applied: renaming a locked RPC breaks its clients)";
  }

  /** The rule that produced each RPC name, by {@code Service.Rpc}. */
  public static Map<String, String> rpcNameRules(List<Plan> plans) {
    Map<String, String> rules = new LinkedHashMap<>();
    plans.forEach(plan -> rules.put(plan.service() + "." + plan.rpc(), plan.rule()));
    return rules;
  }

  /** Whether the operation's response is a list the converter gives paging fields; an unreadable response is not. */
  private boolean paged(Op op) {
    try {
      return responses.listShape(op) != null;
    } catch (ConversionException e) {
      return false;  // reported where the response is converted
    }
  }

  /** Request names that must stay free for RPCs whose request is not a body component of that name. */
  public static Set<String> requestNames(List<Plan> plans) {
    Set<String> names = new HashSet<>();
    for (Plan plan : plans) {
      if (!plan.requestIsBodyComponent()) {
        names.add(plan.messageStem() + "Request");
      }
    }
    return names;
  }

  /**
   * Gives services their final names once component names are reserved: services share the
   * package scope with messages, so a service whose name a schema has (tag "Service", schema
   * Service) gets a second "Service" suffix.
   */
  public List<Plan> nameServices(List<Plan> plans) {
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
    return plans.stream().map(p -> p.inService(finalNames.get(p.service()))).toList();
  }

  public List<ProtoService> convert(List<Plan> plans, Problems problems) {
    Map<String, List<ProtoRpc>> rpcsByService = new LinkedHashMap<>();
    for (Plan plan : plans) {
      if (!plan.requestIsBodyComponent()) {
        store.typeNames().block(plan.messageStem() + "Request");
      }
    }
    Map<String, String> serviceComments = serviceComments();
    placement = ParameterPlacement.count(plans.stream().map(Plan::op).toList(), parts, refs, report, pkg);
    for (Plan plan : plans) {
      ProtoRpc rpc = problems.attempt(() -> rpc(plan));
      if (rpc != null) {
        rpcsByService.computeIfAbsent(plan.service(), s -> new ArrayList<>()).add(rpc);
      }
    }
    List<ProtoService> services = new ArrayList<>();
    rpcsByService.forEach((name, rpcs) -> services.add(new ProtoService(name, serviceComments.get(name), List.copyOf(rpcs), serviceOptions)));
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

  /**
   * The RPC of {@code plan}. Its parts (the streaming, paging, timeout and idempotency overrides, the
   * request, the response, the documented errors) are each converted even when another fails, so every
   * problem of the operation is reported at once; the HttpRule needs the request and the response.
   */
  private ProtoRpc rpc(Plan plan) {
    Op op = plan.op();
    String element = pkg + "." + plan.service() + "." + plan.rpc();
    Operation o = op.operation();
    RpcOptions.Builder rest = RpcOptions.builder().operationId(o.getOperationId());
    Problems problems = new Problems();
    StreamingModes.Mode forced = problems.attempt(() -> StreamingModes.override(o.getExtensions(), op.location()));
    ListDetector.ListShape list = plan.requestIsBodyComponent() || forced != null && forced.server() ? null
        : problems.attempt(() -> responses.listShape(op));
    Request request = problems.attempt(() -> plan.requestIsBodyComponent() ? requests.body(plan, rest)
        : requests.convert(plan, element, rest, list, forced, placement));
    if (request != null) {
      rest.sharedParameterUses(placement.uses(request.sharedParameters()));
    }
    Response response = problems.attempt(() -> responses.convert(plan, element, rest, list, forced));
    boolean client = request != null && request.streaming() || forced != null && forced.client();
    boolean server = response != null && response.streaming();
    HttpRule http = request == null || response == null ? null
        : client && server ? httpRules.bidiRoute(op, request, element, rest) : httpRules.of(op, request, response, element, rest);
    List<String> errorLines = problems.attempt(() -> errors(op, element, rest));
    security(o, rest);
    Duration timeout = problems.attempt(() -> Timeouts.override(o.getExtensions(), op.location()));
    if (timeout != null) {
      rest.timeout(Timeouts.json(timeout));
    }
    ProtoRpc.Idempotency idempotency = problems.attempt(() -> Idempotency.of(op.method(), parts.headerNames(op), o.getExtensions(), op.location()));
    problems.throwIfAny();
    String comment = withErrors(joinComment(o.getSummary(), o.getDescription()), errorLines);
    return new ProtoRpc(plan.rpc(), comment, request.type(), response.type(), http, Boolean.TRUE.equals(o.getDeprecated()),
        client, server, idempotency, op.location(), rest.build());
  }

  private static void security(Operation o, RpcOptions.Builder rest) {
    if (o.getSecurity() == null) {
      return;
    }
    if (o.getSecurity().isEmpty()) {
      rest.noSecurity();
    } else {
      rest.security(SecuritySchemes.requirements(o.getSecurity()));
    }
  }

  private List<String> errors(Op op, String element, RpcOptions.Builder rest) {
    Map<String, ApiResponse> responses = op.operation().getResponses() == null ? Map.of() : op.operation().getResponses();
    boolean defaultIsSuccess = responses.keySet().stream().noneMatch(code -> code.startsWith("2"));
    return errors.convert(responses, op.method().toUpperCase(Locale.ROOT), op.location().child("responses"), element, rest,
        defaultIsSuccess, response -> media -> parts.mediaSchemaLocation(response, media));
  }

  private static String withErrors(String comment, List<String> errors) {
    if (errors.isEmpty()) {
      return comment;
    }
    String list = "Errors:\n" + String.join("\n", errors.stream().map(e -> "  " + e).toList());
    return comment == null || comment.isBlank() ? list : comment.stripTrailing() + "\n\n" + list;
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
