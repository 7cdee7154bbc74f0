package io.rest2grpc.transcoding.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Any;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.EmptyProto;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorTransformTest {
  private static final RestMethod DOCUMENTED = RestMethod.newBuilder()
      .addErrors(RestError.newBuilder().setHttpStatus(409).setBody(ErrorBodies.SAMPLE_APP)).build();

  /** A compiled service with one method, its options set the way the converter writes them. */
  static MethodDescriptor method(HttpRule rule, RestMethod rest, RestFile file) throws Exception {
    FileDescriptorProto proto = FileDescriptorProto.newBuilder()
        .setName("acme/orders/v1/orders.proto").setPackage("acme.orders.v1").setSyntax("proto3")
        .addDependency("google/protobuf/empty.proto").addDependency(RestOptions.PROTO_PATH).addDependency("google/api/annotations.proto")
        .setOptions(FileOptions.newBuilder().setExtension(OptionsProto.file, file))
        .addService(ServiceDescriptorProto.newBuilder().setName("Orders").addMethod(MethodDescriptorProto.newBuilder()
            .setName("CreateOrder").setInputType(".google.protobuf.Empty").setOutputType(".google.protobuf.Empty")
            .setOptions(MethodOptions.newBuilder().setExtension(AnnotationsProto.http, rule).setExtension(OptionsProto.method, rest))))
        .build();
    FileDescriptor compiled = FileDescriptor.buildFrom(proto, new FileDescriptor[] {
        EmptyProto.getDescriptor(), OptionsProto.getDescriptor(), AnnotationsProto.getDescriptor()});
    return compiled.findServiceByName("Orders").findMethodByName("CreateOrder");
  }

  static Status conflict(ErrorTransform transform) {
    return transform.toStatus(RestResponse.of(409, RestHeaders.NONE, "application/problem+json", ErrorBodies.sampleApp(409)));
  }

  @Test
  void readsTheMethodTheFileAndTheHttpRuleFromTheDescriptor() throws Exception {
    MethodDescriptor method = method(HttpRule.newBuilder().setPost("/v1/orders").build(), DOCUMENTED,
        RestFile.newBuilder().setErrorDomain("orders.acme.com").build());
    Status status = conflict(ErrorTransform.of(method));
    assertThat(status.getCode()).isEqualTo(Code.ALREADY_EXISTS_VALUE);
    assertThat(StatusDetails.find(status, ErrorInfo.class).orElseThrow().getDomain()).isEqualTo("orders.acme.com");
  }

  @Test
  void anErrorWithoutABodyMappingTakesTheFilesSharedOne() throws Exception {
    RestMethod shared = RestMethod.newBuilder().addErrors(RestError.newBuilder().setHttpStatus(409)).build();
    MethodDescriptor method = method(HttpRule.newBuilder().setPost("/v1/orders").build(), shared,
        RestFile.newBuilder().setErrorDomain("orders.acme.com").setErrorBody(ErrorBodies.SAMPLE_APP).build());
    Status status = conflict(ErrorTransform.of(method));
    assertThat(status.getMessage()).as("the problem's detail, found through the file's error_body")
        .isEqualTo(conflict(ErrorTransform.of(DOCUMENTED, "orders.acme.com", "POST")).getMessage())
        .isNotEqualTo("Conflict");
  }

  @Test
  void theRestMethodWinsOverTheHttpRuleAndThePackageStandsInForAMissingDomain() throws Exception {
    MethodDescriptor method = method(HttpRule.newBuilder().setPost("/v1/orders").build(), DOCUMENTED.toBuilder().setRestMethod("PUT").build(),
        RestFile.getDefaultInstance());
    Status status = conflict(ErrorTransform.of(method));
    assertThat(status.getCode()).isEqualTo(Code.ABORTED_VALUE);
    assertThat(StatusDetails.find(status, ErrorInfo.class).orElseThrow().getDomain()).isEqualTo("acme.orders.v1");
  }

  @Test
  void optionsParsedWithoutTheRegistrySayWhatToDo() throws Exception {
    MethodDescriptor registered = method(HttpRule.newBuilder().setPost("/v1/orders").build(), DOCUMENTED, RestFile.getDefaultInstance());
    FileDescriptorProto unregistered = FileDescriptorProto.parseFrom(registered.getFile().toProto().toByteString());
    MethodDescriptor method = FileDescriptor.buildFrom(unregistered, registered.getFile().getDependencies().toArray(FileDescriptor[]::new))
        .findServiceByName("Orders").findMethodByName("CreateOrder");
    assertThatThrownBy(() -> ErrorTransform.of(method))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acme.orders.v1.Orders.CreateOrder")
        .hasMessageContaining("RestOptions.registry()");
  }

  @Test
  void aMethodWithoutAnyRestMethodIsRefused() throws Exception {
    MethodDescriptor method = method(HttpRule.getDefaultInstance(), DOCUMENTED, RestFile.getDefaultInstance());
    assertThatThrownBy(() -> ErrorTransform.of(method))
        .hasMessageContaining("acme.orders.v1.Orders.CreateOrder has no REST method");
  }

  @Test
  void aBadPointerNamesTheOptionAndTheMethod() {
    RestMethod method = RestMethod.newBuilder().setRestPath("/orders").addErrors(RestError.newBuilder().setHttpStatus(404)
        .setBody(RestErrorBody.newBuilder().setMessage("detail"))).build();
    assertThatThrownBy(() -> ErrorTransform.of(method, "orders.example.com", "GET"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RestErrorBody.message of GET /orders (error 404): \"detail\" is not a JSON pointer: it must start with '/',"
            + " as in \"/detail\"; fix the spec's error response or the options and re-run convert");
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 204, 304, 399, 600, 0})
  void onlyErrorStatusesAreTransformed(int status) {
    ErrorTransform transform = ErrorTransform.of(DOCUMENTED, "orders.example.com", "POST");
    assertThatThrownBy(() -> transform.toStatus(RestResponse.of(status, RestHeaders.NONE, "", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("toStatus takes an error response (HTTP 400 to 599), got " + status);
    Status withBadOrigin = Status.newBuilder().setCode(Code.INTERNAL_VALUE)
        .addDetails(Any.pack(RestErrorOrigin.newBuilder().setHttpStatus(status).build())).build();
    assertThatThrownBy(() -> transform.toHttp(withBadOrigin))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RestErrorOrigin must name an error status");
  }

  @Test
  void anOkStatusIsNotAnError() {
    assertThatThrownBy(() -> ErrorTransform.of(DOCUMENTED, "orders.example.com", "POST").toHttp(Status.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SuccessTransform");
  }

  @Test
  void anErrorDomainIsRequired() {
    assertThatThrownBy(() -> ErrorTransform.of(DOCUMENTED, " ", "POST"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("error_domain");
  }
}
