package io.rest2grpc.openapi.write;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import io.rest2grpc.options.v1.RestMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The options the writers put on the file and the RPCs, where they are more than the elements'
 * own: the error body most errors of the conversion share goes once on the file option and is left
 * out of those errors. Also prints option messages in the text form protoc reads inside
 * {@code option (...) = {...}}.
 */
final class RestOptionsMapper {
  private static final TextFormat.Printer TEXT = TextFormat.printer().emittingSingleLine(true).escapingNonAscii(false);

  private final Conversion conversion;
  private RestErrorBody sharedErrorBody;

  RestOptionsMapper(Conversion conversion) {
    this.conversion = conversion;
  }

  /** The text between the braces of {@code option (...) = {…}}; empty for a default message. */
  static String text(Message options) {
    return TEXT.printToString(options).trim();
  }

  /** The file option every file of the conversion carries. */
  RestFile file() {
    return conversion.fileOptions().option(conversion.specName(), sharedErrorBody());
  }

  /** The method option of an RPC, without the error body the file option already gives. */
  RestMethod method(ProtoRpc rpc) {
    RestMethod option = rpc.options().option();
    if (option.getErrorsCount() == 0 || sharedErrorBody() == null) {
      return option;
    }
    RestMethod.Builder b = option.toBuilder().clearErrors();
    option.getErrorsList().forEach(e -> b.addErrors(e.getBody().equals(sharedErrorBody()) ? e.toBuilder().clearBody().build() : e));
    return b.build();
  }

  /**
   * The error body mapping most errors of the conversion share, written once on the file; null when
   * there are no errors. Of bodies shared equally often, the first in RPC name order.
   */
  private RestErrorBody sharedErrorBody() {
    if (sharedErrorBody == null) {
      Map<String, ProtoRpc> rpcs = new TreeMap<>();
      conversion.files().forEach(f -> f.services().forEach(s -> s.rpcs().forEach(r -> rpcs.put(s.name() + "." + r.name(), r))));
      Map<RestErrorBody, Integer> counts = new LinkedHashMap<>();
      rpcs.values().forEach(r -> r.options().errors().forEach(error -> counts.merge(error.getBody(), 1, Integer::sum)));
      sharedErrorBody = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
          .orElse(RestErrorBody.getDefaultInstance());
    }
    return sharedErrorBody.equals(RestErrorBody.getDefaultInstance()) ? null : sharedErrorBody;
  }
}
