package io.rest2grpc.maven.generate;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RPCs whose messages may outgrow gRPC's 4 MiB default: REST answers that carry whole files or
 * exports, lists without paging, uploads. A heuristic over the message shapes; the report lists what
 * it finds so the team sizes the limits before clients hit RESOURCE_EXHAUSTED.
 */
final class MessageSizeRisks {
  private MessageSizeRisks() {}

  static List<String> of(MethodDescriptor rpc) {
    List<String> risks = new ArrayList<>();
    if (carriesBytes(rpc.getInputType())) {
      risks.add("its request carries a file or raw body: the server accepts 4 MiB unless spring.grpc.server.max-inbound-message-size says more");
    }
    if (carriesBytes(rpc.getOutputType())) {
      risks.add("its response carries a file or raw body: clients refuse more than 4 MiB unless their channel's maxInboundMessageSize says more");
    } else if (!rpc.isServerStreaming() && unpagedList(rpc)) {
      risks.add("its response is a list without paging: clients refuse more than 4 MiB unless their channel's maxInboundMessageSize says more");
    }
    return risks;
  }

  private static boolean carriesBytes(Descriptor message) {
    return carriesBytes(message, new HashSet<>());
  }

  /** A bytes field in the message or any message it holds (an HttpBody, a multipart file part). */
  private static boolean carriesBytes(Descriptor message, Set<Descriptor> seen) {
    if (!seen.add(message)) {
      return false;
    }
    for (FieldDescriptor field : message.getFields()) {
      if (field.getType() == FieldDescriptor.Type.BYTES
          || field.getType() == FieldDescriptor.Type.MESSAGE && carriesBytes(field.getMessageType(), seen)) {
        return true;
      }
    }
    return false;
  }

  /** A List RPC without a page token, or a bare REST array wrapped into the response ({@code response_body} names a list). */
  private static boolean unpagedList(MethodDescriptor rpc) {
    if (rpc.getInputType().findFieldByName("page_token") != null) {
      return false;
    }
    String responseBody = rpc.getOptions().getExtension(AnnotationsProto.http).getResponseBody();
    FieldDescriptor wrapped = responseBody.isEmpty() ? null : rpc.getOutputType().findFieldByName(responseBody);
    return wrapped != null && wrapped.isRepeated() || rpc.getName().startsWith("List");
  }
}
