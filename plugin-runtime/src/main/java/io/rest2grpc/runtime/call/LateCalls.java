package io.rest2grpc.runtime.call;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** No work starts on a call its client cancelled or whose deadline expired. */
public final class LateCalls {

  private LateCalls() {}

  /** True, having failed the call (CANCELLED or DEADLINE_EXCEEDED), when the app must not be called. */
  public static boolean refuse(StreamObserver<?> responses) {
    Context context = Context.current();
    if (context.isCancelled()) {
      responses.onError(Status.CANCELLED.withDescription("the call was cancelled before the app was called").asRuntimeException());
      return true;
    }
    Deadline deadline = context.getDeadline();
    if (deadline != null && deadline.isExpired()) {
      responses.onError(Status.DEADLINE_EXCEEDED.withDescription("the deadline expired before the app was called").asRuntimeException());
      return true;
    }
    return false;
  }
}
