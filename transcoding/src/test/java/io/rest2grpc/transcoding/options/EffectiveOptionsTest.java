package io.rest2grpc.transcoding.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceOptions;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.rpc.Code;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestSecurityUse;
import io.rest2grpc.options.v1.RestService;
import io.rest2grpc.transcoding.RestOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Method > service > file, on descriptors linked here the way protoc compiles the converter's files. */
class EffectiveOptionsTest {
  private static final RestErrorBody FILE_BODY = RestErrorBody.newBuilder()
      .setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_PROBLEM).setMediaType("application/problem+json").setMessage("/detail").build();
  private static final RestErrorBody OWN_BODY = RestErrorBody.newBuilder().setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_NONE).build();
  private static final RestError SERVICE_NOT_FOUND = RestError.newBuilder().setHttpStatus(404).setCode(Code.NOT_FOUND).build();
  private static final RestError SERVICE_DEFAULT = RestError.newBuilder().setCode(Code.UNKNOWN).setBody(OWN_BODY).build();
  private static final RestError METHOD_CONFLICT = RestError.newBuilder().setHttpStatus(409).setCode(Code.ABORTED).build();
  private static final RestError METHOD_GONE = RestError.newBuilder().setHttpStatus(404).setCode(Code.NOT_FOUND).setBody(OWN_BODY).build();
  private static final RestError METHOD_CLIENT_ERRORS = RestError.newBuilder().setHttpStatus(400).setStatusClass(true)
      .setCode(Code.INVALID_ARGUMENT).build();
  private static final RestSecurityRequirement BEARER = requirement("bearer");
  private static final RestSecurityRequirement API_KEY = requirement("api_key");

  private static final RestService SERVICE = RestService.newBuilder()
      .addSecurity(BEARER).addAllErrors(List.of(SERVICE_NOT_FOUND, SERVICE_DEFAULT)).build();
  private static final RestFile FILE = RestFile.newBuilder().setErrorDomain("shop.example.com").setErrorBody(FILE_BODY).build();

  private static final FileDescriptor SHOP = link(
      method("Inherits", null),
      method("OwnErrors", RestMethod.newBuilder().addErrors(METHOD_CONFLICT).addErrors(METHOD_CLIENT_ERRORS).build()),
      method("OwnNotFound", RestMethod.newBuilder().addErrors(METHOD_GONE).build()),
      method("NoServiceErrors", RestMethod.newBuilder().addErrors(METHOD_CONFLICT).setNoServiceErrors(true).build()),
      method("OwnSecurity", RestMethod.newBuilder().addSecurity(API_KEY).build()),
      method("NoSecurity", RestMethod.newBuilder().setNoSecurity(true).setSuccessStatus(204).build()));

  @Test
  void aMethodWithoutAnOptionTakesTheServicesListsAndTheFilesErrorBody() {
    assertThat(effective("Inherits")).isEqualTo(RestMethod.newBuilder()
        .addErrors(SERVICE_NOT_FOUND.toBuilder().setBody(FILE_BODY))
        .addErrors(SERVICE_DEFAULT)
        .addSecurity(BEARER)
        .build());
  }

  @Test
  void theServicesErrorsJoinTheMethodsInStatusOrderStatusesThenClassesThenDefault() {
    RestMethod own = effective("OwnErrors");
    assertThat(own.getErrorsList()).containsExactly(
        SERVICE_NOT_FOUND.toBuilder().setBody(FILE_BODY).build(),
        METHOD_CONFLICT.toBuilder().setBody(FILE_BODY).build(),
        METHOD_CLIENT_ERRORS.toBuilder().setBody(FILE_BODY).build(),
        SERVICE_DEFAULT);
    assertThat(own.getSecurityList()).containsExactly(BEARER);
  }

  @Test
  void aMethodsErrorForAStatusWinsOverTheServicesForThatStatus() {
    assertThat(effective("OwnNotFound").getErrorsList()).containsExactly(METHOD_GONE, SERVICE_DEFAULT);
  }

  @Test
  void noServiceErrorsAndNoSecurityKeepWhatTheServiceWouldAdd() {
    RestMethod noServiceErrors = effective("NoServiceErrors");
    assertThat(noServiceErrors.getErrorsList()).containsExactly(METHOD_CONFLICT.toBuilder().setBody(FILE_BODY).build());
    assertThat(noServiceErrors.getNoServiceErrors()).isTrue();
    assertThat(noServiceErrors.getSecurityList()).containsExactly(BEARER);

    RestMethod noSecurity = effective("NoSecurity");
    assertThat(noSecurity.getSecurityList()).isEmpty();
    assertThat(noSecurity.getNoSecurity()).isTrue();
    assertThat(noSecurity.getErrorsCount()).isEqualTo(2);
    assertThat(noSecurity.getSuccessStatus()).as("the method's other fields are its own").isEqualTo(204);
  }

  @Test
  void aMethodsOwnSecurityReplacesTheServices() {
    assertThat(effective("OwnSecurity").getSecurityList()).containsExactly(API_KEY);
  }

  @Test
  void withoutServiceOrFileOptionsTheMethodsOwnOptionIsTheEffectiveOne() {
    RestMethod own = RestMethod.newBuilder().addErrors(METHOD_CONFLICT).addErrors(SERVICE_NOT_FOUND).setRestPath("/orders/{id}.json").build();
    assertThat(EffectiveOptions.of(own, RestService.getDefaultInstance(), RestFile.getDefaultInstance())).isEqualTo(own);
  }

  @Test
  void refusesOptionsParsedWithoutTheExtensionsRegistered() throws Exception {
    FileDescriptorProto unregistered = FileDescriptorProto.parseFrom(SHOP.toProto().toByteArray(), ExtensionRegistry.getEmptyRegistry());
    FileDescriptor file = FileDescriptor.buildFrom(unregistered, new FileDescriptor[] {OptionsProto.getDescriptor()});
    MethodDescriptor method = file.findServiceByName("ShopService").findMethodByName("Inherits");

    assertThatThrownBy(() -> EffectiveOptions.of(method))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.v1.ShopService were parsed without rest2grpc's extensions registered")
        .hasMessageContaining("DescriptorSets.load");
  }

  private static RestMethod effective(String method) {
    return EffectiveOptions.of(SHOP.findServiceByName("ShopService").findMethodByName(method));
  }

  private static RestSecurityRequirement requirement(String scheme) {
    return RestSecurityRequirement.newBuilder().addSchemes(RestSecurityUse.newBuilder().setScheme(scheme)).build();
  }

  private static MethodDescriptorProto method(String name, RestMethod option) {
    MethodDescriptorProto.Builder method = MethodDescriptorProto.newBuilder().setName(name)
        .setInputType(".shop.v1.Order").setOutputType(".shop.v1.Order");
    if (option != null) {
      method.setOptions(MethodOptions.newBuilder().setExtension(OptionsProto.method, option));
    }
    return method.build();
  }

  private static FileDescriptor link(MethodDescriptorProto... methods) {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("shop/v1/shop_service.proto").setPackage("shop.v1").setSyntax("proto3")
        .addDependency(RestOptions.PROTO_PATH)
        .setOptions(FileOptions.newBuilder().setExtension(OptionsProto.file, FILE))
        .addMessageType(DescriptorProto.newBuilder().setName("Order"))
        .addService(ServiceDescriptorProto.newBuilder().setName("ShopService")
            .setOptions(ServiceOptions.newBuilder().setExtension(OptionsProto.service, SERVICE))
            .addAllMethod(List.of(methods)))
        .build();
    try {
      // through bytes and the registry, as DescriptorSets.load reads a compiled set
      FileDescriptorProto compiled = FileDescriptorProto.parseFrom(file.toByteArray(), RestOptions.registry());
      return FileDescriptor.buildFrom(compiled, new FileDescriptor[] {OptionsProto.getDescriptor()});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
