package io.rest2grpc.transcoding.errors;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;

/** The REST facts of a method that the error and success transforms read from its descriptor. */
final class RestMethodOptions {
  private RestMethodOptions() {}

  /** The method's RestMethod, each error without a body mapping of its own given the file's shared one (RestFile.error_body). */
  static RestMethod restMethod(MethodDescriptor method) {
    requireRegistered(method.getOptions(), OptionsProto.METHOD_FIELD_NUMBER, method.getFullName());
    RestMethod rest = method.getOptions().getExtension(OptionsProto.method);
    RestFile file = method.getFile().getOptions().getExtension(OptionsProto.file);
    if (!file.hasErrorBody()) {
      return rest;
    }
    RestMethod.Builder withBodies = rest.toBuilder();
    for (int i = 0; i < withBodies.getErrorsCount(); i++) {
      if (!withBodies.getErrors(i).hasBody()) {
        withBodies.setErrors(i, withBodies.getErrors(i).toBuilder().setBody(file.getErrorBody()));
      }
    }
    return withBodies.build();
  }

  /** RestMethod.rest_method, else the verb of the google.api.http rule. */
  static String httpMethod(MethodDescriptor method, RestMethod rest) {
    if (!rest.getRestMethod().isEmpty()) {
      return rest.getRestMethod();
    }
    requireRegistered(method.getOptions(), AnnotationsProto.HTTP_FIELD_NUMBER, method.getFullName());
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    return switch (rule.getPatternCase()) {
      case GET -> "GET";
      case PUT -> "PUT";
      case POST -> "POST";
      case DELETE -> "DELETE";
      case PATCH -> "PATCH";
      case CUSTOM -> rule.getCustom().getKind();
      case PATTERN_NOT_SET -> throw new IllegalArgumentException(method.getFullName()
          + " has no REST method: it has neither a google.api.http rule nor (rest2grpc.options.v1.method).rest_method;"
          + " only methods converted from REST operations have REST errors");
    };
  }

  /** RestFile.error_domain, else the proto package. */
  static String errorDomain(MethodDescriptor method) {
    requireRegistered(method.getFile().getOptions(), OptionsProto.FILE_FIELD_NUMBER, method.getFile().getName());
    String domain = method.getFile().getOptions().getExtension(OptionsProto.file).getErrorDomain();
    return domain.isEmpty() ? method.getFile().getPackage() : domain;
  }

  // Options parsed without the extension registered keep it as an unknown field, and every fact would read as unset.
  private static void requireRegistered(Message options, int extension, String where) {
    if (options.getUnknownFields().hasField(extension)) {
      throw new IllegalArgumentException("the options of " + where + " were parsed without rest2grpc's extensions registered:"
          + " load the descriptor set with DescriptorSets.load, or parse it with RestOptions.registry()");
    }
  }
}
