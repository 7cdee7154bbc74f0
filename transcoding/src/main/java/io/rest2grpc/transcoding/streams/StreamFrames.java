package io.rest2grpc.transcoding.streams;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one REST stream as they were sent, unparsed: each frame's JSON text and SSE fields, cut by the same
 * rules as {@link StreamReader}. What compares two streams frame by frame (a proxy holding a REST service's stream
 * beside the one its gRPC side would give) reads. Not thread-safe: one per stream, fed in order.
 */
public final class StreamFrames {
  /** One frame: its JSON text (an SSE event's joined {@code data:} lines) and what SSE carried beside it. */
  public record Frame(String json, SseFields sse) {}

  private final FrameSplitter splitter;
  private final FrameSplitter.Sink sink = this::frame;
  private List<Frame> frames = new ArrayList<>();

  StreamFrames(FrameSplitter splitter) {
    this.splitter = splitter;
  }

  /** The frames this chunk completes, in order; {@link RestStreamException} for a frame above the size limit. */
  public List<Frame> push(ByteString chunk) {
    byte[] bytes = chunk.toByteArray();
    splitter.push(bytes, 0, bytes.length, sink);
    return take();
  }

  /** The body ended: its last frame, if it had no terminator; {@link RestStreamException} (TRUNCATED) if it was cut. */
  public List<Frame> end() {
    splitter.end(sink);
    return take();
  }

  private void frame(byte[] json, int start, int end, SseFields sse) {
    frames.add(new Frame(new String(json, start, end - start, StandardCharsets.UTF_8), sse));
  }

  private List<Frame> take() {
    List<Frame> taken = frames.isEmpty() ? List.of() : List.copyOf(frames);
    frames = new ArrayList<>();
    return taken;
  }
}
