package io.rest2grpc.transcoding.errors;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.HttpRulePatterns;
import io.rest2grpc.transcoding.RestOptions;

/** The REST facts besides its RestMethod that the error transform reads from a method's descriptor. */
final class DescriptorFacts {
  private DescriptorFacts() {}

  /** RestMethod.rest_method, else the verb of the google.api.http rule. */
  static String httpMethod(MethodDescriptor method, RestMethod rest) {
    if (!rest.getRestMethod().isEmpty()) {
      return rest.getRestMethod();
    }
    RestOptions.requireRegistered(method.getOptions(), AnnotationsProto.HTTP_FIELD_NUMBER, method.getFullName());
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    String verb = HttpRulePatterns.method(rule);
    if (verb.isEmpty()) {
      throw new IllegalArgumentException(method.getFullName()
          + " has no REST method: it has neither a google.api.http rule nor (rest2grpc.options.v1.method).rest_method;"
          + " only methods converted from REST operations have REST errors");
    }
    return verb;
  }

  /** RestFile.error_domain, else the proto package. */
  static String errorDomain(MethodDescriptor method) {
    RestOptions.requireRegistered(method.getFile().getOptions(), OptionsProto.FILE_FIELD_NUMBER, method.getFile().getName());
    String domain = method.getFile().getOptions().getExtension(OptionsProto.file).getErrorDomain();
    return domain.isEmpty() ? method.getFile().getPackage() : domain;
  }
}
