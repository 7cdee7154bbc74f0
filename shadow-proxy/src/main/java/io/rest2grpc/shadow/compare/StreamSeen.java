package io.rest2grpc.shadow.compare;

import io.rest2grpc.transcoding.streams.StreamFrames;
import java.time.Duration;
import java.util.List;

/**
 * A stream as one side sent it, up to the number of frames compared.
 *
 * @param frames each frame, with when it came (from the start of the request)
 * @param ended the stream had ended by then; if not, frames past these may still have come
 */
public record StreamSeen(List<Seen> frames, boolean ended) {
  public record Seen(StreamFrames.Frame frame, Duration at) {}

  public StreamSeen {
    frames = List.copyOf(frames);
  }
}
