package io.rest2grpc.shadow.compare;

import com.google.api.AnnotationsProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.TrafficDependence;
import io.rest2grpc.shadow.shadowing.GrpcAnswer;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.responses.ResponseTranscoder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares, in the REST side's terms, REST's answer with the gRPC side's answer to the same request as the engine
 * writes it for REST: the status, the headers clients act on ({@code Location}, {@code ETag}, {@code Link},
 * {@code Retry-After}, {@code WWW-Authenticate}) and the media type, and a JSON body under the REST JSON equivalence
 * (a success's by its message, so a timestamp compares as an instant whatever its offset; an error's as plain JSON),
 * less the route's ignored paths. A traffic-dependent route compares its body by shape, or not at all.
 */
public final class ParityCheck {
  public static final List<String> COMPARED_HEADERS = List.of("Location", "ETag", "Link", "Retry-After", "WWW-Authenticate");

  /**
   * The gRPC answer as the engine writes it for REST, and how it differs from REST's answer.
   *
   * @param grpcAsRest the gRPC side's answer in REST terms
   * @param mismatches empty: the same answer
   */
  public record Checked(RestResponse grpcAsRest, List<Mismatch> mismatches) {}

  private ParityCheck() {}

  /** {@code grpc}'s answer against {@code rest}'s, under the route's rule (its ignored paths, its traffic dependence). */
  public static Checked compare(Routed.Call call, GrpcAnswer grpc, RestResponse rest, RouteRule rule) {
    RestResponse expected = grpcAsRest(call, grpc);
    return new Checked(expected, mismatches(call, rest, expected, rule));
  }

  /** A server stream's answer when REST's is not a stream (its error) is {@link StreamParity#grpcAsRest}'s. */
  private static RestResponse grpcAsRest(Routed.Call call, GrpcAnswer grpc) {
    if (call.call().method().isServerStreaming()) {
      return StreamParity.grpcAsRest(call, grpc);
    }
    ResponseTranscoder responses = call.call().responses().orElseThrow();
    return grpc.status().isOk()
        ? responses.toRest(grpc.message(), grpc.headers(), grpc.trailers(), call.context())
        : responses.toRest(grpc.status(), grpc.trailers(), call.context());
  }

  private static List<Mismatch> mismatches(Routed.Call call, RestResponse restAsSent, RestResponse grpcAsRest, RouteRule rule) {
    RestResponse rest = withUnorderedArraysSorted(restAsSent, rule);
    RestResponse expected = withUnorderedArraysSorted(grpcAsRest, rule);
    List<Mismatch> mismatches = new ArrayList<>();
    if (expected.status() != rest.status()) {
      mismatches.add(new Mismatch(Mismatch.Kind.STATUS, "", Integer.toString(rest.status()), Integer.toString(expected.status())));
    }
    for (String name : COMPARED_HEADERS) {
      if (rule.ignoresHeader(name)) {
        continue;
      }
      Optional<String> restValue = rest.headers().first(name);
      Optional<String> grpcValue = expected.headers().first(name);
      if (!restValue.equals(grpcValue) && !(name.equals("Link") && restValue.isPresent() && grpcValue.isPresent()
          && linkTargets(restValue.get()).equals(linkTargets(grpcValue.get())))) {
        mismatches.add(new Mismatch(Mismatch.Kind.HEADER, name, restValue.orElse("(absent)"), grpcValue.orElse("(absent)")));
      }
    }
    String restType = baseType(rest.mediaType());
    String grpcType = baseType(expected.mediaType());
    boolean bodies = !call.rest().method().equals("HEAD") && !(rest.body().isEmpty() && expected.body().isEmpty())
        && rule.trafficDependence() != TrafficDependence.STATUS;
    if (bodies && !restType.equals(grpcType)) {
      mismatches.add(new Mismatch(Mismatch.Kind.HEADER, "Content-Type", restType.isEmpty() ? "(absent)" : restType,
          grpcType.isEmpty() ? "(absent)" : grpcType));
    } else if (bodies && restType.endsWith("json") && rule.trafficDependence() == TrafficDependence.SHAPE) {
      JsonShape.differences(rest.body().toStringUtf8(), expected.body().toStringUtf8()).stream()
          .filter(mismatch -> !rule.ignored().covers(mismatch.where())).forEach(mismatches::add);
    } else if (bodies && restType.endsWith("json")) {
      body(call, rest, expected).differences().stream().filter(difference -> !rule.ignored().covers(difference.pointer()))
          .forEach(difference -> mismatches.add(new Mismatch(Mismatch.Kind.BODY, difference.pointer(), difference.expected(),
              difference.actual())));
    } else if (bodies && !rest.body().equals(expected.body())) {
      mismatches.add(new Mismatch(Mismatch.Kind.BODY, "", rest.body().size() + " bytes", expected.body().size() + " other bytes"));
    }
    return mismatches;
  }

  /**
   * A success's body by the response message: the whole message, or its {@code response_body} field, wrapped in an
   * object of that one field (paths then start with the field's name); anything else as plain JSON.
   */
  private static Comparison body(Routed.Call call, RestResponse rest, RestResponse expected) {
    String restBody = rest.body().toStringUtf8();
    String grpcBody = expected.body().toStringUtf8();
    if (rest.status() / 100 != 2) {
      return RestJsonEquivalence.compare(restBody, grpcBody);
    }
    Descriptor response = call.call().method().getOutputType();
    String field = call.call().method().getOptions().getExtension(AnnotationsProto.http).getResponseBody();
    if (field.isEmpty()) {
      return RestJsonEquivalence.compare(response, restBody, grpcBody);
    }
    String name = RestJson.restName(response.findFieldByName(field));
    return RestJsonEquivalence.compare(response, wrap(name, restBody), wrap(name, grpcBody));
  }

  private static RestResponse withUnorderedArraysSorted(RestResponse response, RouteRule rule) {
    if (rule.unordered().patterns().isEmpty() || !baseType(response.mediaType()).endsWith("json")) {
      return response;
    }
    return new RestResponse(response.status(), response.headers(), response.mediaType(),
        ByteString.copyFromUtf8(UnorderedArrays.sorted(response.body().toStringUtf8(), rule.unordered())));
  }

  private static String wrap(String field, String json) {
    return "{\"" + field.replace("\"", "\\\"") + "\":" + json + "}";
  }

  /**
   * A Link header's links, each its target's path and query and its parameters: the same links whether a server
   * writes them absolute (from the host it was reached by) or relative.
   */
  static List<String> linkTargets(String header) {
    List<String> links = new ArrayList<>();
    for (String link : header.split(",(?=\\s*<)")) {
      int open = link.indexOf('<');
      int close = link.indexOf('>', open + 1);
      if (open < 0 || close < 0) {
        links.add(link.strip());
        continue;
      }
      String target = link.substring(open + 1, close);
      try {
        URI uri = URI.create(target);
        target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      } catch (IllegalArgumentException notAUri) {
        // compared as written
      }
      links.add(target + link.substring(close + 1).replace(" ", ""));
    }
    return links;
  }

  private static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
