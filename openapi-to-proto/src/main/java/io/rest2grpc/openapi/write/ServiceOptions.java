package io.rest2grpc.openapi.write;

import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestService;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rest2grpc options of a service and its RPCs as written (module README, "Options written
 * once"). The model keeps each RPC's whole option and the spec's root security on the service;
 * here what every RPC of a service has alike is written once on the service and left out of the
 * RPCs: each error every RPC documents alike, and the security when all RPCs have the same. The
 * error body the file option gives is left out of every error. A single-RPC service keeps its RPC's
 * option whole: nothing would be shorter, and the RPC reads complete. Read back through
 * transcoding's {@link EffectiveOptions}, every RPC has exactly the option it had before (CorpusTest
 * checks it on the compiled corpus).
 */
final class ServiceOptions {
  private final RestService service;
  private final Map<ProtoRpc, RestMethod> methods = new IdentityHashMap<>();

  private ServiceOptions(RestService service) {
    this.service = service;
  }

  /** The options of {@code service}, with {@code fileErrorBody} (null: none) left out of its errors. */
  static ServiceOptions of(ProtoService service, RestErrorBody fileErrorBody) {
    List<RestMethod> effective = service.rpcs().stream().map(rpc -> effective(service, rpc)).toList();
    RestMethod first = effective.isEmpty() ? RestMethod.getDefaultInstance() : effective.get(0);
    boolean shared = effective.size() > 1;
    List<RestError> sharedErrors = shared ? inEvery(effective) : List.of();
    boolean sharedSecurity = shared && first.getSecurityCount() > 0
        && effective.stream().map(RestMethod::getSecurityList).distinct().count() == 1;

    RestService.Builder written = service.options().toBuilder().addAllErrors(withoutBody(sharedErrors, fileErrorBody));
    if (sharedSecurity) {
      written.clearSecurity().addAllSecurity(first.getSecurityList());
    }
    ServiceOptions options = new ServiceOptions(written.build());
    for (ProtoRpc rpc : service.rpcs()) {
      RestMethod own = rpc.options().option();
      List<RestError> ownErrors = own.getErrorsList().stream().filter(error -> !sharedErrors.contains(error)).toList();
      RestMethod.Builder method = own.toBuilder().clearErrors().addAllErrors(withoutBody(ownErrors, fileErrorBody));
      if (sharedSecurity) {
        method.clearSecurity();
      }
      options.methods.put(rpc, method.build());
    }
    return options;
  }

  /**
   * An RPC's option as the model means it: its own, under the spec's root security that the model
   * keeps on the service. What the written options must read back as.
   */
  private static RestMethod effective(ProtoService service, ProtoRpc rpc) {
    return EffectiveOptions.of(rpc.options().option(), service.options(), RestFile.getDefaultInstance());
  }

  RestService service() {
    return service;
  }

  /** The option written on {@code rpc}, one of the service's RPCs. */
  RestMethod method(ProtoRpc rpc) {
    return methods.get(rpc);
  }

  /** The errors every one of {@code methods} documents, equal in every field, in the first's order. */
  private static List<RestError> inEvery(List<RestMethod> methods) {
    return methods.get(0).getErrorsList().stream()
        .filter(error -> methods.stream().allMatch(m -> m.getErrorsList().contains(error))).toList();
  }

  private static List<RestError> withoutBody(List<RestError> errors, RestErrorBody fileErrorBody) {
    return errors.stream().map(e -> e.getBody().equals(fileErrorBody) ? e.toBuilder().clearBody().build() : e).toList();
  }
}
