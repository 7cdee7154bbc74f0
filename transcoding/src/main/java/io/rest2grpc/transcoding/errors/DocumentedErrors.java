package io.rest2grpc.transcoding.errors;

import com.google.rpc.Code;
import io.rest2grpc.options.v1.RestError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The error responses one method documents ({@code RestMethod.errors}), looked up by status and by code. */
final class DocumentedErrors {
  private record Documented(RestError error, ErrorBodyLayout layout) {}

  private final List<Documented> errors;
  private final String httpMethod;

  DocumentedErrors(List<RestError> errors, String httpMethod, String methodName) {
    this.errors = errors.stream()
        .map(e -> new Documented(e, e.hasBody() ? new ErrorBodyLayout(e.getBody(), methodName + " (error " + label(e) + ")") : ErrorBodyLayout.TEXT))
        .toList();
    this.httpMethod = httpMethod;
  }

  /** The documented code of the status, else the server-side table's. */
  Code code(int status) {
    return exact(status).map(Documented::error).map(RestError::getCode)
        .filter(code -> code != Code.OK && code != Code.UNRECOGNIZED)
        .orElseGet(() -> HttpStatusCodes.toCode(status, httpMethod).code());
  }

  /** Where the status's body keeps each part; an undocumented status has a text body. */
  ErrorBodyLayout layout(int status) {
    return matching(status).map(Documented::layout).orElse(ErrorBodyLayout.TEXT);
  }

  /** Whether the method documents a response for the status: its own entry, its class's or "default". */
  boolean documents(int status) {
    return matching(status).isPresent();
  }

  /** Lower-case names of the headers that belong to an error with this status: those documented, Retry-After and WWW-Authenticate. */
  Set<String> headerNames(int status) {
    Set<String> names = new LinkedHashSet<>();
    matching(status).ifPresent(d -> d.error.getHeadersList().forEach(name -> names.add(name.toLowerCase(Locale.ROOT))));
    names.add(RetryAfter.HEADER);
    names.add("www-authenticate");
    return names;
  }

  /**
   * The status for a code, when nothing recorded the original: the one documented status with this
   * code; among several, the table's if it is one of them, else the lowest; with none, the table's.
   */
  int status(Code code) {
    int standard = HttpStatusCodes.toHttpStatus(code);
    List<Integer> documented = errors.stream()
        .map(Documented::error)
        .filter(e -> !e.getStatusClass() && e.getHttpStatus() >= 400 && e.getHttpStatus() <= 599 && code(e.getHttpStatus()) == code)
        .map(RestError::getHttpStatus)
        .distinct()
        .sorted()
        .toList();
    if (documented.isEmpty() || documented.contains(standard)) {
      return standard;
    }
    return documented.get(0);
  }

  /** The status's own entry, else its class's ("4XX"), else "default". */
  private Optional<Documented> matching(int status) {
    return exact(status)
        .or(() -> errors.stream().filter(d -> d.error.getStatusClass() && d.error.getHttpStatus() / 100 == status / 100).findFirst())
        .or(() -> errors.stream().filter(d -> d.error.getHttpStatus() == 0).findFirst());
  }

  private Optional<Documented> exact(int status) {
    return errors.stream().filter(d -> !d.error.getStatusClass() && d.error.getHttpStatus() == status).findFirst();
  }

  private static String label(RestError error) {
    return error.getHttpStatus() == 0 ? "default" : error.getStatusClass() ? error.getHttpStatus() / 100 + "XX" : Integer.toString(error.getHttpStatus());
  }
}
