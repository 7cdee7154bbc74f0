package io.rest2grpc.openapi.corpus;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.rest2grpc.transcoding.engine.HttpTranscoder;
import io.rest2grpc.transcoding.engine.MethodCall;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.requests.RequestBinding;
import io.rest2grpc.transcoding.routing.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Requests of one converted spec, both ways (issue 16, proof 1): for every route, a request message
 * with a value in each path variable and each query, header and cookie parameter ({@link FilledRequest})
 * is written as REST by that route's binding, routed and bound by the engine, and must come back as
 * the same RPC and route, the same message, and the same URL and headers when written again.
 *
 * @param unsupported routes of RPCs the engine cannot serve ({@code HttpTranscoder.unsupported()}: a list whose paging
 *     the converter could not complete), not tried
 * @param parameters the path variables and parameters given a value, over all routes tried
 * @param noRestForm request fields that cannot travel as a REST parameter (an object or list of objects without a
 *     recorded style, a header whose schema has no type): not given a value, listed
 * @param cameBack routes whose request came back whole
 */
record RequestRoundTrip(int routes, int unsupported, int parameters, int noRestForm, int cameBack, List<String> findings) {
  static RequestRoundTrip of(Collection<FileDescriptor> files) {
    HttpTranscoder engine = HttpTranscoder.of(files);
    int routes = 0;
    int unsupported = 0;
    int parameters = 0;
    int noRestForm = 0;
    int cameBack = 0;
    List<String> findings = new ArrayList<>();
    for (Route route : engine.routes().routes()) {
      routes++;
      if (engine.unsupported().containsKey(route.method())) {
        unsupported++;
        findings.add("unsupported: " + route + ": " + engine.unsupported().get(route.method()));
        continue;
      }
      MethodCall call = engine.call(route.method());
      RequestBinding binding = call.bindings().stream().filter(b -> b.route().equals(route)).findFirst().orElseThrow();
      List<String> given = List.of();
      try {
        FilledRequest filled = FilledRequest.of(route);
        given = filled.given();
        parameters += given.size();
        noRestForm += filled.untravelled().size();
        filled.untravelled().forEach(field -> findings.add("no REST form: " + route + " field " + field));
        Message sent = filled.message();
        RestRequest rest = binding.toRest(sent, new Metadata());
        Routed routed = engine.toGrpc(rest);
        if (!(routed instanceof Routed.Call back)) {
          findings.add("refused: " + route + " " + rest.target() + " → " + ((Routed.Refused) routed).detail());
        } else if (!back.route().equals(route)) {
          findings.add("other route: " + route + " " + rest.target() + " → " + back.route());
        } else if (!back.request().message().equals(sent)) {
          findings.add("other message: " + route + " " + rest.target() + " sent " + oneLine(sent) + " bound " + oneLine(back.request().message()));
        } else {
          RestRequest again = binding.toRest(back.request().message(), back.request().metadata());
          if (again.target().equals(rest.target()) && again.headers().equals(rest.headers())) {
            cameBack++;
          } else {
            findings.add("other URL: " + route + " " + rest.target() + " then " + again.target());
          }
        }
      } catch (RuntimeException e) {
        findings.add("failed: " + route + " with " + given + ": " + e);
      }
    }
    return new RequestRoundTrip(routes, unsupported, parameters, noRestForm, cameBack, findings);
  }

  private static String oneLine(Message message) {
    String text = message.toString().replace('\n', ' ');
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  String row() {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d routes (%3d unsupported) %6d values (%3d fields with no REST form)  came back %5d",
        routes, unsupported, parameters, noRestForm, cameBack));
    findings.stream().limit(3).forEach(f -> row.append("\n    ").append(f.length() > 400 ? f.substring(0, 400) + "…" : f));
    return row.toString();
  }

  RequestRoundTrip plus(RequestRoundTrip other) {
    return new RequestRoundTrip(routes + other.routes, unsupported + other.unsupported, parameters + other.parameters,
        noRestForm + other.noRestForm, cameBack + other.cameBack, List.of());
  }

  static final RequestRoundTrip NONE = new RequestRoundTrip(0, 0, 0, 0, 0, List.of());
}
