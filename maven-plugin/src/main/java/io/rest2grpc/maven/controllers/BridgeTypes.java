package io.rest2grpc.maven.controllers;

import io.rest2grpc.maven.controllers.model.BridgeReason;
import java.util.Optional;

/** Body types the typed gRPC path cannot carry, in requests and responses alike. */
final class BridgeTypes {

  private BridgeTypes() {}

  static Optional<BridgeReason> ofBody(JavaType type) {
    if (type.erasure().equals("byte[]") || type.isAnyOf(SpringNames.RESOURCE, "java.io.InputStream", "java.io.Reader")) {
      return Optional.of(BridgeReason.RAW_BODY);
    }
    if (type.isAnyOf(SpringNames.JACKSON_2_JSON_NODE, SpringNames.JACKSON_3_JSON_NODE, SpringNames.JSON_P_VALUE,
        SpringNames.JSON_P_MERGE_PATCH, SpringNames.JSON_P_PATCH)) {
      return Optional.of(BridgeReason.JSON_NODE_BODY);
    }
    return isMultipart(type) ? Optional.of(BridgeReason.MULTIPART) : Optional.empty();
  }

  /** An uploaded file or part, or an array or collection of them. */
  static boolean isMultipart(JavaType type) {
    JavaType element = type.isArray() || type.is("java.util.Collection") ? type.argument(0) : type;
    return element.isAnyOf(SpringNames.MULTIPART_FILE, SpringNames.SERVLET_PART, SpringNames.MULTIPART_REQUEST);
  }
}
