package io.rest2grpc.transcoding.http;

import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.options.v1.RestParameterUse;
import java.util.ArrayList;
import java.util.List;

/**
 * The REST parameters of a method that are no fields of its request message: the shared ones it
 * takes, each with where it takes it and the gRPC metadata key it travels under, and its constants
 * (options.proto: {@code RestFile.shared_parameters}, {@code RestMethod.shared_parameter_uses},
 * {@code RestMethod.constants}). The one place the file's list and the method's departures from it
 * are combined; README "Shared and constant parameters" says what each direction does with them.
 */
public record CallParameters(List<RestParameter> shared, List<RestConstant> constants) {
  public CallParameters {
    shared = List.copyOf(shared);
    constants = List.copyOf(constants);
  }

  /** The call parameters of a method of a descriptor set read with the extensions registered ({@code DescriptorSets.load}). */
  public static CallParameters of(MethodDescriptor method) {
    return of(method.getOptions().getExtension(OptionsProto.method), method.getFile().getOptions().getExtension(OptionsProto.file));
  }

  /** Each of the file's shared parameters the method takes, where it takes it, and the method's constants. */
  public static CallParameters of(RestMethod method, RestFile file) {
    List<RestParameter> taken = new ArrayList<>();
    for (RestParameter parameter : file.getSharedParametersList()) {
      ParameterLocation location = method.getSharedParameterUsesList().stream()
          .filter(use -> use.getMetadataKey().equals(parameter.getMetadataKey())).map(RestParameterUse::getLocation)
          .findFirst().orElse(parameter.getLocation());
      if (location != ParameterLocation.PARAMETER_LOCATION_UNSPECIFIED) {
        taken.add(parameter.toBuilder().setLocation(location).build());
      }
    }
    return new CallParameters(taken, method.getConstantsList());
  }
}
