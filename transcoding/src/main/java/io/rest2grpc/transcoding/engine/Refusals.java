package io.rest2grpc.transcoding.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RequestInfo;
import com.google.rpc.Status;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.errors.HttpStatusCodes;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How the engine writes the responses it answers itself, so that a legacy client cannot tell them
 * from the service's own: in the error format the API documents for the status (the method's, else
 * the first method's that documents the status, else an RFC 9457 problem as Spring MVC writes it),
 * with the refusal's configured reason, the request's path as the instance and a request id (the
 * request's own, else a new one) in the body and in the request-id header.
 */
final class Refusals {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern GIVEN_REQUEST_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final Map<Refusal, String> reasons;
  private final String requestIdHeader;
  private final Map<MethodDescriptor, ErrorTransform> formats;
  private final Map<Integer, ErrorTransform> apiFormats;

  private Refusals(Map<Refusal, String> reasons, String requestIdHeader, Map<MethodDescriptor, ErrorTransform> formats,
      Map<Integer, ErrorTransform> apiFormats) {
    this.reasons = reasons;
    this.requestIdHeader = requestIdHeader;
    this.formats = formats;
    this.apiFormats = apiFormats;
  }

  /**
   * {@code reasons} over the defaults ({@link Refusal#defaultReason()}); {@code requestIdHeader}
   * empty for none. The methods' error formats come from their options; a method whose options
   * give none (no error domain) has the API's.
   */
  static Refusals of(Collection<MethodDescriptor> methods, Map<Refusal, String> reasons, String requestIdHeader) {
    Map<Refusal, String> all = new EnumMap<>(Refusal.class);
    for (Refusal refusal : Refusal.values()) {
      all.put(refusal, reasons.getOrDefault(refusal, refusal.defaultReason()));
    }
    Map<MethodDescriptor, ErrorTransform> formats = new LinkedHashMap<>();
    for (MethodDescriptor method : methods) {
      try {
        formats.put(method, ErrorTransform.of(method));
      } catch (IllegalArgumentException noErrorDomain) {
        // the method is unsupported(); its refusal takes the API's format
      }
    }
    Map<Integer, ErrorTransform> apiFormats = new LinkedHashMap<>();
    for (Refusal refusal : Refusal.values()) {
      formats.values().stream().filter(format -> format.documents(refusal.httpStatus())).findFirst()
          .ifPresent(format -> apiFormats.putIfAbsent(refusal.httpStatus(), format));
    }
    return new Refusals(Map.copyOf(all), requestIdHeader, Map.copyOf(formats), Map.copyOf(apiFormats));
  }

  /**
   * The refusal of {@code request}, for {@code method} where a route named one; {@code detail} is
   * the message, {@code headers} what the status needs ({@code Allow}).
   */
  Routed.Refused refuse(Refusal refusal, Optional<MethodDescriptor> method, RestRequest request, String detail, RestHeaders headers,
      Optional<BadRequest.FieldViolation> violation) {
    Optional<String> requestId = requestId(request);
    List<RestHeaders.Header> all = new ArrayList<>(headers.list());
    requestId.ifPresent(id -> all.add(new RestHeaders.Header(requestIdHeader, id)));
    int httpStatus = refusal.httpStatus();
    Optional<ErrorTransform> format = method.map(formats::get).filter(f -> f.documents(httpStatus))
        .or(() -> Optional.ofNullable(apiFormats.get(httpStatus)));
    if (format.isEmpty()) {
      return new Routed.Refused(refusal, problem(httpStatus, detail, request.path(), new RestHeaders(all)), detail);
    }
    Status.Builder status = Status.newBuilder().setCode(refusal.code().getNumber()).setMessage(detail)
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reasons.get(refusal)).build()));
    violation.ifPresent(v -> status.addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(v).build())));
    requestId.ifPresent(id -> status.addDetails(Any.pack(RequestInfo.newBuilder().setRequestId(id).build())));
    return new Routed.Refused(refusal, format.get().written(httpStatus, status.build(), request.path(), new RestHeaders(all)), detail);
  }

  private Optional<String> requestId(RestRequest request) {
    if (requestIdHeader.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(request.headers().first(requestIdHeader).filter(id -> GIVEN_REQUEST_ID.matcher(id).matches())
        .orElseGet(() -> UUID.randomUUID().toString()));
  }

  /** An RFC 9457 problem, what Spring MVC itself answers since Spring 6, for an API that documents no body for the status. */
  private static RestResponse problem(int status, String detail, String path, RestHeaders headers) {
    StringWriter body = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(body)) {
      out.writeStartObject();
      out.writeStringField("type", "about:blank");
      out.writeStringField("title", HttpStatusCodes.reasonPhrase(status));
      out.writeNumberField("status", status);
      out.writeStringField("detail", detail);
      out.writeStringField("instance", path);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return new RestResponse(status, headers, "application/problem+json", ByteString.copyFromUtf8(body.toString()));
  }
}
