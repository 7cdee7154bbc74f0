package io.rest2grpc.transcoding.streams;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.transcoding.http.RestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one REST stream as its bytes arrive: {@link #push} each chunk (split anywhere, even inside
 * a UTF-8 character or between CR and LF) and get the frames it completed; {@link #end} when the
 * body ended cleanly. Holds only the frame in progress. Not thread-safe: one per stream, fed in order.
 */
public final class StreamReader {
  private final StreamCodec codec;
  private final Message base;
  private final FrameSplitter splitter;
  private final FrameSplitter.Sink sink = this::frame;
  private List<StreamItem> items = new ArrayList<>();
  private boolean failed;
  private boolean ended;
  private RestStreamException broken;

  StreamReader(StreamCodec codec, Message base, FrameSplitter splitter) {
    this.codec = codec;
    this.base = base;
    this.splitter = splitter;
  }

  /**
   * The frames this chunk completes, in order. After the error frame of a response stream
   * ({@link StreamItem.Failure}) the stream is over and further bytes are ignored. Throws
   * {@link RestStreamException} for a frame that cannot be read; the frames the chunk completed
   * before it are in {@link RestStreamException#itemsBefore()}.
   */
  public List<StreamItem> push(ByteString chunk) {
    requireOpen("push");
    if (!failed) {
      byte[] bytes = chunk.toByteArray(); // one copy per chunk: a ByteString's own bytes are not reachable
      run(() -> splitter.push(bytes, 0, bytes.length, sink));
    }
    return take();
  }

  /** The body ended cleanly: the last frame, if it had no terminator, or {@link RestStreamException} (TRUNCATED). */
  public List<StreamItem> end() {
    requireOpen("end");
    ended = true;
    if (!failed) {
      run(() -> splitter.end(sink));
    }
    return take();
  }

  /** Frames read so far, messages and error frame alike. */
  public int frames() {
    return splitter.frames();
  }

  /**
   * The Status to end the call with when the body ended abnormally (connection reset, a missing
   * last chunk) without an error frame: UNAVAILABLE, as gRPC reports a broken transport.
   */
  public Status connectionLost() {
    return Status.newBuilder().setCode(Code.UNAVAILABLE_VALUE)
        .setMessage("the REST stream broke off after " + frames() + " frame(s), without an error frame").build();
  }

  private void run(Runnable split) {
    try {
      split.run();
    } catch (RestStreamException e) {
      broken = e.withItemsBefore(take());
      throw broken;
    }
  }

  private void frame(byte[] json, int start, int end, SseFields sse) {
    if (failed) {
      return;
    }
    int frame = splitter.frames();
    Optional<RestResponse> error = isErrorCandidate(json, start, end, sse) ? ErrorFrame.read(json, start, end) : Optional.empty();
    if (error.isPresent()) {
      failed = true;
      items.add(new StreamItem.Failure(frame, codec.errors().toStatus(error.get())));
    } else {
      items.add(new StreamItem.Data(frame, message(json, start, end, frame, sse), sse));
    }
  }

  /** The frame's message; with a codec carrying unreadable frames, a carrier where it does not read, and the blank lines before it. */
  private Message message(byte[] json, int start, int end, int frame, SseFields sse) {
    Message message;
    try {
      message = codec.parse(json, start, end, frame, base, sse.id());
    } catch (RestStreamException e) {
      if (!codec.carriesUnreadable() || e.problem() != RestStreamException.Problem.INVALID_JSON) {
        throw e;
      }
      message = codec.unreadable(json, start, end, base);
    }
    int blankLines = codec.carriesUnreadable() ? splitter.blankLinesBefore() : 0;
    return blankLines == 0 ? message : codec.withBlankLinesBefore(message, blankLines);
  }

  /** Only a response stream ends with an error frame; in SSE it is the event named "error". */
  private boolean isErrorCandidate(byte[] json, int start, int end, SseFields sse) {
    if (codec.side() != StreamSide.RESPONSE) {
      return false;
    }
    if (codec.framing() == StreamFraming.STREAM_FRAMING_SSE && !sse.event().equals(StreamWriter.ERROR_EVENT)) {
      return false;
    }
    return ErrorFrame.mayBe(json, start, end);
  }

  private List<StreamItem> take() {
    List<StreamItem> taken = items.isEmpty() ? List.of() : List.copyOf(items);
    items = new ArrayList<>();
    return taken;
  }

  private void requireOpen(String call) {
    if (broken != null) {
      throw new IllegalStateException(call + " after the stream failed at frame " + broken.frame() + ": " + broken.getMessage());
    }
    if (ended) {
      throw new IllegalStateException(call + " after end(): the stream is over");
    }
  }
}
