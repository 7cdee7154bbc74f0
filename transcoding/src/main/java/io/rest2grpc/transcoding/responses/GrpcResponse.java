package io.rest2grpc.transcoding.responses;

import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Objects;

/** A unary call's answer in gRPC terms: the response message with its headers, or a Status. */
public sealed interface GrpcResponse {

  /**
   * A successful call.
   *
   * @param message the response, of the method's output type
   * @param headers the response headers: the documented REST headers and the status where it is
   *     not the method's usual one ({@code SuccessTransform}); a fresh instance per response, for
   *     the caller to send or compare
   */
  record Success(Message message, Metadata headers) implements GrpcResponse {
    public Success {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(headers, "headers");
    }
  }

  /** A failed call: the Status, whose details (a {@code RestErrorOrigin} among them) ride in the trailers. */
  record Failure(com.google.rpc.Status status) implements GrpcResponse {
    public Failure {
      Objects.requireNonNull(status, "status");
    }

    /** The trailers a server closes the call with: {@code grpc-status-details-bin} holding the whole Status. */
    public Metadata trailers() {
      return toException().getTrailers();
    }

    /** The exception a server fails the call with, or a stub throws to its caller. */
    public StatusRuntimeException toException() {
      return StatusProto.toStatusRuntimeException(status);
    }
  }
}
