package io.rest2grpc.openapi.convert.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.transcoding.JsonPointer;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which side of an operation streams (module README, "Streaming"): a streaming media type on the
 * response makes a server stream, on the request body a client stream, on both a bidi stream;
 * {@code x-grpc-streaming} forces a mode. Also reads what an SSE stream shows in the spec's
 * examples ({@code event:}, {@code id:}, {@code retry:}) for the REST facade.
 */
public final class StreamingModes {
  static final String OVERRIDE = "x-grpc-streaming";
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamingModes() {}

  /** A forced mode: which sides stream. */
  public record Mode(boolean client, boolean server) {}

  /** The framing of a streaming media type, else null. */
  static StreamFraming framing(String mediaType) {
    return switch (MediaTypes.base(mediaType)) {
      case "text/event-stream" -> StreamFraming.STREAM_FRAMING_SSE;
      case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines",
          "application/stream+json", "application/x-json-stream" -> StreamFraming.STREAM_FRAMING_NDJSON;
      case "application/json-seq" -> StreamFraming.STREAM_FRAMING_JSON_SEQ;
      default -> null;
    };
  }

  /** The first streaming media type of a content map, else null. */
  public static Map.Entry<String, MediaType> streamMedia(Content content) {
    if (content == null) {
      return null;
    }
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      if (framing(e.getKey()) != null) {
        return Map.entry(e.getKey(), e.getValue() == null ? new MediaType() : e.getValue());
      }
    }
    return null;
  }

  /** The first media type of a content map that is not a stream (the alternative to a stream), else null. */
  public static Map.Entry<String, MediaType> nonStreamMedia(Content content) {
    return content == null ? null : content.entrySet().stream().filter(e -> framing(e.getKey()) == null).findFirst().orElse(null);
  }

  /** The operation's x-grpc-streaming: server, client, bidi or none; null when absent. */
  public static Mode override(Map<String, Object> extensions, SourceLocation operation) {
    Object value = extensions == null ? null : extensions.get(OVERRIDE);
    if (value == null) {
      return null;
    }
    return switch (value.toString()) {
      case "server" -> new Mode(false, true);
      case "client" -> new Mode(true, false);
      case "bidi" -> new Mode(true, true);
      case "none" -> new Mode(false, false);
      default -> throw new ConversionException(operation.child(OVERRIDE), OVERRIDE + " is '" + value + "'",
          "write server, client, bidi or none");
    };
  }

  /**
   * The stream option of a media type: its framing and media type, and for SSE what the examples
   * show: event names, the message member that repeats the event name, ids, the retry delay; and
   * the resume header when the operation takes one. A forced stream of a JSON body is framed as NDJSON.
   */
  public static RestStream option(Map.Entry<String, MediaType> media, String resumeHeader) {
    StreamFraming framing = framing(media.getKey());
    RestStream.Builder stream = RestStream.newBuilder()
        .setFraming(framing == null ? StreamFraming.STREAM_FRAMING_NDJSON : framing)
        .setMediaType(media.getKey());
    if (framing == StreamFraming.STREAM_FRAMING_SSE) {
      sse(examples(media.getValue()), stream);
    }
    if (resumeHeader != null) {
      stream.setResumeHeader(resumeHeader);
      if (framing == StreamFraming.STREAM_FRAMING_SSE) {
        stream.setSseIds(true); // a client can only resume from the id: of an event it saw
      }
    }
    return stream.build();
  }

  /** The text examples of a media type: its example and the values of its examples. */
  static List<String> examples(MediaType media) {
    List<String> texts = new ArrayList<>();
    if (media.getExample() instanceof String text) {
      texts.add(text);
    }
    if (media.getExamples() != null) {
      for (Example example : media.getExamples().values()) {
        if (example != null && example.getValue() instanceof String text) {
          texts.add(text);
        }
      }
    }
    return texts;
  }

  private static void sse(List<String> examples, RestStream.Builder stream) {
    Set<String> events = new LinkedHashSet<>();
    Members eventMembers = new Members();
    Members idMembers = new Members();
    boolean ids = false;
    for (String example : examples) {
      for (SseEvent event : SseEvent.parse(example)) {
        if (event.name() != null) {
          events.add(event.name());
        }
        ids |= event.id() != null;
        if (event.retry() != null && event.retry().matches("\\d{1,9}")) {
          stream.setSseRetryMs(Integer.parseInt(event.retry()));
        }
        eventMembers.keep(membersHolding(event.data(), event.name()));
        idMembers.keep(membersHolding(event.data(), event.id()));
      }
    }
    if (!events.isEmpty()) {
      stream.addAllSseEventNames(events);
    }
    eventMembers.first().ifPresent(stream::setSseEventMember);
    if (ids) {
      stream.setSseIds(true);
      idMembers.first().ifPresent(stream::setSseIdMember);
    }
  }

  /** The members every event so far holds a value in (null until an event has something to compare). */
  private static final class Members {
    private Set<String> members;

    void keep(Set<String> holding) {
      if (holding != null) {
        members = members == null ? holding : intersect(members, holding);
      }
    }

    /** The first member as a JSON pointer ("/type"). */
    Optional<String> first() {
      return members == null || members.isEmpty() ? Optional.empty()
          : Optional.of(JsonPointer.ROOT.child(members.iterator().next()).toString());
    }
  }

  /**
   * The top-level members of an event's JSON data whose value is {@code text} (a string, or a number
   * written as {@code text}); null when there is nothing to compare.
   */
  private static Set<String> membersHolding(String data, String text) {
    if (data == null || text == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(data);
      if (node == null || !node.isObject()) {
        return null;
      }
      Set<String> members = new LinkedHashSet<>();
      node.properties().forEach(m -> {
        if ((m.getValue().isTextual() || m.getValue().isNumber()) && m.getValue().asText().equals(text)) {
          members.add(m.getKey());
        }
      });
      return members;
    } catch (JsonProcessingException e) {
      return null; // not JSON: nothing to learn from it
    }
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> both = new LinkedHashSet<>(a);
    both.retainAll(b);
    return both;
  }
}
