package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.grpc.Metadata;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.http.ResponseHead;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One method's successful response status and headers ⇄ gRPC response metadata (the transcoding
 * README, "Success statuses and headers"). Each header the method documents
 * ({@code RestMethod.response_headers}) travels under its lower-case name, every value kept
 * ({@code Link} may repeat); the status travels under {@link #HTTP_STATUS_KEY} only when it is not
 * the method's {@code success_status} (200 when unset). Immutable, thread-safe.
 */
public final class SuccessTransform {
  /** The HTTP status of the response, in decimal, when it differs from the method's success status. */
  public static final Metadata.Key<String> HTTP_STATUS_KEY = Metadata.Key.of("rest2grpc-http-status", Metadata.ASCII_STRING_MARSHALLER);

  // gRPC's own headers: the transport sets or strips them, so they cannot carry a REST header
  private static final Set<String> RESERVED = Set.of("content-type", "te", "user-agent", "host", HTTP_STATUS_KEY.name());

  private record Documented(String name, Metadata.Key<String> key) {}

  private final int successStatus;
  private final List<Documented> headers = new ArrayList<>();

  private SuccessTransform(RestMethod method, String name) {
    this.successStatus = method.getSuccessStatus() == 0 ? 200 : method.getSuccessStatus();
    for (String header : method.getResponseHeadersList()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (headers.stream().anyMatch(documented -> documented.key.name().equals(lower))) {
        continue;
      }
      if (RESERVED.contains(lower) || lower.startsWith("grpc-") || lower.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        throw new IllegalArgumentException("response header " + header + " of " + name + " cannot travel as gRPC metadata,"
            + " which reserves that name; leave it out of (rest2grpc.options.v1.method).response_headers");
      }
      try {
        headers.add(new Documented(header, Metadata.Key.of(lower, Metadata.ASCII_STRING_MARSHALLER)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("response header \"" + header + "\" of " + name + " is not a valid header name: " + e.getMessage(), e);
      }
    }
  }

  public static SuccessTransform of(MethodDescriptor method) {
    return new SuccessTransform(EffectiveOptions.of(method), method.getFullName());
  }

  public static SuccessTransform of(RestMethod method) {
    return new SuccessTransform(method, "the method");
  }

  /** The response metadata for a successful REST response (status 200 to 399): the documented headers, and the status if unusual. */
  public Metadata toMetadata(int status, RestHeaders restHeaders) {
    if (status < 200 || status > 399) {
      throw new IllegalArgumentException("toMetadata takes a successful status (200 to 399), got " + status
          + (status >= 400 ? ": errors go through ErrorTransform" : ""));
    }
    Metadata metadata = new Metadata();
    if (status != successStatus) {
      metadata.put(HTTP_STATUS_KEY, Integer.toString(status));
    }
    for (Documented header : headers) {
      restHeaders.all(header.name).forEach(value -> metadata.put(header.key, value));
    }
    return metadata;
  }

  /** The status and the documented headers (spelled as documented, in that order) of a gRPC response's metadata. */
  public ResponseHead fromMetadata(Metadata metadata) {
    String status = metadata.get(HTTP_STATUS_KEY);
    List<RestHeaders.Header> restHeaders = new ArrayList<>();
    for (Documented header : headers) {
      Iterable<String> values = metadata.getAll(header.key);
      if (values != null) {
        values.forEach(value -> restHeaders.add(new RestHeaders.Header(header.name, value)));
      }
    }
    return new ResponseHead(status == null ? successStatus : parseStatus(status), new RestHeaders(restHeaders));
  }

  private static int parseStatus(String text) {
    try {
      int status = Integer.parseInt(text.strip());
      if (status >= 200 && status <= 399) {
        return status;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(HTTP_STATUS_KEY.name() + " must be a successful HTTP status (200 to 399), got \"" + text + "\"");
  }
}
