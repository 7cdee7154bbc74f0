package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.Status;
import java.util.Optional;

/** The details of a {@link Status}, by type. */
public final class StatusDetails {
  private StatusDetails() {}

  /** The first detail of this type; a detail that claims the type but does not parse is an error. */
  public static <T extends Message> Optional<T> find(Status status, Class<T> type) {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(type)) {
        try {
          return Optional.of(detail.unpack(type));
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalArgumentException("the Status carries a malformed " + detail.getTypeUrl() + " detail: " + e.getMessage(), e);
        }
      }
    }
    return Optional.empty();
  }
}
