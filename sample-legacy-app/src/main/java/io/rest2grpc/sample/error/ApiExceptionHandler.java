package io.rest2grpc.sample.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.rest2grpc.sample.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure into an RFC 7807 {@code application/problem+json} body with a stable {@code code}. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> handleApiException(ApiException e, HttpServletRequest request) {
    ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage(), request);
    Problems.addViolations(problem, e.violations());
    return ResponseEntity.status(e.status()).body(problem);
  }

  @ExceptionHandler(PropertyReferenceException.class)
  ResponseEntity<ProblemDetail> handleUnknownSortProperty(PropertyReferenceException e, HttpServletRequest request) {
    String detail = "Cannot sort by '" + e.getPropertyName() + "'; sort by one of the documented properties";
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_SORT", detail, request));
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> handleDataIntegrity(DataIntegrityViolationException e, HttpServletRequest request) {
    log.warn("Data integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
        "The request conflicts with a concurrent change; retry it", request));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected failure on {} {} (request id {})", request.getMethod(), request.getRequestURI(),
        RequestIds.of(request), e);
    return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL",
        "An unexpected error occurred; quote request id " + RequestIds.of(request) + " when reporting it", request));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      violations.add(new FieldViolation(JsonFieldNames.of(error.getField()), error.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors()
        .forEach(error -> violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
    return validationProblem(violations, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors beanErrors) {
        beanErrors.getFieldErrors().forEach(error ->
            violations.add(new FieldViolation(JsonFieldNames.of(error.getField()), error.getDefaultMessage())));
      } else {
        String parameter = JsonFieldNames.of(String.valueOf(result.getMethodParameter().getParameterName()));
        result.getResolvableErrors()
            .forEach(error -> violations.add(new FieldViolation(parameter, error.getDefaultMessage())));
      }
    }
    return validationProblem(violations, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON for this operation");
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      Problems.addViolations(problem, List.of(new FieldViolation(field, "has an invalid value or type")));
    }
    problem.setProperty("code", "MALFORMED_BODY");
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private ResponseEntity<Object> validationProblem(List<FieldViolation> violations, HttpHeaders headers,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request has " + violations.size() + " invalid field(s)");
    Problems.addViolations(problem, violations);
    problem.setProperty("code", "VALIDATION_FAILED");
    return handleExceptionInternal(new IllegalArgumentException(problem.getDetail()), problem, headers,
        HttpStatus.BAD_REQUEST, request);
  }

  /** Every framework-produced problem gets the same {@code code}, {@code request_id} and {@code instance}. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem
        && request instanceof ServletWebRequest servletRequest) {
      HttpServletRequest httpRequest = servletRequest.getRequest();
      if (problem.getInstance() == null) {
        problem.setInstance(URI.create(httpRequest.getRequestURI()));
      }
      Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
      Problems.decorate(problem, code instanceof String given ? given : defaultCode(status), httpRequest);
    }
    return response;
  }

  private static String defaultCode(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "HTTP_" + status.value() : known.name();
  }
}
