package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.proto.ProtoRpc;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether calling an operation again is harmless (module README, "Service config"): GET and HEAD
 * have no side effects, PUT and DELETE are idempotent, POST and PATCH only with a declared
 * idempotency-key header; {@code x-idempotent: true|false} decides either way. Only idempotent
 * methods get a retry policy.
 */
final class Idempotency {
  static final String OVERRIDE = "x-idempotent";
  private static final Set<String> KEY_HEADERS = Set.of("idempotency-key", "x-idempotency-key", "idempotency_key");

  private Idempotency() {}

  /** The level, or null when a repeated call may repeat a side effect. */
  static ProtoRpc.Idempotency of(String method, Collection<String> headerParameters, Map<String, Object> extensions,
      SourceLocation operation) {
    Object override = extensions == null ? null : extensions.get(OVERRIDE);
    if (override != null && !(override instanceof Boolean)) {
      throw new ConversionException(operation.child(OVERRIDE), OVERRIDE + " is '" + override + "'", "write true or false");
    }
    ProtoRpc.Idempotency byMethod = switch (method) {
      case "get", "head", "options" -> ProtoRpc.Idempotency.NO_SIDE_EFFECTS;
      case "put", "delete" -> ProtoRpc.Idempotency.IDEMPOTENT;
      default -> headerParameters.stream().anyMatch(h -> KEY_HEADERS.contains(h.toLowerCase(Locale.ROOT)))
          ? ProtoRpc.Idempotency.IDEMPOTENT : null;
    };
    if (Boolean.FALSE.equals(override)) {
      return null;
    }
    if (Boolean.TRUE.equals(override) && byMethod == null) {
      return ProtoRpc.Idempotency.IDEMPOTENT;
    }
    return byMethod;
  }
}
