package io.rest2grpc.openapi.corpus;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.ParameterLocation;
import io.rest2grpc.options.v1.RestConstant;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestParameter;
import io.rest2grpc.transcoding.http.CallParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters a compiled descriptor set carries outside its request messages (README, "Shared
 * parameters"), read from the options alone through the runtime's reader ({@link CallParameters}):
 * each shared parameter a method takes and each constant
 * is a request field the REST API has and the request message has not. {@code leftAsFields} lists
 * the methods whose request still has a field answering to one of them (there should be none).
 */
record MovedParameters(List<String> shared, int fieldsRemoved, int constants, List<String> leftAsFields) {

  static MovedParameters of(Map<String, FileDescriptor> compiled) {
    List<RestParameter> sharedParameters = compiled.values().stream().filter(f -> f.getOptions().hasExtension(OptionsProto.file))
        .map(f -> f.getOptions().getExtension(OptionsProto.file)).map(RestFile::getSharedParametersList).findFirst().orElse(List.of());
    int removed = 0;
    int constants = 0;
    List<String> leftAsFields = new ArrayList<>();
    for (FileDescriptor file : compiled.values()) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor method : service.getMethods()) {
          CallParameters call = CallParameters.of(method);
          for (RestParameter parameter : call.shared()) {
            removed++;
            checkNoField(method, parameter.getName(), parameter.getLocation(), leftAsFields);
          }
          for (RestConstant constant : call.constants()) {
            constants++;
            checkNoField(method, constant.getName(), constant.getLocation(), leftAsFields);
          }
        }
      }
    }
    return new MovedParameters(sharedParameters.stream().map(MovedParameters::describe).toList(), removed + constants, constants,
        leftAsFields);
  }

  private static String describe(RestParameter p) {
    return p.getLocation().name().substring("PARAMETER_LOCATION_".length()).toLowerCase(Locale.ROOT) + ":" + p.getName()
        + " -> " + p.getMetadataKey() + (p.getSecret() ? " (secret)" : "");
  }

  private static void checkNoField(MethodDescriptor method, String name, ParameterLocation location, List<String> leftAsFields) {
    Descriptor request = method.getInputType();
    for (FieldDescriptor field : request.getFields()) {
      RestField rest = field.getOptions().getExtension(OptionsProto.field);
      boolean answers = switch (location) {
        case PARAMETER_LOCATION_HEADER -> rest.getHeader().equalsIgnoreCase(name);
        case PARAMETER_LOCATION_COOKIE -> rest.getCookie().equals(name);
        default -> rest.getRestName().equals(name) || field.getJsonName().equals(name);
      };
      if (answers) {
        leftAsFields.add(method.getFullName() + " " + field.getName());
      }
    }
  }

  String row() {
    return String.format(Locale.ROOT, "%5d request fields removed %4d constants  shared %s", fieldsRemoved, constants, shared);
  }
}
