package io.rest2grpc.transcoding.streams;

import com.google.protobuf.Message;
import com.google.rpc.Status;
import java.util.Objects;

/** One frame read from a REST stream: a message, or the error that ends the stream. */
public sealed interface StreamItem {
  /** The frame's number in the stream, from 1. */
  int frame();

  /** A frame that became a message, with what SSE carried beside its data. */
  record Data(int frame, Message message, SseFields sse) implements StreamItem {
    public Data {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(sse, "sse");
    }
  }

  /** The error frame that ends a failed response stream (transcoding README, "Streams on the REST wire"). */
  record Failure(int frame, Status status) implements StreamItem {
    public Failure {
      Objects.requireNonNull(status, "status");
    }
  }
}
