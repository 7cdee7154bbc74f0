package io.rest2grpc.openapi.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceOptions;
import com.google.rpc.Code;
import io.rest2grpc.openapi.check.ProtoChange.Kind;
import io.rest2grpc.options.v1.ErrorBodyStyle;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestSecurityRequirement;
import io.rest2grpc.options.v1.RestSecurityUse;
import io.rest2grpc.options.v1.RestService;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** check compares method options as they apply (method > service > file), not where they are written. */
class ProtoDiffTest {
  private static final RestErrorBody PROBLEM = RestErrorBody.newBuilder().setStyle(ErrorBodyStyle.ERROR_BODY_STYLE_PROBLEM).build();
  private static final RestError NOT_FOUND = RestError.newBuilder().setHttpStatus(404).setCode(Code.NOT_FOUND).setBody(PROBLEM).build();
  private static final RestSecurityRequirement BEARER = RestSecurityRequirement.newBuilder()
      .addSchemes(RestSecurityUse.newBuilder().setScheme("bearer")).build();
  private static final RestMethod EVERY_METHOD = RestMethod.newBuilder().addErrors(NOT_FOUND).addSecurity(BEARER).build();

  @Test
  void valuesMovedFromEveryMethodToTheServiceAndFileAreNoChange() {
    FileDescriptorProto perMethod = file(RestFile.getDefaultInstance(), RestService.getDefaultInstance(), EVERY_METHOD, EVERY_METHOD);
    FileDescriptorProto hoisted = file(RestFile.newBuilder().setErrorBody(PROBLEM).build(),
        RestService.newBuilder().addErrors(NOT_FOUND.toBuilder().clearBody()).addSecurity(BEARER).build(),
        RestMethod.getDefaultInstance(), RestMethod.getDefaultInstance());

    assertThat(ProtoDiff.compare(List.of(perMethod), List.of(hoisted))).isEmpty();
    assertThat(ProtoDiff.compare(List.of(hoisted), List.of(perMethod))).isEmpty();
  }

  @Test
  void aChangedServiceValueIsAChangeOfEveryMethodThatTakesIt() {
    RestService shared = RestService.newBuilder().addErrors(NOT_FOUND).build();
    RestService changed = RestService.newBuilder().addErrors(NOT_FOUND.toBuilder().setHttpStatus(410)).build();
    RestMethod own = RestMethod.newBuilder().addErrors(NOT_FOUND).setNoServiceErrors(true).build();

    List<ProtoChange> changes = ProtoDiff.compare(List.of(file(RestFile.getDefaultInstance(), shared, RestMethod.getDefaultInstance(), own)),
        List.of(file(RestFile.getDefaultInstance(), changed, RestMethod.getDefaultInstance(), own)));

    assertThat(changes).extracting(ProtoChange::kind, ProtoChange::element, ProtoChange::detail).containsExactly(
        Tuple.tuple(Kind.METHOD_OPTION_CHANGED, "shop.v1.ShopService.GetOrder",
            "the rest2grpc method option changed: errors"));
  }

  private static FileDescriptorProto file(RestFile file, RestService service, RestMethod getOrder, RestMethod deleteOrder) {
    return FileDescriptorProto.newBuilder().setName("shop/v1/shop_service.proto").setPackage("shop.v1")
        .setOptions(FileOptions.newBuilder().setExtension(OptionsProto.file, file))
        .addService(ServiceDescriptorProto.newBuilder().setName("ShopService")
            .setOptions(ServiceOptions.newBuilder().setExtension(OptionsProto.service, service))
            .addMethod(method("GetOrder", getOrder))
            .addMethod(method("DeleteOrder", deleteOrder)))
        .build();
  }

  private static MethodDescriptorProto method(String name, RestMethod option) {
    return MethodDescriptorProto.newBuilder().setName(name).setInputType(".shop.v1.Order").setOutputType(".shop.v1.Order")
        .setOptions(MethodOptions.newBuilder().setExtension(OptionsProto.method, option)).build();
  }
}
