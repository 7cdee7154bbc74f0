package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the converter records for the HTTP transcoding engine (issue 16 §4; README, "Services and
 * RPCs" and "Streaming"), counted from the compiled descriptor set, each checked to name what exists:
 * merge patch masks, multipart file parts (of them repeated) and part media types, HttpBody responses
 * (each with its media type), SSE streams with ids and of them those whose id is a member of the message,
 * streams and of them those whose messages are google.protobuf.Struct.
 */
record TranscodingFacts(Map<String, Integer> counts) {
  static final TranscodingFacts NONE = new TranscodingFacts(Map.of());

  static TranscodingFacts of(Map<String, FileDescriptor> compiled, String spec) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("merge patch masks", 0);
    counts.put("file parts", 0);
    counts.put("repeated", 0);
    counts.put("part media types", 0);
    counts.put("HttpBody responses", 0);
    counts.put("SSE ids", 0);
    counts.put("from a member", 0);
    counts.put("streams", 0);
    counts.put("of Struct", 0);
    for (FileDescriptor file : compiled.values()) {
      file.getServices().forEach(service -> service.getMethods().forEach(method -> method(method, spec, counts)));
      if (!file.getName().startsWith("google/") && !file.getName().startsWith("rest2grpc/")) {
        file.getMessageTypes().forEach(message -> message.getFields().forEach(field -> field(field, counts)));
      }
    }
    return new TranscodingFacts(counts);
  }

  private static void method(MethodDescriptor method, String spec, Map<String, Integer> counts) {
    RestMethod rest = EffectiveOptions.of(method);
    if (!rest.getMergePatchMaskField().isEmpty()) {
      FieldDescriptor mask = method.getInputType().findFieldByName(rest.getMergePatchMaskField());
      assertThat(mask).as("%s: %s names a request field", spec, method.getFullName()).isNotNull();
      assertThat(mask.getMessageType().getFullName()).as("%s: %s mask", spec, method.getFullName()).isEqualTo("google.protobuf.FieldMask");
      counts.merge("merge patch masks", 1, Integer::sum);
    }
    if (method.getOutputType().getFullName().equals("google.api.HttpBody")) {
      assertThat(rest.getResponseMediaType()).as("%s: %s media type", spec, method.getFullName()).isNotEmpty();
      counts.merge("HttpBody responses", 1, Integer::sum);
    }
    if (method.isServerStreaming() || method.isClientStreaming()) {
      counts.merge("streams", 1, Integer::sum);
      boolean struct = method.isServerStreaming() ? method.getOutputType().getFullName().equals("google.protobuf.Struct")
          : method.getInputType().getFields().stream().anyMatch(f -> f.getType() == FieldDescriptor.Type.MESSAGE
              && f.getMessageType().getFullName().equals("google.protobuf.Struct")
              && f.getName().equals(method.getOptions().getExtension(AnnotationsProto.http).getBody()));
      counts.merge("of Struct", struct ? 1 : 0, Integer::sum);
    }
    if (rest.getResponseStream().getSseIds()) {
      counts.merge("SSE ids", 1, Integer::sum);
      counts.merge("from a member", rest.getResponseStream().getSseIdMember().isEmpty() ? 0 : 1, Integer::sum);
    }
  }

  private static void field(FieldDescriptor field, Map<String, Integer> counts) {
    if (field.getType() == FieldDescriptor.Type.MESSAGE && field.getMessageType().getFullName().equals("rest2grpc.multipart.v1.FilePart")) {
      counts.merge("file parts", 1, Integer::sum);
      counts.merge("repeated", field.isRepeated() ? 1 : 0, Integer::sum);
    }
    if (!field.getOptions().getExtension(OptionsProto.field).getPartContentType().isEmpty()) {
      counts.merge("part media types", 1, Integer::sum);
    }
  }

  TranscodingFacts plus(TranscodingFacts other) {
    Map<String, Integer> sum = new LinkedHashMap<>(counts);
    other.counts.forEach((k, n) -> sum.merge(k, n, Integer::sum));
    return new TranscodingFacts(sum);
  }

  String row() {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
