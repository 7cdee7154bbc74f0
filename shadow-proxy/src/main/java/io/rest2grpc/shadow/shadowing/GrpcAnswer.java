package io.rest2grpc.shadow.shadowing;

import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;

/**
 * How a shadow gRPC call ended: its status, headers and trailers, its messages (an OK unary call's one; a server
 * stream's first ones, up to the number compared), and how long it took.
 *
 * @param ended the gRPC side ended the call; false for a stream the proxy stopped, having the messages it compares
 *     or at the end of its window
 */
public record GrpcAnswer(Status status, Metadata headers, Metadata trailers, List<DynamicMessage> messages, boolean ended,
    Duration took) {

  private static final Metadata.Key<byte[]> DETAILS = Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

  public GrpcAnswer {
    messages = List.copyOf(messages);
  }

  /** A unary call's answer. */
  public static GrpcAnswer unary(Status status, Metadata headers, Metadata trailers, DynamicMessage message, Duration took) {
    return new GrpcAnswer(status, headers, trailers, message == null ? List.of() : List.of(message), true, took);
  }

  /** A unary call's message; null when it failed. */
  public DynamicMessage message() {
    return messages.isEmpty() ? null : messages.get(messages.size() - 1);
  }

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
