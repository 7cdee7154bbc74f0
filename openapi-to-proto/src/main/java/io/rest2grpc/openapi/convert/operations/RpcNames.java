package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.diagnostics.Problems;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.naming.Inflector;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.naming.OperationId;
import io.rest2grpc.openapi.naming.Verbs;
import io.rest2grpc.openapi.naming.Verbs.Standard;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Names RPCs, unique across the package (their request messages share its scope). The rules are in
 * the module README ("How RPCs are named"); in short, each operation gets one of:
 *
 * <ol>
 *   <li>the AIP-131..135 standard name ({@link RpcShapes}) when the REST shape is standard and the
 *       operationId's verb agrees with it ({@link Verbs}), or there is no operationId verb;
 *   <li>else its operationId, read verb first ({@link RpcWords}): without a namespace most operationIds
 *       share, without its service's name, a noun added to a bare verb;
 *   <li>else a name from the method and path that reads verb + noun ({@link PathName}).
 * </ol>
 *
 * Names are wanted by all operations first. When several operations of the package want one name,
 * every one of them is qualified, level by level until they differ: by its parent collections (or,
 * at the top level, the rest of its operationId), then also by the path's version ({@code V2}).
 * Operations of different services that still want one name keep it: a service is the scope gRPC
 * gives its methods ({@code /pkg.Service/Rpc}), so {@code AppsV1Service.GetApiResources} sits
 * beside {@code BatchV1Service.GetApiResources} rather than repeating its service's name, and their
 * request and response messages, which share the package's scope, take the service's name ({@link
 * OperationConverter.Plan#messageStem}). Operations of one service are qualified further, by their
 * whole method and path, then by a number in document order. An operation the lock names keeps that
 * name, which no other of its service takes.
 */
final class RpcNames {
  private final RefResolver refs;
  private final Map<Op, Lock.RpcLock> locked;
  private final Predicate<Op> paged;
  private final RpcShapes shapes;
  private final List<List<String>> sharedNamespace;

  /**
   * @param locked the operations a lock names: they keep their names, which no other operation takes
   * @param paged whether the converter makes an operation a list with paging fields (AIP-158)
   */
  RpcNames(List<Op> ops, RefResolver refs, Map<Op, Lock.RpcLock> locked, Predicate<Op> paged) {
    this.refs = refs;
    this.locked = locked;
    this.paged = paged;
    this.shapes = new RpcShapes(ops);
    List<OperationId> ids = new ArrayList<>();
    for (Op op : ops) {
      if (op.operation().getOperationId() != null) {
        ids.add(OperationId.parse(op.operation().getOperationId()));
      }
    }
    this.sharedNamespace = OperationId.sharedNamespace(ids);
  }

  /** The qualification levels of {@link Wanted#levels}: the name, by parents, by version, by method and path. */
  private static final int BY_VERSION = 2;
  private static final int BY_PATH = 3;

  /** What one operation would be called, most wanted first; each later name is more qualified. */
  private record Wanted(Op op, List<String> levels, String rule) {}

  /** An RPC name and the rule that gave it ({@code standard method}, {@code operationId, qualified}, …), for the report. */
  record Named(String name, String rule) {}

  /**
   * The RPC name of each operation (those whose responses cannot be read are left out, their
   * problem recorded), given the service each would join.
   */
  Map<Op, Named> names(List<Op> ops, Map<Op, String> services, Problems problems, Findings report) {
    Map<Op, Named> names = new IdentityHashMap<>();
    Map<String, Set<String>> lockedNames = new HashMap<>();  // name → the services that hold it
    locked.forEach((op, rpc) -> lockedNames.computeIfAbsent(rpc.name(), n -> new HashSet<>()).add(services.get(op)));
    Map<Op, OperationId> idOf = new IdentityHashMap<>();
    Map<String, List<OperationId>> idsByService = new HashMap<>();
    for (Op op : ops) {
      OperationId id = operationId(op);
      if (id != null) {
        idOf.put(op, id);
        idsByService.computeIfAbsent(services.get(op), s -> new ArrayList<>()).add(id);
      }
    }
    Map<String, List<String>> prefixes = new HashMap<>();
    idsByService.forEach((service, ids) -> prefixes.put(service, RpcWords.commonPrefix(ids)));
    List<Wanted> wanted = new ArrayList<>();
    for (Op op : ops) {
      if (locked.containsKey(op)) {
        names.put(op, new Named(locked.get(op).name(), "locked"));
      } else {
        problems.run(() -> wanted.add(wanted(op, idOf.get(op), services.get(op), prefixes.get(services.get(op)))));
      }
    }
    Map<Wanted, Integer> level = new IdentityHashMap<>();
    wanted.forEach(w -> level.put(w, 0));
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Map.Entry<String, List<Wanted>> group : byName(wanted, level).entrySet()) {
        Set<String> holders = new HashSet<>(lockedNames.getOrDefault(group.getKey(), Set.of()));
        if (group.getValue().size() + holders.size() < 2) {
          continue;
        }
        List<String> groupServices = new ArrayList<>(holders);
        group.getValue().forEach(w -> groupServices.add(services.get(w.op())));
        // across services, a qualifier is worth adding only where it tells the members apart
        Set<String> next = new HashSet<>();
        holders.forEach(h -> next.add(group.getKey()));
        group.getValue().forEach(w -> next.add(w.levels().get(Math.min(level.get(w) + 1, BY_PATH))));
        for (Wanted w : group.getValue()) {
          boolean sharesService = groupServices.stream().filter(services.get(w.op())::equals).count() > 1;
          if (level.get(w) < BY_PATH && (sharesService || level.get(w) < BY_VERSION && next.size() > 1)) {
            level.put(w, level.get(w) + 1);
            moved = true;
          }
        }
      }
    }
    Set<String> taken = new HashSet<>();
    locked.forEach((op, rpc) -> taken.add(scoped(services.get(op), rpc.name())));
    for (Wanted w : wanted) {
      String name = w.levels().get(level.get(w));
      String given = name;
      for (int n = 2; !taken.add(scoped(services.get(w.op()), given)); n++) {
        given = name + n;
      }
      String rule = (w.rule().equals("standard") ? "standard method" : w.rule()) + (level.get(w) > 0 ? ", qualified" : "")
          + (given.equals(name) ? "" : ", numbered");
      names.put(w.op(), new Named(given, rule));
      report(w, level.get(w), given, report);
    }
    return names;
  }

  private static Map<String, List<Wanted>> byName(List<Wanted> wanted, Map<Wanted, Integer> level) {
    Map<String, List<Wanted>> groups = new LinkedHashMap<>();
    for (Wanted w : wanted) {
      groups.computeIfAbsent(w.levels().get(level.get(w)), n -> new ArrayList<>()).add(w);
    }
    return groups;
  }

  private static String scoped(String service, String rpc) {
    return service + "/" + rpc;
  }

  private static void report(Wanted w, int level, String given, Findings report) {
    String first = w.levels().get(0);
    if (!given.equals(first)) {
      report.info(Category.NAME_COLLISION, w.op().location(), "",
          "RPC name " + first + " is wanted by more than one operation; named " + given + (level > 0 ? " (qualified)" : " (numbered)"));
    }
    String operationId = w.op().operation().getOperationId();
    if (w.rule().equals("standard") && operationId != null && !first.equals(Names.pascal(operationId, ""))) {
      report.info(Category.STANDARD_METHOD_NAME, w.op().location(), "", "operationId '" + operationId + "' → standard method " + first);
    }
  }

  /** The operationId of {@code op}, when it has one with words that say more than its route. */
  private static OperationId operationId(Op op) {
    String raw = op.operation().getOperationId();
    OperationId id = raw == null ? null : OperationId.parse(raw);
    return id == null || id.action().isEmpty() || spellsRoute(id, op) ? null : id;
  }

  /**
   * Whether an operationId only spells its HTTP method and path, the version left out and each
   * variable spelled whole, by its last word or not at all ({@code GetAccountsAccountBankAccountsId}
   * of {@code GET /v1/accounts/{account}/bank_accounts/{id}}, as Stripe writes them; Box's {@code
   * get_files_id_thumbnail} of {@code /files/{file_id}/thumbnail}): generated from the route, it says
   * nothing the route does not, so the operation is named as one without an operationId.
   */
  private static boolean spellsRoute(OperationId id, Op op) {
    List<RouteWords> route = new ArrayList<>(List.of(new RouteWords(List.of(op.method()), false)));
    for (String segment : RpcShapes.segments(op.path())) {
      if (!PathName.isVersion(segment)) {
        route.add(new RouteWords(Names.lowerWords(segment.replaceAll("[{}]", " ")), RpcShapes.isVariable(segment)));
      }
    }
    return spells(id.words(), 0, route, 0);
  }

  /** The lower-case words of the HTTP method or of one path segment, and whether the segment is a variable. */
  private record RouteWords(List<String> words, boolean variable) {}

  private static boolean spells(List<String> words, int at, List<RouteWords> route, int segment) {
    if (segment == route.size()) {
      return at == words.size();
    }
    List<String> spelled = route.get(segment).words();
    if (spelled.isEmpty()) {
      return spells(words, at, route, segment + 1);
    }
    if (startsWith(words, at, spelled) && spells(words, at + spelled.size(), route, segment + 1)) {
      return true;
    }
    if (!route.get(segment).variable()) {
      return false;
    }
    List<String> last = spelled.subList(spelled.size() - 1, spelled.size());
    return startsWith(words, at, last) && spells(words, at + 1, route, segment + 1) || spells(words, at, route, segment + 1);
  }

  private static boolean startsWith(List<String> words, int at, List<String> prefix) {
    return words.size() - at >= prefix.size() && words.subList(at, at + prefix.size()).equals(prefix);
  }

  /** @param id the operation's operationId, null when it has none that says more than its route */
  private Wanted wanted(Op op, OperationId id, String service, List<String> servicePrefix) {
    RpcShapes.Shape shape = shapes.of(op, () -> returnsList(op), id != null ? id.words() : List.of());
    RpcWords words = id != null ? RpcWords.of(id, sharedNamespace, service, servicePrefix, op, shape) : null;
    List<String> serviceWords = RpcWords.serviceWords(service);
    String version = PathName.version(op);
    // the last resort: the operationId's verb (else the HTTP method's) and every word of the path
    String byPath = Names.pascal(words != null && words.verb() != null ? words.verb() : op.method(), "Rpc")
        + RpcWords.pascal(RpcWords.withoutService(Names.lowerWords(op.path().replaceAll("[{}]", " ")), serviceWords));
    if (shape != null && (words == null || agrees(words, shape, op))) {
      List<String> leftover = words == null ? List.of() : words.leftover(shape.nounWords());
      String qualified = shape.qualified(leftover);
      return new Wanted(op, levels(shape.name(), qualified, qualified + version, byPath), "standard");
    }
    if (words != null && !words.fromPathInstead()) {
      if (shape == null && words.readsMany() && paged.test(op)) {
        words = words.asList();  // getAppsV1APIResources returns a list, which gets paging: ListApiResources (AIP-132)
      }
      String parents = RpcWords.pascal(RpcWords.missing(Names.words(shapes.parents(op)), words.name("")));
      String qualified = words.name(parents);
      return new Wanted(op, levels(words.name(""), qualified, qualified + version, byPath), "operationId");
    }
    String path = PathName.of(op, serviceWords).name();
    if (op.method().equals("get") && path.startsWith("Get") && Inflector.isPlural(path) && paged.test(op)) {
      path = "List" + path.substring("Get".length());  // GET /folders/{id}/items returns a page of items: ListFolderItems
    }
    return new Wanted(op, levels(path, path, path + version, byPath), "path");
  }

  /**
   * Whether an operationId agrees with a standard shape: its verb is the standard one, or it has no
   * verb and names the shape's noun ({@code orderDetails} on {@code GET /orders/{id}}). An operationId
   * that starts with a word this converter does not know as a verb and does not name the noun
   * ({@code converse} on {@code POST /sessions/{id}}) is taken to start with its own verb. A read verb
   * whose noun is singular ({@code getSettingsFlow}) is no List, and a POST to an item is an Update
   * only when its operationId says nothing more.
   */
  private static boolean agrees(RpcWords words, RpcShapes.Shape shape, Op op) {
    if (words.verb() == null) {
      return words.mentions(shape.nounWords());
    }
    if (!Verbs.standardsOf(words.verb()).contains(shape.standard())) {
      return false;
    }
    if (shape.standard() == Standard.LIST && !Verbs.standardsOf(words.verb()).equals(Set.of(Standard.LIST))) {
      return !words.mentionsOnlySingular(shape.nounWords());  // getSettingsFlow reads one flow, even if its response has an array
    }
    // POST /orders/{id} is an update only by inference: not when the operationId says more (UpdateSkillDefaultVersion)
    return !(op.method().equals("post") && shape.standard() == Standard.UPDATE && !words.leftover(shape.nounWords()).isEmpty());
  }

  /** The names, each a valid identifier; a level that qualifies nothing repeats the one before, so levels stay aligned. */
  private static List<String> levels(String... names) {
    List<String> levels = new ArrayList<>();
    for (String name : names) {
      levels.add(name.isEmpty() ? "Rpc" : Character.isDigit(name.charAt(0)) ? "X" + name : name);
    }
    return levels;
  }

  /** A list endpoint returns an array, or an object one of whose properties is an array. */
  @SuppressWarnings("unchecked")
  private boolean returnsList(Op op) {
    if (op.operation().getResponses() == null) {
      return false;
    }
    for (Map.Entry<String, ApiResponse> e : op.operation().getResponses().entrySet()) {
      if (!e.getKey().startsWith("2")) {
        continue;
      }
      Located<ApiResponse> response = refs.response(e.getValue(), op.location().child("responses").child(e.getKey()));
      Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(response.value() == null ? null : response.value().getContent());
      if (media == null || media.getValue().getSchema() == null) {
        continue;
      }
      SourceLocation at = response.location().child("content").child(media.getKey()).child("schema");
      Located<Schema> schema = refs.schema(media.getValue().getSchema(), at);
      if (Schemas.types(schema.value()).contains("array")) {
        return true;
      }
      if (schema.value().getProperties() != null) {
        for (Map.Entry<String, Schema> property : ((Map<String, Schema>) schema.value().getProperties()).entrySet()) {
          Located<Schema> p = refs.schema(property.getValue(), schema.location().child("properties").child(property.getKey()));
          if (Schemas.types(p.value()).contains("array")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
