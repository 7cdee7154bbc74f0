package it.shop;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details whose status the exception carries: decided at run time, not by an annotation. */
@RestControllerAdvice
public class ShopAdvice {

  @ExceptionHandler(ShopException.class)
  ResponseEntity<ProblemDetail> refused(ShopException e, HttpServletRequest request) {
    return problem(HttpStatusCode.valueOf(e.status()), e.code(), e.getMessage(), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    String detail = e.getFieldErrors().stream().map(error -> error.getField() + " " + error.getDefaultMessage()).sorted().findFirst()
        .orElse("invalid input");
    return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail, request);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
