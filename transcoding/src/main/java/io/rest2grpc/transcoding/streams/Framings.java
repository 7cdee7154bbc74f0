package io.rest2grpc.transcoding.streams;

import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.transcoding.http.MediaTypes;

/** A stream's framing: RestStream.framing, else the one its media type names. */
final class Framings {
  private Framings() {}

  /**
   * The recorded framing; else by RestStream.media_type, else by the method's own media type for
   * that side; NDJSON when nothing is recorded (grpc-gateway's newline-delimited JSON).
   */
  static StreamFraming of(RestStream stream, String methodMediaType, String where) {
    if (stream.getFraming() != StreamFraming.STREAM_FRAMING_UNSPECIFIED) {
      if (stream.getFraming() == StreamFraming.UNRECOGNIZED) {
        throw new IllegalArgumentException(where + ": RestStream.framing has a value this version does not know; update rest2grpc");
      }
      return stream.getFraming();
    }
    String mediaType = stream.getMediaType().isEmpty() ? methodMediaType : stream.getMediaType();
    if (mediaType.isEmpty()) {
      return StreamFraming.STREAM_FRAMING_NDJSON;
    }
    return switch (MediaTypes.essence(mediaType)) {
      case "text/event-stream" -> StreamFraming.STREAM_FRAMING_SSE;
      case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines",
           "application/stream+json", "application/x-json-stream" -> StreamFraming.STREAM_FRAMING_NDJSON;
      case "application/json-seq" -> StreamFraming.STREAM_FRAMING_JSON_SEQ;
      default -> throw new IllegalArgumentException(where + ": no stream framing for media type \"" + mediaType
          + "\"; set RestStream.framing (SSE, NDJSON or JSON_SEQ) in the method's (rest2grpc.options.v1.method)");
    };
  }

  /** The Content-Type to send: the recorded one, else the framing's own. */
  static String mediaType(RestStream stream, StreamFraming framing) {
    if (!stream.getMediaType().isEmpty()) {
      return stream.getMediaType();
    }
    return switch (framing) {
      case STREAM_FRAMING_SSE -> "text/event-stream";
      case STREAM_FRAMING_JSON_SEQ -> "application/json-seq";
      default -> "application/x-ndjson";
    };
  }
}
