package io.rest2grpc.transcoding.streams;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.rpc.Status;
import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.Optional;

/**
 * Writes one REST stream: each message becomes the bytes of one frame, to send and flush at once.
 * SSE fields are written as the legacy Spring {@code SseEmitter} writes them ({@code id:}, then
 * {@code event:}, then {@code data:}, no space after the colon), so the facade's bytes equal the
 * legacy service's. Not thread-safe: one per stream, called in order.
 */
public final class StreamWriter {
  /** The SSE event name of the error frame that ends a failed response stream. */
  public static final String ERROR_EVENT = "error";
  private static final ByteString NEWLINE = ByteString.copyFromUtf8("\n");

  private final StreamCodec codec;
  private final StreamFraming framing;
  private final ByteString opening;
  private final Optional<JsonPointer> eventMember;
  private final String fixedEvent;
  private final Optional<JsonPointer> idMember;
  private final boolean numbered;
  private long nextId;
  private boolean started;
  private boolean over;

  StreamWriter(StreamCodec codec, RestStream stream, long firstId) {
    this.codec = codec;
    this.framing = codec.framing();
    boolean sse = framing == StreamFraming.STREAM_FRAMING_SSE;
    this.opening = sse && stream.getSseRetryMs() > 0 ? ByteString.copyFromUtf8("retry:" + stream.getSseRetryMs() + "\n\n") : ByteString.EMPTY;
    this.eventMember = sse ? StreamCodec.pointer(stream.getSseEventMember(), "sse_event_member", "") : Optional.empty();
    this.fixedEvent = sse && eventMember.isEmpty() && stream.getSseEventNamesCount() == 1 ? stream.getSseEventNames(0) : "";
    this.idMember = sse ? StreamCodec.pointer(stream.getSseIdMember(), "sse_id_member", "") : Optional.empty();
    this.numbered = sse && stream.getSseIds() && idMember.isEmpty() && !codec.hasIdField();
    this.nextId = firstId;
  }

  /**
   * What the stream opens with, before any message: SSE's {@code retry:} block when the method
   * announces one, else nothing. Send it with the headers, as Spring does; {@link #write} and the
   * ends prepend it if it was not taken.
   */
  public ByteString opening() {
    requireOpen();
    if (started) {
      return ByteString.EMPTY;
    }
    started = true;
    return opening;
  }

  /** Whether bytes have been handed out: from then on the HTTP status is sent and errors go in the stream. */
  public boolean started() {
    return started;
  }

  /** The bytes of one message's frame. */
  public ByteString write(Message message) {
    requireOpen();
    ByteString before = opening();
    if (framing == StreamFraming.STREAM_FRAMING_NDJSON) {
      before = before.concat(ByteString.copyFromUtf8("\n".repeat(codec.blankLinesBefore(message))));
    }
    Optional<ByteString> unreadable = codec.unreadableFrame(message);
    if (unreadable.isPresent()) {
      return before.concat(unreadableFrame(unreadable.get()));
    }
    String json = codec.print(message);
    StringBuilder frame = new StringBuilder(json.length() + 64);
    switch (framing) {
      case STREAM_FRAMING_SSE -> {
        if (idMember.isPresent()) {
          MemberText.find(json, idMember.get()).ifPresent(id -> field(frame, "id", id, "sse_id_member"));
        } else if (codec.hasIdField()) {
          codec.eventId(message).ifPresent(id -> field(frame, "id", id, "sse_id_field"));
        } else if (numbered) {
          field(frame, "id", Long.toString(nextId++), "");
        }
        Optional<String> event = eventMember.isPresent() ? MemberText.find(json, eventMember.get()) : Optional.of(fixedEvent).filter(e -> !e.isEmpty());
        event.ifPresent(name -> field(frame, "event", name, "sse_event_member"));
        data(frame, json);
      }
      case STREAM_FRAMING_JSON_SEQ -> frame.append((char) JsonSeqSplitter.RS).append(json).append('\n');
      default -> frame.append(json).append('\n');
    }
    return before.concat(ByteString.copyFromUtf8(frame.toString()));
  }

  /** A frame the reader could not read ({@link StreamCodec#carryingUnreadableFrames()}), framed again byte for byte. */
  private ByteString unreadableFrame(ByteString bytes) {
    return switch (framing) {
      case STREAM_FRAMING_SSE -> {
        StringBuilder frame = new StringBuilder();
        data(frame, bytes.toStringUtf8()); // SSE is UTF-8 text: its reader decoded the frame so already
        yield ByteString.copyFromUtf8(frame.toString());
      }
      case STREAM_FRAMING_JSON_SEQ -> ByteString.copyFrom(new byte[] {JsonSeqSplitter.RS}).concat(bytes).concat(NEWLINE);
      default -> bytes.concat(NEWLINE);
    };
  }

  /** The stream completed: nothing more to send (the opening, if never taken), and a clean end of the body. */
  public StreamEnd finish() {
    requireOpen();
    ByteString before = opening();
    over = true;
    return before.isEmpty() ? StreamEnd.CLEAN : new StreamEnd(before, false);
  }

  /**
   * The call failed after the stream {@link #started()} (before, answer with ErrorTransform's error
   * response instead: the status can still say it). A response stream writes the error frame (the
   * error response in one JSON value; in SSE an event named {@code error}); a request stream writes
   * nothing. Either way the body must then end abnormally ({@link StreamEnd#abort()}).
   */
  public StreamEnd fail(Status status) {
    requireOpen();
    ByteString before = opening();
    over = true;
    if (codec.side() == StreamSide.REQUEST) {
      return new StreamEnd(before, true);
    }
    String json = ErrorFrame.write(codec.errors().toHttp(status));
    StringBuilder frame = new StringBuilder(json.length() + 32);
    switch (framing) {
      case STREAM_FRAMING_SSE -> {
        field(frame, "event", ERROR_EVENT, "");
        data(frame, json);
      }
      case STREAM_FRAMING_JSON_SEQ -> frame.append((char) JsonSeqSplitter.RS).append(json).append('\n');
      default -> frame.append(json).append('\n');
    }
    return new StreamEnd(before.concat(ByteString.copyFromUtf8(frame.toString())), true);
  }

  /** {@code name:value}; a space after the colon only when the value starts with one (SSE drops one leading space). */
  private static void field(StringBuilder frame, String name, String value, String member) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || name.equals("id") && value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the SSE " + name + " \"" + value + "\"" + (member.isEmpty() ? "" : " (RestStream." + member + ")")
          + " cannot be written on an SSE line: it holds a line break" + (name.equals("id") ? " or NUL" : ""));
    }
    frame.append(name).append(':');
    if (value.startsWith(" ")) {
      frame.append(' ');
    }
    frame.append(value).append('\n');
  }

  /** One {@code data:} line per line of the JSON (compact JSON has one), then the blank line. */
  private static void data(StringBuilder frame, String json) {
    int start = 0;
    for (int i = 0; i <= json.length(); i++) {
      char c = i < json.length() ? json.charAt(i) : '\n';
      if (c == '\n' || c == '\r') {
        frame.append("data:").append(json, start, i).append('\n');
        if (c == '\r' && i + 1 < json.length() && json.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    frame.append('\n');
  }

  private void requireOpen() {
    if (over) {
      throw new IllegalStateException("the stream has already ended (finish or fail)");
    }
  }
}
