package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.grpc.protobuf.StatusProto;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.sample.support.ContractCoverage;
import io.rest2grpc.sample.support.ContractSpec.Operation;
import io.rest2grpc.sample.support.ContractSpec;
import io.rest2grpc.sample.support.Exchange;
import io.rest2grpc.transcoding.HttpRulePatterns;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's proof on the sample app: its contract converted by openapi-to-proto maps every error
 * status of every operation to a gRPC code, and every error response the contract suite got on the
 * wire in this run goes HTTP → google.rpc.Status → (the grpc-status-details-bin trailer) → HTTP
 * with the same status, the same error headers and an equivalent body. Runs after the contract tests
 * (whose responses it replays), before the coverage check.
 */
@Order(Integer.MAX_VALUE - 1)
class ErrorRoundTripTest {

  private static final Path SPEC = Path.of("src/main/resources/openapi.yaml");
  /** Headers an error carries that a client may act on. */
  private static final List<String> ERROR_HEADERS = List.of("Retry-After", "WWW-Authenticate");

  private static final Map<String, MethodDescriptor> METHODS = new HashMap<>();

  @BeforeAll
  static void convertTheContract() {
    Map<String, FileDescriptor> files = DescriptorBuilder.build(OpenApiToProto.convert(SPEC, ConversionOptions.defaults()));
    for (FileDescriptor file : files.values()) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor method : service.getMethods()) {
          METHODS.put(route(method), method);
        }
      }
    }
  }

  /** "GET /v1/orders/{}" for a method, from its HttpRule (or its recorded REST route). */
  private static String route(MethodDescriptor method) {
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    String verb = HttpRulePatterns.method(rule);
    String path = HttpRulePatterns.path(rule);
    if (verb.isEmpty()) {
      var rest = EffectiveOptions.of(method);
      verb = rest.getRestMethod();
      path = rest.getRestPath();
    }
    return verb.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  private static MethodDescriptor methodOf(Operation operation) {
    MethodDescriptor method = METHODS.get(operation.method() + " " + operation.template().replaceAll("\\{[^}]*}", "{}"));
    assertThat(method).as("the RPC converted from %s", operation).isNotNull();
    return method;
  }

  @Test
  void everyDocumentedErrorStatusMapsToACode() {
    List<String> unmapped = new ArrayList<>();
    for (Operation operation : ContractSpec.get().operations()) {
      List<Integer> mapped = EffectiveOptions.of(methodOf(operation)).getErrorsList().stream()
          .map(RestError::getHttpStatus).toList();
      operation.statuses().stream().filter(s -> s.charAt(0) >= '4').map(Integer::valueOf)
          .filter(status -> !mapped.contains(status)).forEach(status -> unmapped.add(operation + " " + status));
    }
    assertThat(unmapped).as("documented error statuses without a RestError").isEmpty();
  }

  @Test
  void everyErrorTheContractSuiteSawRoundTrips() {
    Map<String, Exchange> errors = ContractCoverage.errors();
    Assumptions.assumeFalse(errors.isEmpty(), "run together with the contract tests");
    List<String> failures = new ArrayList<>();
    errors.forEach((key, exchange) -> {
      Operation operation = ContractSpec.get().match(exchange.method(), exchange.path()).orElseThrow();
      ErrorTransform transform = ErrorTransform.of(methodOf(operation));
      RestResponse sent = restResponse(exchange);

      Status status = transform.toStatus(sent);
      Status received = StatusProto.fromThrowable(StatusProto.toStatusRuntimeException(status));
      RestResponse answered = transform.toHttp(received);

      long errorInfos = received.getDetailsList().stream().filter(d -> d.is(ErrorInfo.class)).count();
      if (errorInfos != 1) {
        failures.add(key + ": " + errorInfos + " ErrorInfo details");
      }
      if (answered.status() != exchange.status()) {
        failures.add(key + ": status " + answered.status());
      }
      for (String header : ERROR_HEADERS) {
        if (!sent.headers().all(header).equals(answered.headers().all(header))) {
          failures.add(key + ": " + header + " " + sent.headers().all(header) + " became " + answered.headers().all(header));
        }
      }
      String before = exchange.body();
      String after = answered.body().toStringUtf8();
      if (before.isEmpty() ? !after.isEmpty() : !RestJsonEquivalence.compare(before, after).equal()) {
        failures.add(key + ": body " + before + " became " + after);
      }
    });
    System.out.printf("Error round trip: %d error responses of the contract suite, %d failed%n", errors.size(), failures.size());
    assertThat(failures).isEmpty();
  }

  private static RestResponse restResponse(Exchange exchange) {
    List<String> namesAndValues = new ArrayList<>();
    exchange.headers().map().forEach((name, values) -> values.forEach(value -> {
      namesAndValues.add(name);
      namesAndValues.add(value);
    }));
    String mediaType = exchange.contentType();
    return new RestResponse(exchange.status(), RestHeaders.of(namesAndValues.toArray(String[]::new)), mediaType,
        ByteString.copyFrom(exchange.bytes()));
  }
}
