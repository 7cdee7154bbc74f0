package io.rest2grpc.sample.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error the API reports on purpose. {@code code} is a stable UPPER_SNAKE_CASE reason that
 * clients (and later the gRPC ErrorInfo) can rely on; the message becomes the problem's detail.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final List<FieldViolation> violations;

  public ApiException(HttpStatus status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(HttpStatus status, String code, String message, List<FieldViolation> violations) {
    super(message);
    this.status = status;
    this.code = code;
    this.violations = List.copyOf(violations);
  }

  public static ApiException notFound(String resource, Object id) {
    return new ApiException(HttpStatus.NOT_FOUND, resource.toUpperCase().replace(' ', '_') + "_NOT_FOUND",
        "No " + resource + " with id " + id);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(HttpStatus.CONFLICT, code, message);
  }

  public static ApiException unprocessable(List<FieldViolation> violations) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "BUSINESS_RULE_VIOLATED",
        "The request is well-formed but breaks " + violations.size() + " business rule(s)", violations);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
