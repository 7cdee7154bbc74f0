package io.rest2grpc.sample.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The committed contract (src/main/resources/openapi.yaml): its operations, and a validator for responses. */
public final class ContractSpec {

  public static final String RESOURCE = "openapi.yaml";
  private static final ContractSpec INSTANCE = load();

  private final String yaml;
  private final OpenAPI openApi;
  private final OpenApiInteractionValidator validator;
  private final List<Operation> operations;

  private ContractSpec(String yaml) {
    this.yaml = yaml;
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    var result = new OpenAPIV3Parser().readContents(yaml, null, options);
    if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
      throw new IllegalStateException(RESOURCE + " does not parse: " + result.getMessages());
    }
    this.openApi = result.getOpenAPI();
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
    this.operations = collectOperations(openApi);
  }

  public static ContractSpec get() {
    return INSTANCE;
  }

  public String yaml() {
    return yaml;
  }

  public OpenAPI openApi() {
    return openApi;
  }

  /** Every documented operation with its documented response statuses. */
  public List<Operation> operations() {
    return operations;
  }

  public Optional<Operation> match(String method, String path) {
    String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return operations.stream()
        .filter(op -> op.method.equals(method) && op.pattern.matcher(pathOnly).matches())
        .min(Comparator.comparingInt(op -> op.template.split("\\{").length));
  }

  /** Problems found when checking a response against the contract; empty when it conforms. */
  public List<String> violations(Exchange exchange) {
    String pathOnly = exchange.path().contains("?")
        ? exchange.path().substring(0, exchange.path().indexOf('?')) : exchange.path();
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    exchange.headers().map().forEach((name, values) -> response.withHeader(name, values));
    if (exchange.bytes().length > 0) {
      response.withBody(exchange.body());
    }
    ValidationReport report = validator.validateResponse(pathOnly,
        Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT)), response.build());
    List<String> problems = new ArrayList<>();
    report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .forEach(m -> problems.add(m.getKey() + ": " + m.getMessage()));
    return problems;
  }

  private static ContractSpec load() {
    try (InputStream in = ContractSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new ContractSpec(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + RESOURCE, e);
    }
  }

  private static List<Operation> collectOperations(OpenAPI openApi) {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
      path.getValue().readOperationsMap().forEach((method, operation) -> operations.add(new Operation(
          method.name(), path.getKey(), operation.getOperationId(),
          new TreeSet<>(operation.getResponses().keySet()))));
    }
    return List.copyOf(operations);
  }

  /** A documented operation: method, path template and the statuses it documents. */
  public static final class Operation {
    final String method;
    final String template;
    final String operationId;
    final TreeSet<String> statuses;
    final Pattern pattern;

    Operation(String method, String template, String operationId, TreeSet<String> statuses) {
      this.method = method;
      this.template = template;
      this.operationId = operationId;
      this.statuses = statuses;
      this.pattern = Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+"));
    }

    public String method() {
      return method;
    }

    public String template() {
      return template;
    }

    public TreeSet<String> statuses() {
      return statuses;
    }

    /** The template with every path parameter replaced by {@code value}. */
    public String pathWith(String value) {
      return template.replaceAll("\\{[^}]+}", value);
    }

    @Override
    public String toString() {
      return method + " " + template + (operationId == null ? "" : " (" + operationId + ")");
    }
  }
}
