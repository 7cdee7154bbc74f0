package io.rest2grpc.transcoding.routing;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.options.v1.BodyEncoding;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.http.MediaTypes;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The media types a route's RPC takes and gives, and whether a request's {@code Content-Type} and
 * {@code Accept} fit them: what turns a route into a 415 or a 406. Read from the options once per
 * RPC, when the route table is built.
 *
 * @param accepted the request body types the RPC takes; empty when it takes no body (any Content-Type is then ignored)
 * @param given the response body's type; empty for an RPC that answers {@code Empty}
 */
record MediaRanges(Set<String> accepted, Set<String> given) {
  private static final String JSON = "application/json";

  MediaRanges {
    accepted = Set.copyOf(accepted);
    given = Set.copyOf(given);
  }

  static MediaRanges of(MethodDescriptor method) {
    return new MediaRanges(accepted(method), given(method));
  }

  private static Set<String> accepted(MethodDescriptor method) {
    RestMethod rest = EffectiveOptions.of(method);
    Set<String> types = new LinkedHashSet<>(rest.getRequestMediaTypesList());
    if (!rest.getRequestMediaType().isEmpty()) {
      types.add(rest.getRequestMediaType());
    }
    if (!rest.getRequestStream().getMediaType().isEmpty()) {
      types.add(rest.getRequestStream().getMediaType()); // a client stream's framing: NDJSON, SSE, JSON-seq
    }
    if (!types.isEmpty()) {
      return types;
    }
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    if (rule.getBody().isEmpty() && rest.getRestBody().isEmpty() && !rest.getRequestIsBody()
        && rest.getBodyEncoding() == BodyEncoding.BODY_ENCODING_UNSPECIFIED) {
      return Set.of();
    }
    return switch (rest.getBodyEncoding()) {
      case BODY_ENCODING_FORM -> Set.of("application/x-www-form-urlencoded");
      case BODY_ENCODING_MULTIPART -> Set.of("multipart/form-data");
      case BODY_ENCODING_RAW -> Set.of("*/*");
      default -> Set.of(JSON);
    };
  }

  /** A server stream's framing, else the recorded type, else JSON. */
  private static Set<String> given(MethodDescriptor method) {
    if (method.getOutputType().getFullName().equals("google.protobuf.Empty")) {
      return Set.of();
    }
    RestMethod rest = EffectiveOptions.of(method);
    if (!rest.getResponseStream().getMediaType().isEmpty()) {
      return Set.of(rest.getResponseStream().getMediaType());
    }
    String recorded = rest.getResponseMediaType();
    return Set.of(recorded.isEmpty() ? JSON : recorded);
  }

  /** Whether {@code contentType} is one of {@link #accepted}: parameters ignored; JSON also as any {@code +json} type. */
  boolean takes(String contentType) {
    String type = MediaTypes.essence(contentType);
    for (String a : accepted) {
      String ours = MediaTypes.essence(a);
      if (ours.equals("*/*") || ours.equals(type) || ours.equals(JSON) && type.startsWith("application/") && type.endsWith("+json")
          || ours.endsWith("/*") && type.startsWith(ours.substring(0, ours.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Whether an {@code Accept} header admits one of {@link #given}: a range with q above 0 that covers it. */
  boolean admits(String accept) {
    for (String range : accept.split(",")) {
      String[] parts = range.split(";", -1);
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if (type.isEmpty() || quality(parts) <= 0) {
        continue;
      }
      for (String ours : given) {
        String essence = MediaTypes.essence(ours);
        if (type.equals("*/*") || type.equals(essence) || type.endsWith("/*") && essence.startsWith(type.substring(0, type.length() - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
