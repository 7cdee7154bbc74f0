package io.rest2grpc.shadow.compare;

import com.google.api.AnnotationsProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.shadow.routes.RouteRule;
import io.rest2grpc.shadow.routes.TrafficDependence;
import io.rest2grpc.shadow.shadowing.GrpcAnswer;
import io.rest2grpc.transcoding.engine.Routed;
import io.rest2grpc.transcoding.equivalence.Difference;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.streams.StreamCodec;
import io.rest2grpc.transcoding.streams.StreamFrames;
import io.rest2grpc.transcoding.streams.StreamWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a server stream frame by frame, in the REST side's terms: the gRPC side's messages are written as the
 * engine writes them for REST (SSE ids and event names included), and each frame's JSON compared with REST's under
 * the REST JSON equivalence, its SSE {@code event} and {@code id} as text. Paths are {@code /<frame>/data/…},
 * {@code /<frame>/event} and {@code /<frame>/id}, from frame 0.
 *
 * <p>Neither stream need be whole. A frame one side sent and the other did not counts as a mismatch only when the
 * other could not still send it: it had ended, or (the gRPC side) its window closed after REST's frame came. A stream
 * with nothing comparable on either side (a quiet live feed) is not compared at all.
 */
public final class StreamParity {

  private StreamParity() {}

  /** The gRPC side's answer as the engine writes it for REST: a stream, or the error that ended it before any message. */
  public static RestResponse grpcAsRest(Routed.Call call, GrpcAnswer grpc) {
    if (grpc.ended() && !grpc.status().isOk() && grpc.messages().isEmpty()) {
      return ErrorTransform.of(call.call().method()).toHttp(StatusProto.fromStatusAndTrailers(grpc.status(), grpc.trailers()), call.rest().path());
    }
    StreamCodec codec = call.call().responseStream().orElseThrow();
    return new RestResponse(200, RestHeaders.NONE, codec.mediaType(), written(call, grpc));
  }

  /**
   * REST's stream against the gRPC side's; empty when nothing of them can be compared. A route that depends on the
   * traffic compares by shape ({@link TrafficDependence#SHAPE}) or only the status ({@link TrafficDependence#STATUS}).
   */
  public static Optional<ParityCheck.Checked> compare(Routed.Call call, GrpcAnswer grpc, RestResponse restHead, StreamSeen rest,
      RouteRule rule) {
    RestResponse expected = grpcAsRest(call, grpc);
    List<Mismatch> mismatches = new ArrayList<>();
    if (expected.status() != restHead.status()) {
      mismatches.add(new Mismatch(Mismatch.Kind.STATUS, "", Integer.toString(restHead.status()), Integer.toString(expected.status())));
      return Optional.of(new ParityCheck.Checked(expected, mismatches));
    }
    if (rule.trafficDependence() == TrafficDependence.STATUS) {
      return Optional.of(new ParityCheck.Checked(expected, mismatches));
    }
    StreamCodec codec = call.call().responseStream().orElseThrow();
    List<StreamFrames.Frame> grpcFrames = frames(codec, expected.body(), grpc.ended());
    int judged = 0;
    for (int i = 0; i < Math.max(rest.frames().size(), grpcFrames.size()); i++) {
      String at = "/" + i;
      if (i < rest.frames().size() && i < grpcFrames.size()) {
        frame(call.call().method(), at, rest.frames().get(i).frame(), grpcFrames.get(i), rule, mismatches);
        judged++;
      } else if (i >= grpcFrames.size()) { // REST sent it: missing unless the gRPC side could still send it
        if (grpc.ended() || rest.frames().get(i).at().compareTo(grpc.took()) < 0) {
          mismatches.add(new Mismatch(Mismatch.Kind.BODY, at, rest.frames().get(i).frame().json(), "(absent)"));
          judged++;
        }
      } else if (rest.ended()) { // the gRPC side sent it; REST, had it not ended, might have sent it later
        mismatches.add(new Mismatch(Mismatch.Kind.BODY, at, "(absent)", grpcFrames.get(i).json()));
        judged++;
      }
    }
    boolean bothEmptyAndDone = rest.frames().isEmpty() && grpcFrames.isEmpty() && rest.ended() && grpc.ended();
    if (judged == 0 && !bothEmptyAndDone) {
      return Optional.empty();
    }
    mismatches.removeIf(mismatch -> rule.ignored().covers(mismatch.where()));
    return Optional.of(new ParityCheck.Checked(expected, mismatches));
  }

  private static void frame(MethodDescriptor method, String at, StreamFrames.Frame rest, StreamFrames.Frame grpc, RouteRule rule,
      List<Mismatch> into) {
    if (!rest.sse().event().equals(grpc.sse().event())) {
      into.add(new Mismatch(Mismatch.Kind.BODY, at + "/event", quoted(rest.sse().event()), quoted(grpc.sse().event())));
    }
    if (!rest.sse().id().equals(grpc.sse().id())) {
      into.add(new Mismatch(Mismatch.Kind.BODY, at + "/id", quoted(rest.sse().id()), quoted(grpc.sse().id())));
    }
    if (rule.trafficDependence() == TrafficDependence.SHAPE) {
      JsonShape.differences(rest.json(), grpc.json()).forEach(mismatch ->
          into.add(new Mismatch(mismatch.kind(), at + "/data" + mismatch.where(), mismatch.expected(), mismatch.actual())));
      return;
    }
    data(method, rest, grpc).forEach(difference -> into.add(new Mismatch(Mismatch.Kind.BODY, at + "/data" + difference.pointer(),
        difference.expected(), difference.actual())));
  }

  /**
   * A data frame's differences by the stream's message (the response, or its {@code response_body} field, paths then
   * within that field); an error frame's as plain JSON.
   */
  private static List<Difference> data(MethodDescriptor method, StreamFrames.Frame rest, StreamFrames.Frame grpc) {
    if (rest.sse().event().equals(StreamWriter.ERROR_EVENT) || grpc.sse().event().equals(StreamWriter.ERROR_EVENT)) {
      return RestJsonEquivalence.compare(rest.json(), grpc.json()).differences();
    }
    Descriptor response = method.getOutputType();
    String field = method.getOptions().getExtension(AnnotationsProto.http).getResponseBody();
    if (field.isEmpty()) {
      return RestJsonEquivalence.compare(response, rest.json(), grpc.json()).differences();
    }
    String name = RestJson.restName(response.findFieldByName(field));
    String wrapped = "/" + name;
    return RestJsonEquivalence.compare(response, "{\"" + name + "\":" + rest.json() + "}", "{\"" + name + "\":" + grpc.json() + "}")
        .differences().stream().map(difference -> !difference.pointer().startsWith(wrapped) ? difference : new Difference(
            difference.pointer().substring(wrapped.length()), difference.expected(), difference.actual(), difference.reason())).toList();
  }

  /** The gRPC side's messages written as the REST stream, SSE ids numbered after the request's resume header as the engine does. */
  private static ByteString written(Routed.Call call, GrpcAnswer grpc) {
    StreamCodec codec = call.call().responseStream().orElseThrow();
    String resume = EffectiveOptions.of(call.call().method()).getResponseStream().getResumeHeader();
    StreamWriter writer = codec.writer(resume.isEmpty() ? null : call.rest().headers().first(resume).orElse(null));
    ByteString bytes = writer.opening();
    for (var message : grpc.messages()) {
      bytes = bytes.concat(writer.write(message));
    }
    if (grpc.ended()) {
      bytes = bytes.concat((grpc.status().isOk() ? writer.finish()
          : writer.fail(StatusProto.fromStatusAndTrailers(grpc.status(), grpc.trailers()))).lastBytes());
    }
    return bytes;
  }

  private static List<StreamFrames.Frame> frames(StreamCodec codec, ByteString bytes, boolean ended) {
    StreamFrames reader = codec.frames();
    List<StreamFrames.Frame> frames = new ArrayList<>(reader.push(bytes));
    if (ended) {
      frames.addAll(reader.end());
    }
    return frames;
  }

  private static String quoted(String text) {
    return text.isEmpty() ? "(none)" : "\"" + text + "\"";
  }
}
