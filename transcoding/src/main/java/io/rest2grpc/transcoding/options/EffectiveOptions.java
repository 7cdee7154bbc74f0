package io.rest2grpc.transcoding.options;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestService;
import io.rest2grpc.transcoding.RestOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A method's effective {@code RestMethod}: its own option completed from its service's and its
 * file's, method > service > file, by the rule written above {@code RestService} in options.proto.
 * The one place that rule is applied: every reader of method options reads through here, so a
 * value written once on the service reads exactly as if every method repeated it.
 */
public final class EffectiveOptions {
  /** Statuses, then classes ("4XX"), then "default" (0), each in numeric order: the order the converter writes. */
  private static final Comparator<RestError> STATUS_ORDER = Comparator
      .comparingInt((RestError error) -> error.getHttpStatus() == 0 ? 2 : error.getStatusClass() ? 1 : 0)
      .thenComparingInt(RestError::getHttpStatus);

  private EffectiveOptions() {}

  /** The effective option of a method of a descriptor set read with the extensions registered ({@code DescriptorSets.load}). */
  public static RestMethod of(MethodDescriptor method) {
    RestOptions.requireRegistered(method.getOptions(), OptionsProto.METHOD_FIELD_NUMBER, method.getFullName());
    RestOptions.requireRegistered(method.getService().getOptions(), OptionsProto.SERVICE_FIELD_NUMBER, method.getService().getFullName());
    RestOptions.requireRegistered(method.getFile().getOptions(), OptionsProto.FILE_FIELD_NUMBER, method.getFile().getName());
    return of(method.getOptions().getExtension(OptionsProto.method), method.getService().getOptions().getExtension(OptionsProto.service),
        method.getFile().getOptions().getExtension(OptionsProto.file));
  }

  /** The effective option of a method whose own option is {@code method}, in a service and a file with these options. */
  public static RestMethod of(RestMethod method, RestService service, RestFile file) {
    RestMethod.Builder effective = method.toBuilder();
    if (service.getErrorsCount() > 0 && !method.getNoServiceErrors()) {
      effective.clearErrors().addAllErrors(withServiceErrors(method.getErrorsList(), service.getErrorsList()));
    }
    if (method.getSecurityCount() == 0 && !method.getNoSecurity()) {
      effective.addAllSecurity(service.getSecurityList());
    }
    if (file.hasErrorBody()) {
      for (int i = 0; i < effective.getErrorsCount(); i++) {
        if (!effective.getErrors(i).hasBody()) {
          effective.setErrors(i, effective.getErrors(i).toBuilder().setBody(file.getErrorBody()));
        }
      }
    }
    return effective.build();
  }

  /** The method's errors and the service's for the statuses the method does not list, in status order. */
  private static List<RestError> withServiceErrors(List<RestError> own, List<RestError> service) {
    Set<StatusKey> listed = new HashSet<>();
    own.forEach(error -> listed.add(StatusKey.of(error)));
    List<RestError> merged = new ArrayList<>(own);
    service.stream().filter(error -> !listed.contains(StatusKey.of(error))).forEach(merged::add);
    merged.sort(STATUS_ORDER);
    return merged;
  }

  /** What one error of a method answers for: a status, a class of statuses or "default". */
  private record StatusKey(int httpStatus, boolean statusClass) {
    static StatusKey of(RestError error) {
      return new StatusKey(error.getHttpStatus(), error.getStatusClass());
    }
  }
}
