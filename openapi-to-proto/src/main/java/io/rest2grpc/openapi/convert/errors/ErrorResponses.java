package io.rest2grpc.openapi.convert.errors;

import com.google.rpc.Code;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.proto.RpcOptions;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.transcoding.errors.HttpStatusCodes;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Maps the error responses an operation documents to gRPC codes by the server-side table
 * ({@link HttpStatusCodes}), records each with its headers and body mapping as the
 * {@code RestMethod.errors} option of the RPC, and lists them for the RPC's comment. Every documented response
 * that is not a success gets a code or a report row.
 */
public final class ErrorResponses {
  private static final Pattern STATUS_CLASS = Pattern.compile("[45][xX][xX]");
  private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");

  private final RefResolver refs;
  private final Findings report;
  private final ErrorBodies bodies;
  /** Body mappings by where the response is written: most operations share a few response components. */
  private final Map<String, RestErrorBody> bodyByResponse = new HashMap<>();

  public ErrorResponses(RefResolver refs, Findings report) {
    this.refs = refs;
    this.report = report;
    this.bodies = new ErrorBodies(new ObjectProperties(refs));
  }

  /**
   * Records the operation's error responses and returns the lines of the RPC comment that list
   * them ("404 NOT_FOUND: No such order."), empty when it documents none.
   *
   * @param defaultIsSuccess the spec's "default" response is the operation's only success response
   * @param schemaAt where the schema of a response's media type is written
   */
  public List<String> convert(Map<String, ApiResponse> responses, String httpMethod, SourceLocation responsesAt, String element,
      RpcOptions.Builder rest, boolean defaultIsSuccess, Function<SourceLocation, Function<String, SourceLocation>> schemaAt) {
    List<RestError> errors = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<String> keys = new ArrayList<>(responses.keySet());
    keys.sort(Comparator.comparing(ErrorResponses::order));
    for (String key : keys) {
      SourceLocation at = responsesAt.child(key);
      String upper = key.toUpperCase(Locale.ROOT);
      int status;
      boolean statusClass = false;
      Code code;
      if (key.equals("default")) {
        if (defaultIsSuccess) {
          continue;
        }
        status = 0;
        code = Code.UNKNOWN;
      } else if (STATUS_CLASS.matcher(key).matches()) {
        status = (upper.charAt(0) - '0') * 100;
        statusClass = true;
        code = HttpStatusCodes.toCode(status, httpMethod).code();
      } else if (STATUS.matcher(key).matches()) {
        status = Integer.parseInt(key);
        if (status < 400) {
          if (status >= 300 || status < 200) {
            report.info(Category.NON_ERROR_RESPONSE, at, element,
                key + " is neither a success nor an error: gRPC has no such outcome; the REST facade must answer it itself");
          }
          continue;
        }
        HttpStatusCodes.Mapping mapping = HttpStatusCodes.toCode(status, httpMethod);
        code = mapping.code();
        if (mapping.byClass()) {
          report.info(Category.ERROR_STATUS_BY_CLASS, at, element,
              key + " has no row in the status table; mapped by its class to " + code.name());
        }
      } else {
        report.warn(Category.UNREADABLE_RESPONSE_KEY, at, element,
            "'" + key + "' is not a status code, a class such as 4XX, or default; the response is not mapped");
        continue;
      }
      Located<ApiResponse> response = refs.response(responses.get(key), at);
      RestErrorBody body = bodyByResponse.computeIfAbsent(response.location().toString(), where -> bodies.of(
          response.value() == null ? null : response.value().getContent(), schemaAt.apply(response.location())));
      if (body.getStyle() == ErrorBodyStyle.ERROR_BODY_STYLE_OPAQUE) {
        report.info(Category.OPAQUE_ERROR_BODY, response.location(), element,
            key + ": no message or reason member found in the error body; it travels whole beside the Status");
      }
      errors.add(RestError.newBuilder().setHttpStatus(status).setStatusClass(statusClass).setCode(code).addAllHeaders(headers(response))
          .setBody(body).build());
      lines.add(line(key, statusClass ? key.toUpperCase(Locale.ROOT) : key, code, response.value()));
    }
    rest.errors(errors);
    return lines;
  }

  private static String line(String key, String shown, Code code, ApiResponse response) {
    String description = response == null || response.getDescription() == null ? "" : firstLine(response.getDescription());
    String label = key.equals("default") ? "other errors" : shown + " " + code.name();
    return description.isEmpty() ? label : label + ": " + description;
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }

  private List<String> headers(Located<ApiResponse> response) {
    List<String> names = new ArrayList<>();
    if (response.value() != null && response.value().getHeaders() != null) {
      response.value().getHeaders().forEach((name, header) -> {
        Located<Header> resolved = refs.header(header, response.location().child("headers").child(name));
        if (resolved.value() != null) {
          names.add(name);
        }
      });
    }
    return names;
  }

  /** Statuses in numeric order, classes after them, default last. */
  private static String order(String key) {
    if (key.equals("default")) {
      return "9";
    }
    return STATUS_CLASS.matcher(key).matches() ? "6" + key.toUpperCase(Locale.ROOT) : key;
  }
}
