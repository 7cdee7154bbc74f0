package io.rest2grpc.transcoding.requests;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.grpc.Metadata;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.options.v1.RestSecurityScheme;
import io.rest2grpc.transcoding.http.CallParameters;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What of a REST request travels as gRPC metadata instead of request fields, both ways:
 * credentials (each security scheme's {@code metadata_key}), {@code RestMethod.metadata_headers},
 * the shared parameters the method takes, the stream resume header and the configured pass-through
 * headers ({@code traceparent}…); and the method's constants, checked and dropped one way, added back
 * the other.
 */
final class CallMetadata {
  /** A REST parameter carried in metadata under {@code key}. */
  private record Carried(Location location, String name, String key) {}

  private final List<Carried> carried;
  private final List<RestConstant> constants;

  private CallMetadata(List<Carried> carried, List<RestConstant> constants) {
    this.carried = List.copyOf(carried);
    this.constants = List.copyOf(constants);
  }

  static CallMetadata of(MethodDescriptor method, Collection<String> passThroughHeaders) {
    RestMethod rest = EffectiveOptions.of(method);
    Map<String, Carried> carried = new LinkedHashMap<>();
    for (RestSecurityScheme scheme : method.getFile().getOptions().getExtension(OptionsProto.file).getSecuritySchemesMap().values()) {
      if (scheme.getMetadataKey().isEmpty()) {
        continue;
      }
      Location location = switch (scheme.getApiKeyIn()) {
        case "query" -> Location.QUERY;
        case "cookie" -> Location.COOKIE;
        default -> Location.HEADER;
      };
      String name = scheme.getApiKeyName().isEmpty() ? "Authorization" : scheme.getApiKeyName();
      add(carried, new Carried(location, name, scheme.getMetadataKey()));
    }
    for (String header : rest.getMetadataHeadersList()) {
      add(carried, new Carried(Location.HEADER, header, header.toLowerCase(Locale.ROOT)));
    }
    CallParameters parameters = CallParameters.of(method);
    for (RestParameter shared : parameters.shared()) {
      add(carried, new Carried(location(shared.getLocation()), shared.getName(), shared.getMetadataKey()));
    }
    for (String resume : List.of(rest.getRequestStream().getResumeHeader(), rest.getResponseStream().getResumeHeader())) {
      if (!resume.isEmpty()) {
        add(carried, new Carried(Location.HEADER, resume, resume.toLowerCase(Locale.ROOT)));
      }
    }
    for (String header : passThroughHeaders) {
      add(carried, new Carried(Location.HEADER, header, header.toLowerCase(Locale.ROOT)));
    }
    return new CallMetadata(new ArrayList<>(carried.values()), parameters.constants());
  }

  private static void add(Map<String, Carried> carried, Carried parameter) {
    carried.putIfAbsent(parameter.location() + " " + parameter.name().toLowerCase(Locale.ROOT), parameter);
  }

  /**
   * REST → gRPC: moves each carried parameter into {@code metadata} and each constant out of the
   * request, taking both out of {@code query} and {@code cookies} (headers are only read: names in
   * lower case). Throws {@link InvalidRequest} for a constant with another value.
   */
  void toGrpc(Map<String, List<String>> query, Map<String, List<String>> headers, Map<String, String> cookies, Metadata metadata) {
    for (Carried parameter : carried) {
      Metadata.Key<String> key = Metadata.Key.of(parameter.key(), Metadata.ASCII_STRING_MARSHALLER);
      switch (parameter.location()) {
        case QUERY -> {
          List<String> values = query.remove(parameter.name());
          if (values != null) {
            values.forEach(v -> metadata.put(key, v));
          }
        }
        case COOKIE -> {
          String value = cookies.remove(parameter.name());
          if (value != null) {
            metadata.put(key, value);
          }
        }
        default -> headers.getOrDefault(parameter.name().toLowerCase(Locale.ROOT), List.of()).forEach(v -> metadata.put(key, v));
      }
    }
    for (RestConstant constant : constants) {
      Location location = location(constant.getLocation());
      List<String> values = switch (location) {
        case QUERY -> query.remove(constant.getName());
        case COOKIE -> cookies.containsKey(constant.getName()) ? List.of(cookies.remove(constant.getName())) : null;
        default -> headers.get(constant.getName().toLowerCase(Locale.ROOT));
      };
      if (values != null && values.stream().anyMatch(v -> !v.equals(constant.getValue()))) {
        throw new InvalidRequest(location, constant.getName(), "takes only '" + constant.getValue() + "', got '" + values.get(0) + "'");
      }
    }
  }

  /** gRPC → REST: the carried metadata entries back as parameters, and the constants added. */
  void toRest(Metadata metadata, Map<String, List<String>> query, Map<String, String> headers, Map<String, String> cookies) {
    for (Carried parameter : carried) {
      Iterable<String> values = metadata.getAll(Metadata.Key.of(parameter.key(), Metadata.ASCII_STRING_MARSHALLER));
      if (values == null) {
        continue;
      }
      List<String> list = new ArrayList<>();
      values.forEach(list::add);
      switch (parameter.location()) {
        case QUERY -> query.put(parameter.name(), list);
        case COOKIE -> cookies.put(parameter.name(), list.get(0));
        default -> headers.put(parameter.name(), String.join(", ", list));
      }
    }
    for (RestConstant constant : constants) {
      switch (location(constant.getLocation())) {
        case QUERY -> query.put(constant.getName(), List.of(constant.getValue()));
        case COOKIE -> cookies.put(constant.getName(), constant.getValue());
        default -> headers.put(constant.getName(), constant.getValue());
      }
    }
  }

  private static Location location(ParameterLocation location) {
    return switch (location) {
      case PARAMETER_LOCATION_QUERY -> Location.QUERY;
      case PARAMETER_LOCATION_COOKIE -> Location.COOKIE;
      default -> Location.HEADER;
    };
  }
}
