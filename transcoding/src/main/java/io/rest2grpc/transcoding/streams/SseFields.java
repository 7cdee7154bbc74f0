package io.rest2grpc.transcoding.streams;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What an SSE event carried beside its data: the {@code event:} name (empty when it had none, which
 * the HTML standard reads as "message"), the last event ID ({@code id:} lines carry over to later
 * events; empty when none was sent) and the {@code retry:} delay last announced.
 */
public record SseFields(String event, String id, OptionalLong retryMs) {
  /** Frames of NDJSON and JSON-seq, which carry nothing beside the JSON. */
  public static final SseFields NONE = new SseFields("", "", OptionalLong.empty());

  public SseFields {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(retryMs, "retryMs");
  }
}
