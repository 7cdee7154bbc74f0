package io.rest2grpc.shadow.shadowing;

import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;

/** How a shadow gRPC call ended: its status, headers, trailers, for an OK unary call its message, and how long it took. */
public record GrpcAnswer(Status status, Metadata headers, Metadata trailers, DynamicMessage message, Duration took) {

  private static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

  /**
   * The call got no answer of the service's: unavailable, past its deadline, cancelled or unreadable, without the
   * details an answer of the application carries. Counted as a gRPC error, not compared.
   */
  public boolean transportFailure() {
    return switch (status.getCode()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, UNKNOWN, INTERNAL -> !trailers.containsKey(DETAILS);
      default -> false;
    };
  }
}
