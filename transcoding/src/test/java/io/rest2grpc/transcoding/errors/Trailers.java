package io.rest2grpc.transcoding.errors;

import com.google.rpc.Status;
import io.grpc.InternalMetadata;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Sends a Status or response metadata through gRPC's real header encoding, as a client receives it. */
final class Trailers {
  private Trailers() {}

  static Status roundTrip(Status status) {
    StatusRuntimeException sent = StatusProto.toStatusRuntimeException(status);
    Metadata received = overTheWire(sent.getTrailers());
    return StatusProto.fromThrowable(new StatusRuntimeException(sent.getStatus(), received));
  }

  static Metadata overTheWire(Metadata metadata) {
    return InternalMetadata.newMetadata(InternalMetadata.serialize(metadata));
  }
}
