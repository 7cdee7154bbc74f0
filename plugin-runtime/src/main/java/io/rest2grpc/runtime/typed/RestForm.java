package io.rest2grpc.runtime.typed;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.rest2grpc.transcoding.routing.PathTemplate;
import io.rest2grpc.transcoding.routing.Route;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What of a gRPC request the engine turns into a typed call's REST form (path, query, headers):
 * everything but what the REST body carries, which the generated mapper turns into the handler's
 * DTO without JSON in between.
 */
final class RestForm {

  private RestForm() {}

  static Message withoutBody(Route route, Message request) {
    String body = route.body();
    if (body.isEmpty()) {
      return request;
    }
    Message.Builder builder = request.toBuilder();
    if (body.equals("*")) {
      Set<String> pathFields = route.template().variables().stream().map(PathTemplate.Variable::fieldPath)
          .map(path -> path.split("\\.", 2)[0]).collect(Collectors.toSet());
      for (FieldDescriptor field : request.getDescriptorForType().getFields()) {
        if (!pathFields.contains(field.getName())) {
          builder.clearField(field);
        }
      }
    } else {
      builder.clearField(request.getDescriptorForType().findFieldByName(body));
    }
    return builder.build();
  }
}
