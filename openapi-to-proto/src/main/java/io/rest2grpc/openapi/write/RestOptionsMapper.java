package io.rest2grpc.openapi.write;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.options.v1.RestErrorBody;
import io.rest2grpc.options.v1.RestFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The options the writers put on the file, the services and the RPCs, where they are more than the
 * elements' own: the error body most errors of the conversion share goes once on the file option
 * and is left out of those errors; what every RPC of a service shares goes once on the service
 * ({@link ServiceOptions}). Also prints option messages in the text form protoc reads inside
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

  /** The options written on a service and its RPCs: what they all share once on the service, without the file's error body. */
  ServiceOptions service(ProtoService service) {
    return ServiceOptions.of(service, sharedErrorBody());
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
