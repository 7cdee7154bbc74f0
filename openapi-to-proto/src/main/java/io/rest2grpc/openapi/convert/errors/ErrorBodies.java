package io.rest2grpc.openapi.convert.errors;

import static io.rest2grpc.openapi.convert.schemas.ObjectProperties.find;
import static io.rest2grpc.openapi.convert.schemas.ObjectProperties.pointer;

import com.google.protobuf.Value;
import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.RestErrorBody;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds, in the schema of an error response, the members that carry what {@code google.rpc.Status}
 * and its details carry: the message, the reason, the repeated HTTP status, per-field violations, a
 * help link, a request id, a retry delay, the request's path, and constants such as Slack's
 * {@code "ok": false}. The result is the {@code RestErrorBody} option, whose members are JSON
 * pointers (module README, "Errors"); an empty pointer means the body has no such member.
 */
final class ErrorBodies {
  static final String PROBLEM_JSON = "application/problem+json";

  private static final List<String> MESSAGE = List.of("detail", "message", "error_description", "error_message", "errormessage",
      "description", "msg", "title");
  private static final List<String> REASON = List.of("code", "error_code", "errorcode", "type", "reason", "error_type", "errortype",
      "slug", "error");
  private static final List<String> STATUS = List.of("status", "status_code", "statuscode", "http_status", "httpstatus", "http_code");
  private static final List<String> VIOLATIONS = List.of("errors", "invalid_params", "invalid-params", "violations", "field_errors",
      "fielderrors", "validation_errors", "validationerrors", "invalidparams", "fields");
  private static final List<String> VIOLATION_FIELD = List.of("field", "name", "param", "parameter", "path", "pointer", "property",
      "propertypath", "location", "loc");
  private static final List<String> VIOLATION_DESCRIPTION = List.of("message", "description", "reason", "detail", "msg", "error");
  private static final List<String> HELP = List.of("doc_url", "documentation_url", "more_info", "moreinfo", "help_url", "helpurl",
      "documentation", "docs", "link");
  private static final List<String> REQUEST_ID = List.of("request_id", "requestid", "trace_id", "traceid", "correlation_id",
      "correlationid");
  private static final List<String> RETRY = List.of("retry_after", "retryafter", "retry_after_seconds");
  private static final List<String> FLAGS = List.of("ok", "success");

  private final ObjectProperties objects;

  ErrorBodies(ObjectProperties objects) {
    this.objects = objects;
  }

  /**
   * The body mapping of one error response's content (null or empty: no body); {@code schemaAt}
   * gives where the schema of a media type is written.
   */
  RestErrorBody of(Content content, Function<String, SourceLocation> schemaAt) {
    RestErrorBody.Builder body = RestErrorBody.newBuilder();
    if (content == null || content.isEmpty()) {
      return body.setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_NONE).build();
    }
    Map.Entry<String, MediaType> json = MediaTypes.jsonMedia(content);
    if (json == null) {
      return body.setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_NONE).setMediaType(content.keySet().iterator().next()).build();
    }
    body.setMediaType(json.getKey());
    Map<String, Located<Schema<?>>> top = objects.of(objects.resolve(json.getValue().getSchema(), schemaAt.apply(json.getKey())));
    boolean problem = MediaTypes.base(json.getKey()).equals(PROBLEM_JSON)
        || (find(top, "title") != null && (find(top, "type") != null || find(top, "detail") != null));
    String base = "";
    Map<String, Located<Schema<?>>> error = top;
    String envelope = problem ? null : find(top, "error");
    if (envelope != null) {
      Map<String, Located<Schema<?>>> inner = objects.of(top.get(envelope));
      if (!inner.isEmpty()) {
        base = pointer("", envelope);
        error = inner;
      }
    }
    String message = first(error, MESSAGE, false);
    String reason = reason(error, message);
    String status = status(error, reason);
    if (message == null && reason == null && base.isEmpty()) {
      String list = find(top, "errors");
      Map<String, Located<Schema<?>>> item = list == null ? Map.of() : itemProperties(top.get(list));
      if (first(item, MESSAGE, false) != null) {
        base = pointer("", list) + "/0";
        error = item;
        message = first(item, MESSAGE, false);
        reason = reason(item, message);
      }
    }
    if (message == null && reason == null) {
      return body.setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_OPAQUE).build();
    }
    body.setStyle(problem ? ErrorBodyStyle.ERROR_BODY_STYLE_PROBLEM : ErrorBodyStyle.ERROR_BODY_STYLE_ENVELOPE);
    put(body::setMessage, base, message);
    put(body::setReason, base, reason);
    put(body::setHttpStatus, base, status);
    violations(body, top, error, base);
    put(body::setHelpUrl, base, first(error, HELP, false));
    put(body::setRequestId, base, first(error, REQUEST_ID, false));
    if (body.getRequestId().isEmpty() && !base.isEmpty()) {
      put(body::setRequestId, "", first(top, REQUEST_ID, false));
    }
    put(body::setRetryDelay, base, first(error, RETRY, false));
    put(body::setInstance, base, instance(error, problem));
    for (String flag : FLAGS) {
      String name = find(top, flag);
      if (name != null && Schemas.types(top.get(name).value()).contains("boolean")) {
        body.putConstants(pointer("", name), Value.newBuilder().setBoolValue(false).build());
      }
    }
    return body.build();
  }

  /** RFC 9457's "instance"; else the "path" of Spring Boot's own error body ({timestamp, status, error, path}). */
  private static String instance(Map<String, Located<Schema<?>>> error, boolean problem) {
    boolean springBoot = find(error, "timestamp") != null && find(error, "status") != null;
    return problem ? first(error, List.of("instance"), false) : springBoot ? first(error, List.of("path"), false) : null;
  }

  /** A string code wins over a type; an integer code is a reason only where the body has another status member. */
  private static String reason(Map<String, Located<Schema<?>>> error, String message) {
    for (String candidate : REASON) {
      String name = find(error, candidate);
      if (name == null || name.equals(message)) {
        continue;
      }
      Schema<?> schema = error.get(name).value();
      boolean integer = Schemas.types(schema).contains("integer");
      if (!integer || first(error, STATUS, true) != null && !STATUS.contains(name.toLowerCase(Locale.ROOT))) {
        if (!Schemas.types(schema).contains("object") && !Schemas.types(schema).contains("array")) {
          return name;
        }
      }
    }
    String status = find(error, "status");
    return status != null && Schemas.types(error.get(status).value()).contains("string") ? status : null;
  }

  /** An integer status member; AIP-193's {@code {code: 404, status: "NOT_FOUND"}} keeps the HTTP status in code. */
  private static String status(Map<String, Located<Schema<?>>> error, String reason) {
    String status = first(error, STATUS, true);
    if (status != null) {
      return status;
    }
    String code = find(error, "code");
    return code != null && !code.equals(reason) && Schemas.types(error.get(code).value()).contains("integer") ? code : null;
  }

  private void violations(RestErrorBody.Builder body, Map<String, Located<Schema<?>>> top, Map<String, Located<Schema<?>>> error,
      String base) {
    for (Map.Entry<String, Map<String, Located<Schema<?>>>> scope : List.of(Map.entry(base, error), Map.entry("", top))) {
      if (scope.getKey().contains("/0")) {
        continue;
      }
      for (String candidate : VIOLATIONS) {
        String name = find(scope.getValue(), candidate);
        if (name == null) {
          continue;
        }
        Map<String, Located<Schema<?>>> item = itemProperties(scope.getValue().get(name));
        String field = first(item, VIOLATION_FIELD, false);
        String description = first(item, VIOLATION_DESCRIPTION, false);
        if (field != null && description != null) {
          body.setFieldViolations(pointer(scope.getKey(), name)).setViolationField(field).setViolationDescription(description);
          return;
        }
      }
    }
  }

  private static void put(Consumer<String> setter, String base, String member) {
    if (member != null) {
      setter.accept(pointer(base, member));
    }
  }

  /** The first candidate the properties have (scalars only); {@code integer} restricts to integer members. */
  private static String first(Map<String, Located<Schema<?>>> properties, List<String> candidates, boolean integer) {
    for (String candidate : candidates) {
      String name = find(properties, candidate);
      if (name == null) {
        continue;
      }
      var types = Schemas.types(properties.get(name).value());
      if (integer ? types.contains("integer") : !types.contains("object") && !types.contains("array")) {
        return name;
      }
    }
    return null;
  }

  private Map<String, Located<Schema<?>>> itemProperties(Located<Schema<?>> array) {
    return objects.of(objects.items(array));
  }
}
