package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Value;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One method's HTTP error responses ⇄ {@code google.rpc.Status}, by the errors the method documents
 * ({@code RestMethod.errors}) and the server-side status table ({@link HttpStatusCodes}). The
 * Status carries a {@link RestErrorOrigin} detail with whatever its message and standard details
 * cannot hold, so {@code toHttp(toStatus(response))} gives the same status, the same error headers
 * and an equivalent body (the transcoding README, "Errors"). Immutable, thread-safe.
 */
public final class ErrorTransform {
  private final DocumentedErrors errors;
  private final String domain;

  private ErrorTransform(DocumentedErrors errors, String domain) {
    this.errors = errors;
    this.domain = domain;
  }

  /**
   * From a method of a descriptor set loaded with its options registered: its effective RestMethod
   * ({@link EffectiveOptions}), the file's RestFile.error_domain (else the proto package) and its
   * HTTP method (RestMethod.rest_method, else the google.api.http rule).
   */
  public static ErrorTransform of(MethodDescriptor method) {
    RestMethod rest = EffectiveOptions.of(method);
    return of(rest, DescriptorFacts.errorDomain(method), DescriptorFacts.httpMethod(method, rest), method.getFullName());
  }

  /** From the options themselves; {@code httpMethod} decides 409 (ALREADY_EXISTS for POST, else ABORTED). */
  public static ErrorTransform of(RestMethod method, String errorDomain, String httpMethod) {
    return of(method, errorDomain, httpMethod, httpMethod + " " + method.getRestPath());
  }

  private static ErrorTransform of(RestMethod method, String errorDomain, String httpMethod, String name) {
    if (errorDomain == null || errorDomain.isBlank()) {
      throw new IllegalArgumentException("no error domain for " + name + ": set (rest2grpc.options.v1.file).error_domain, e.g. \"orders.example.com\"");
    }
    return new ErrorTransform(new DocumentedErrors(method.getErrorsList(), httpMethod, name), errorDomain);
  }

  /** The Status of an HTTP error response (status 400 to 599). */
  public Status toStatus(RestResponse error) {
    int httpStatus = requireError(error.status(), "toStatus takes an error response");
    Code code = errors.code(httpStatus);
    ErrorBodyLayout layout = errors.layout(httpStatus);
    Optional<JsonBodies.Parsed> json = JsonBodies.parse(error.body());
    ErrorFacts facts = json.filter(parsed -> parsed.value().hasStructValue())
        .map(parsed -> ErrorFacts.read(layout, parsed.value(), parsed.exact()))
        .orElseGet(() -> ErrorFacts.text(plainText(error)));
    String message = facts.message().orElseGet(() -> HttpStatusCodes.reasonPhrase(httpStatus));
    String reason = ErrorReasons.normalize(facts.reason().orElse(null), httpStatus);

    Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    status.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(domain).putAllMetadata(facts.metadata()).build()));
    addStandardDetails(status, code, reason, facts, error.headers());
    Optional<Value> exactJson = json.filter(JsonBodies.Parsed::exact).map(JsonBodies.Parsed::value);
    return status.addDetails(Any.pack(origin(error, exactJson, status.build(), layout))).build();
  }

  /** Every detail but ErrorInfo and the origin, each at most once (the transcoding README, "Errors"). */
  private static void addStandardDetails(Status.Builder status, Code code, String reason, ErrorFacts facts, RestHeaders headers) {
    String message = status.getMessage();
    if (!facts.violations().isEmpty()) {
      status.addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(facts.violations()).build()));
    }
    RetryAfter.read(headers).or(facts::retryDelay).ifPresent(delay -> status.addDetails(Any.pack(RetryInfo.newBuilder()
        .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(delay.getSeconds()).setNanos(delay.getNano())).build())));
    switch (code) {
      case FAILED_PRECONDITION -> status.addDetails(Any.pack(PreconditionFailure.newBuilder()
          .addViolations(PreconditionFailure.Violation.newBuilder().setType(reason).setDescription(message)).build()));
      case NOT_FOUND, ALREADY_EXISTS -> status.addDetails(Any.pack(ResourceInfo.newBuilder().setDescription(message).build()));
      case RESOURCE_EXHAUSTED -> status.addDetails(Any.pack(QuotaFailure.newBuilder()
          .addViolations(QuotaFailure.Violation.newBuilder().setDescription(message)).build()));
      default -> { }
    }
    facts.helpUrl().ifPresent(url -> status.addDetails(Any.pack(Help.newBuilder().addLinks(Help.Link.newBuilder().setUrl(url)).build())));
    facts.requestId().ifPresent(id -> status.addDetails(Any.pack(RequestInfo.newBuilder().setRequestId(id).build())));
  }

  /** The status, the error headers, and what the body has that the Status rebuilds differently. */
  private RestErrorOrigin origin(RestResponse error, Optional<Value> exactJson, Status withoutOrigin, ErrorBodyLayout layout) {
    RestErrorOrigin.Builder origin = RestErrorOrigin.newBuilder().setHttpStatus(error.status());
    Set<String> headerNames = errors.headerNames(error.status());
    for (RestHeaders.Header header : error.headers().list()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (headerNames.contains(name)) {
        origin.addHeadersBuilder().setName(name).setValue(header.value());
      }
    }
    ErrorBody.render(withoutOrigin, error.status(), layout).recordDifferences(error, exactJson, origin);
    return origin.build();
  }

  /**
   * The HTTP error response of a Status (any code but OK). With a RestErrorOrigin: its status,
   * headers and body. Without (a native gRPC implementation's error): the status the method
   * documents for the code, a body written from the message and details, and Retry-After from
   * RetryInfo.
   */
  public RestResponse toHttp(Status status) {
    return toHttp(status, "");
  }

  /**
   * {@link #toHttp(Status)}, for a request to {@code requestPath}: a body written without an origin
   * names the path at the layout's instance member (RFC 9457 {@code instance}).
   */
  public RestResponse toHttp(Status status, String requestPath) {
    requireNotOk(status);
    Code code = Optional.ofNullable(Code.forNumber(status.getCode())).orElse(Code.UNKNOWN);
    Optional<RestErrorOrigin> origin = StatusDetails.find(status, RestErrorOrigin.class);
    if (origin.isEmpty()) {
      RestHeaders headers = StatusDetails.find(status, RetryInfo.class)
          .map(retry -> RestHeaders.of(RetryAfter.HEADER, RetryAfter.write(retry.getRetryDelay())))
          .orElse(RestHeaders.NONE);
      return written(errors.status(code), status, requestPath, headers);
    }
    int httpStatus = requireError(origin.get().getHttpStatus(), "the Status's RestErrorOrigin must name an error status");
    ErrorBody body = ErrorBody.render(status, httpStatus, errors.layout(httpStatus)).restoredBy(origin.get());
    RestHeaders headers = new RestHeaders(origin.get().getHeadersList().stream().map(h -> new RestHeaders.Header(h.getName(), h.getValue())).toList());
    return new RestResponse(httpStatus, headers, body.mediaType(), body.bytes());
  }

  /**
   * The error response a REST edge writes itself for a request to {@code requestPath} (the engine's
   * refusals): {@code httpStatus} with the body its layout gives the Status, and these headers.
   */
  public RestResponse written(int httpStatus, Status status, String requestPath, RestHeaders headers) {
    requireNotOk(status);
    requireError(httpStatus, "written takes an error status");
    ErrorBodyLayout layout = errors.layout(httpStatus);
    ErrorBody body = ErrorBody.render(status, httpStatus, layout).withInstance(layout, requestPath);
    return new RestResponse(httpStatus, headers, body.mediaType(), body.bytes());
  }

  /** Whether the method documents a response for the status (its own, its class's "4XX", or "default"). */
  public boolean documents(int httpStatus) {
    return errors.documents(httpStatus);
  }

  private static void requireNotOk(Status status) {
    if (status.getCode() == Code.OK_VALUE) {
      throw new IllegalArgumentException("toHttp takes an error Status, got code OK: a successful call goes through SuccessTransform");
    }
  }

  /** A text/plain body is a message; nothing else that is not a JSON object is. */
  private static Optional<String> plainText(RestResponse error) {
    boolean text = error.mediaType().toLowerCase(Locale.ROOT).startsWith("text/plain");
    return text && !error.body().isEmpty() && error.body().isValidUtf8() ? Optional.of(error.body().toStringUtf8()) : Optional.empty();
  }

  private static int requireError(int httpStatus, String what) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException(what + " (HTTP 400 to 599), got " + httpStatus
          + (httpStatus < 400 ? ": successful responses go through SuccessTransform" : ""));
    }
    return httpStatus;
  }
}
