package io.rest2grpc.sample.error;

import io.rest2grpc.sample.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 7807 bodies every error of the API shares: {@code code} and {@code request_id} always set. */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    decorate(problem, code, request);
    return problem;
  }

  static void decorate(ProblemDetail problem, String code, HttpServletRequest request) {
    problem.setProperty("code", code);
    problem.setProperty("request_id", RequestIds.of(request));
  }

  static void addViolations(ProblemDetail problem, List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      problem.setProperty("errors", violations);
    }
  }
}
