package io.rest2grpc.openapi.corpus;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.oracle.ArmeriaOracle;
import io.rest2grpc.transcoding.requests.RequestBinding;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The engine against an independent HttpRule transcoder (issue 16, proof 3): for every route
 * HttpRule can express, one REST request — a value in every path variable, parameter and body
 * member ({@link FilledRequest#withBody}), written by the route's own binding as a legacy client
 * sends it — goes to the engine and to Armeria's HTTP/JSON transcoding ({@link ArmeriaOracle}).
 * The two request messages are equal, or every field in which they differ falls into one of the
 * {@link OracleDifference} classes; a difference in no class is a finding, and the corpus pass
 * fails on it.
 *
 * @param routes the routes of the descriptor set
 * @param notHttpRule routes HttpRule cannot express (from {@code rest_path} alone) or of streaming RPCs: not compared
 * @param compared routes sent to both
 * @param identical routes for which Armeria called the same RPC with the same message
 * @param byClass routes per class of difference (a route may show several)
 * @param unclassified the differences in no class, one line each
 */
record OracleComparison(int routes, int notHttpRule, int compared, int identical, Map<OracleDifference, Integer> byClass,
    List<String> unclassified) {

  static OracleComparison of(Collection<FileDescriptor> files) {
    HttpTranscoder engine = HttpTranscoder.of(files);
    int routes = 0;
    int notHttpRule = 0;
    int compared = 0;
    int identical = 0;
    Map<OracleDifference, Integer> byClass = new EnumMap<>(OracleDifference.class);
    List<String> unclassified = new ArrayList<>();
    try (ArmeriaOracle oracle = ArmeriaOracle.start(List.copyOf(files))) {
      for (Route route : engine.routes().routes()) {
        routes++;
        MethodDescriptor method = route.method();
        if (route.origin().equals("rest_path") || method.isClientStreaming() || method.isServerStreaming()
            || engine.unsupported().containsKey(method)) {
          notHttpRule++;
          continue;
        }
        compared++;
        RequestBinding binding = engine.call(method).bindings().stream().filter(b -> b.route().equals(route)).findFirst().orElseThrow();
        RestRequest rest = binding.toRest(FilledRequest.withBody(route).message(), new Metadata());
        Set<OracleDifference> classes = new TreeSet<>();
        List<String> unexplained = new ArrayList<>();
        compare(engine, oracle, binding, rest, classes, unexplained);
        if (classes.isEmpty() && unexplained.isEmpty()) {
          identical++;
        }
        classes.forEach(c -> byClass.merge(c, 1, Integer::sum));
        unexplained.forEach(u -> unclassified.add(route + " " + rest.method() + " " + rest.target() + ": " + u));
      }
    }
    return new OracleComparison(routes, notHttpRule, compared, identical, byClass, unclassified);
  }

  private static void compare(HttpTranscoder engine, ArmeriaOracle oracle, RequestBinding binding, RestRequest rest,
      Set<OracleDifference> classes, List<String> unexplained) {
    Route route = binding.route();
    Routed ours = engine.toGrpc(rest);
    if (!(ours instanceof Routed.Call call) || !call.route().equals(route)) {
      unexplained.add("the engine did not route the request its binding wrote: " + ours);
      return;
    }
    // the message the engine binds is the one sent, but where a union's variant gains its discriminator: it must bind it again
    Routed again = engine.toGrpc(binding.toRest(call.request().message(), call.request().metadata()));
    if (!(again instanceof Routed.Call callAgain) || !callAgain.request().message().equals(call.request().message())) {
      unexplained.add("the engine does not bind its own message again: " + again);
      return;
    }
    ArmeriaOracle.Captured armeria = send(oracle, rest);
    if (!armeria.called()) {
      Optional<OracleDifference> refusal = OracleDifference.ofRefusal(route, rest, armeria);
      if (refusal.isEmpty() && armeria.status() == 400 && OracleDifference.hasUnion(call.request().message())) {
        // the union alone: without it, Armeria takes the request
        Message withoutUnions = OracleDifference.withoutUnions(call.request().message());
        refusal = send(oracle, binding.toRest(withoutUnions, new Metadata())).called() ? Optional.of(OracleDifference.UNION) : refusal;
      }
      refusal.ifPresentOrElse(classes::add, () -> unexplained.add("Armeria answered " + armeria.status() + " " + armeria.responseBody()));
      return;
    }
    if (!armeria.rpc().equals(route.method().getFullName())) {
      List<MethodDescriptor> other = engine.routes().routes().stream().map(Route::method)
          .filter(m -> m.getFullName().equals(armeria.rpc())).distinct().toList();
      if (RouteTable.ofMethods(other).match(rest.method(), rest.target()) instanceof RouteMatch.Matched) {
        classes.add(OracleDifference.PRECEDENCE);
      } else {
        unexplained.add("Armeria called " + armeria.rpc());
      }
      return;
    }
    Message mine = call.request().message();
    for (String path : differingFields(mine, armeria.request(), "")) {
      OracleDifference.ofField(route, path, mine).ifPresentOrElse(classes::add,
          () -> unexplained.add("field " + path + ": engine " + valueAt(mine, path) + ", Armeria " + valueAt(armeria.request(), path)));
    }
  }

  private static ArmeriaOracle.Captured send(ArmeriaOracle oracle, RestRequest rest) {
    Map<String, String> headers = new LinkedHashMap<>();
    rest.headers().list().forEach(h -> headers.merge(h.name(), h.value(), (a, b) -> a + ", " + b));
    if (!rest.contentType().isEmpty()) {
      headers.put("content-type", rest.contentType());
    }
    return oracle.send(rest.method(), rest.target(), headers, rest.body().toByteArray());
  }

  /** The dotted paths of the fields whose values differ; singular messages (not well-known types) are compared field by field. */
  static List<String> differingFields(Message a, Message b, String prefix) {
    List<String> paths = new ArrayList<>();
    Set<FieldDescriptor> fields = new TreeSet<>((x, y) -> Integer.compare(x.getIndex(), y.getIndex()));
    fields.addAll(a.getAllFields().keySet());
    fields.addAll(b.getAllFields().keySet());
    for (FieldDescriptor field : fields) {
      Object x = a.getField(field);
      Object y = b.getField(field);
      if (x.equals(y) && (field.isRepeated() || a.hasField(field) == b.hasField(field))) {
        continue;
      }
      if (!field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && !field.getMessageType().getFullName().startsWith("google.") && a.hasField(field) && b.hasField(field)) {
        paths.addAll(differingFields((Message) x, (Message) y, prefix + field.getName() + "."));
      } else {
        paths.add(prefix + field.getName());
      }
    }
    return paths;
  }

  /** The field at a dotted path, as text; "(unset)" where it has no value. */
  static String valueAt(Message message, String path) {
    Message at = message;
    String[] names = path.split("\\.");
    for (int i = 0; i < names.length; i++) {
      FieldDescriptor field = at.getDescriptorForType().findFieldByName(names[i]);
      boolean set = field.isRepeated() ? at.getRepeatedFieldCount(field) > 0 : at.hasField(field);
      if (!set) {
        return "(unset)";
      }
      if (i == names.length - 1) {
        String text = String.valueOf(at.getField(field)).replace('\n', ' ');
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
      }
      at = (Message) at.getField(field);
    }
    return "(unset)";
  }

  String row() {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d routes (%3d not HttpRule or streams) %5d compared %5d identical (%5.1f%%)  %s",
        routes, notHttpRule, compared, identical, compared == 0 ? 100.0 : 100.0 * identical / compared,
        byClass.entrySet().stream().map(e -> e.getKey().label() + "=" + e.getValue()).collect(Collectors.joining(" "))));
    unclassified.stream().limit(3).forEach(u -> row.append("\n    UNCLASSIFIED ").append(u.length() > 400 ? u.substring(0, 400) + "…" : u));
    return row.toString();
  }

  OracleComparison plus(OracleComparison other) {
    Map<OracleDifference, Integer> classes = new EnumMap<>(OracleDifference.class);
    classes.putAll(byClass);
    other.byClass.forEach((c, n) -> classes.merge(c, n, Integer::sum));
    return new OracleComparison(routes + other.routes, notHttpRule + other.notHttpRule, compared + other.compared,
        identical + other.identical, classes, List.of());
  }

  static final OracleComparison NONE = new OracleComparison(0, 0, 0, 0, Map.of(), List.of());
}
