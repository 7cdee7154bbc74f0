package io.rest2grpc.transcoding.streams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.options.v1.RestStream;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.transcoding.JsonPointer;
import io.rest2grpc.transcoding.RestOptions;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.json.RestJsonException;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one streaming method's messages travel on the REST wire, for one side (request or response):
 * the framing (SSE, NDJSON, JSON-seq) from {@code RestMethod.request_stream}/{@code response_stream},
 * the message each frame is (the whole message, or the HttpRule {@code body}/{@code response_body}
 * field), the SSE members, and the error frame. Immutable and thread-safe; each stream gets its own
 * {@link #reader} or {@link #writer}. The rules: transcoding README, "Streams on the REST wire".
 */
public final class StreamCodec {
  /** gRPC's default maximum inbound message size: a frame becomes one message. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
  /**
   * The field number that carries a request frame the REST side could not read
   * ({@link #carryingUnreadableFrames()}): the highest a field may have, unknown to every message.
   */
  public static final int UNREADABLE_FRAME_FIELD = 536_870_911;
  /** The field number that carries the blank lines before an NDJSON request frame, with {@link #carryingUnreadableFrames()}. */
  public static final int BLANK_LINES_FIELD = 536_870_910;

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final RestJson DEFAULT_JSON = RestJson.create();

  private final String where;
  private final StreamSide side;
  private final RestStream stream;
  private final StreamFraming framing;
  private final String mediaType;
  private final Descriptor messageType;
  private final FieldDescriptor bodyField;
  private final FieldDescriptor idField;
  private final ErrorTransform errors;
  private final RestJson json;
  private final int maxFrameBytes;
  private final boolean carryUnreadable;

  private StreamCodec(String where, StreamSide side, RestStream stream, StreamFraming framing, String mediaType, Descriptor messageType,
      FieldDescriptor bodyField, FieldDescriptor idField, ErrorTransform errors, RestJson json, int maxFrameBytes,
      boolean carryUnreadable) {
    this.where = where;
    this.side = side;
    this.stream = stream;
    this.framing = framing;
    this.mediaType = mediaType;
    this.messageType = messageType;
    this.bodyField = bodyField;
    this.idField = idField;
    this.errors = errors;
    this.json = json;
    this.maxFrameBytes = maxFrameBytes;
    this.carryUnreadable = carryUnreadable;
  }

  /**
   * The codec of a client-streaming method's request ({@link StreamSide#REQUEST}) or a
   * server-streaming method's response ({@link StreamSide#RESPONSE}), from a descriptor read with
   * the extensions registered.
   */
  public static StreamCodec of(MethodDescriptor method, StreamSide side) {
    String where = method.getFullName() + (side == StreamSide.REQUEST ? " (request stream)" : " (response stream)");
    boolean streaming = side == StreamSide.REQUEST ? method.isClientStreaming() : method.isServerStreaming();
    if (!streaming) {
      throw new IllegalArgumentException(method.getFullName() + " is not " + (side == StreamSide.REQUEST ? "client" : "server")
          + "-streaming: its " + side.name().toLowerCase(Locale.ROOT) + " is one message, not a stream");
    }
    RestMethod rest = EffectiveOptions.of(method);
    RestOptions.requireRegistered(method.getOptions(), AnnotationsProto.HTTP_FIELD_NUMBER, method.getFullName());
    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
    RestStream stream = side == StreamSide.REQUEST ? rest.getRequestStream() : rest.getResponseStream();
    String methodMediaType = side == StreamSide.REQUEST
        ? (rest.getRequestMediaType().isEmpty() && rest.getRequestMediaTypesCount() > 0 ? rest.getRequestMediaTypes(0) : rest.getRequestMediaType())
        : rest.getResponseMediaType();
    StreamFraming framing = Framings.of(stream, methodMediaType, where);
    Descriptor type = side == StreamSide.REQUEST ? method.getInputType() : method.getOutputType();
    FieldDescriptor bodyField = bodyField(type, side == StreamSide.REQUEST ? rule.getBody() : rule.getResponseBody(), where);
    ErrorTransform errors = side == StreamSide.RESPONSE ? ErrorTransform.of(method) : null;
    FieldDescriptor idField = null;
    if (framing == StreamFraming.STREAM_FRAMING_SSE) {
      pointer(stream.getSseEventMember(), "sse_event_member", where);
      pointer(stream.getSseIdMember(), "sse_id_member", where);
      idField = idField(type, bodyField, stream.getSseIdField(), where);
    }
    return new StreamCodec(where, side, stream, framing, Framings.mediaType(stream, framing), type, bodyField, idField, errors,
        DEFAULT_JSON, DEFAULT_MAX_FRAME_BYTES, false);
  }

  /** The string field beside the body field that carries each event's SSE id (RestStream.sse_id_field); null without one. */
  private static FieldDescriptor idField(Descriptor type, FieldDescriptor bodyField, String name, String where) {
    if (name.isEmpty()) {
      return null;
    }
    FieldDescriptor field = type.findFieldByName(name);
    if (bodyField == null || field == null || field.isRepeated() || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
      throw new IllegalArgumentException(where + ": RestStream.sse_id_field \"" + name + "\" must be a singular string field of "
          + type.getFullName() + " beside the HttpRule response_body field that holds each event's data; regenerate the proto");
    }
    return field;
  }

  /** The field one frame fills ({@code body: "events"}); null when a frame is the whole message ({@code "*"} or none). */
  private static FieldDescriptor bodyField(Descriptor type, String body, String where) {
    if (body.isEmpty() || body.equals("*")) {
      return null;
    }
    FieldDescriptor field = type.findFieldByName(body);
    if (field == null || field.isRepeated() || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      throw new IllegalArgumentException(where + ": the HttpRule body field \"" + body + "\" of " + type.getFullName()
          + (field == null ? " does not exist" : " is not a singular message field") + "; each frame of a stream fills one message field"
          + " (a message, google.protobuf.Struct or Value), or use body \"*\"");
    }
    return field;
  }

  static Optional<JsonPointer> pointer(String text, String option, String where) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(JsonPointer.parse(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": RestStream." + option + " " + e.getMessage(), e);
    }
  }

  /** The same codec reading frames up to this size (bytes of one frame's JSON, SSE lines included). */
  public StreamCodec withMaxFrameBytes(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("the maximum frame size must be positive, got " + max);
    }
    return new StreamCodec(where, side, stream, framing, mediaType, messageType, bodyField, idField, errors, json, max, carryUnreadable);
  }

  /** The same codec printing and parsing with this REST JSON codec (one with a listener, to count unknown properties). */
  public StreamCodec withJson(RestJson json) {
    return new StreamCodec(where, side, stream, framing, mediaType, messageType, bodyField, idField, errors,
        Objects.requireNonNull(json, "json"), maxFrameBytes, carryUnreadable);
  }

  /**
   * The same request-stream codec, but a frame that is no REST JSON of the message (a line that is
   * no JSON at all, a value of the wrong type) does not fail the stream: it becomes a message
   * holding only the stream's base fields and the frame's bytes under the unknown field
   * {@value #UNREADABLE_FRAME_FIELD}, which the writer sends back as the same frame. A legacy API
   * that reports bad lines of an upload one by one (and applies the others) so still sees them,
   * through a bridge to it; a native gRPC service sees a message without its data, and rejects it
   * as it would any incomplete message. The blank lines before a frame (which NDJSON skips) travel
   * the same way, as a count under {@value #BLANK_LINES_FIELD}, so that line numbers the legacy API
   * reports stay the same.
   */
  public StreamCodec carryingUnreadableFrames() {
    if (side != StreamSide.REQUEST) {
      throw new IllegalStateException(where + ": only a request stream carries unreadable frames; a response stream's frames"
          + " come from the service, which wrote them as messages");
    }
    return new StreamCodec(where, side, stream, framing, mediaType, messageType, bodyField, idField, errors, json, maxFrameBytes, true);
  }

  boolean carriesUnreadable() {
    return carryUnreadable;
  }

  /** The message that carries an unreadable frame's bytes, over {@code base}. */
  Message unreadable(byte[] bytes, int start, int end, Message base) {
    return carrying(base, UNREADABLE_FRAME_FIELD,
        UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFrom(bytes, start, end - start)).build());
  }

  /** {@code message}, carrying the number of blank lines that came before its frame. */
  Message withBlankLinesBefore(Message message, int blankLines) {
    return carrying(message, BLANK_LINES_FIELD, UnknownFieldSet.Field.newBuilder().addVarint(blankLines).build());
  }

  /** The blank lines before the frame a message was read from, where the reader carried them. */
  int blankLinesBefore(Message message) {
    return message.getUnknownFields().getField(BLANK_LINES_FIELD).getVarintList().stream().findFirst().map(Long::intValue).orElse(0);
  }

  private static Message carrying(Message message, int number, UnknownFieldSet.Field value) {
    UnknownFieldSet fields = UnknownFieldSet.newBuilder(message.getUnknownFields()).addField(number, value).build();
    return message.toBuilder().setUnknownFields(fields).build();
  }

  /** The unreadable frame a message carries, if it is such a carrier. */
  Optional<ByteString> unreadableFrame(Message message) {
    UnknownFieldSet.Field field = message.getUnknownFields().getField(UNREADABLE_FRAME_FIELD);
    return field.getLengthDelimitedList().stream().findFirst();
  }

  public StreamFraming framing() {
    return framing;
  }

  /** The Content-Type of the stream: as recorded, else the framing's own. */
  public String mediaType() {
    return mediaType;
  }

  /** A reader of one stream, giving {@code DynamicMessage}s. */
  public StreamReader reader() {
    return reader(DynamicMessage.getDefaultInstance(messageType));
  }

  /**
   * A reader of one stream, each message starting from {@code base}: its type decides the class of
   * the messages (a generated class's default instance gives that class), its fields fill every
   * message (a request stream's path and query fields), and each frame is merged over them.
   */
  public StreamReader reader(Message base) {
    requireType(base);
    return new StreamReader(this, base, splitter());
  }

  /** A reader of one stream's frames as text, unparsed. */
  public StreamFrames frames() {
    return new StreamFrames(splitter());
  }

  private FrameSplitter splitter() {
    return switch (framing) {
      case STREAM_FRAMING_SSE -> new SseSplitter(maxFrameBytes);
      case STREAM_FRAMING_JSON_SEQ -> new JsonSeqSplitter(maxFrameBytes);
      default -> new NdjsonSplitter(maxFrameBytes);
    };
  }

  /** A writer of one stream. */
  public StreamWriter writer() {
    return writer(null);
  }

  /**
   * A writer of one response stream a client resumed: SSE ids numbered by the stream continue after
   * {@code lastEventId} (the request's resume header, e.g. {@code Last-Event-ID}) when it is a
   * whole number; null or anything else starts at 1.
   */
  public StreamWriter writer(String lastEventId) {
    return new StreamWriter(this, stream, firstSequenceNumber(lastEventId));
  }

  private static long firstSequenceNumber(String lastEventId) {
    if (lastEventId == null || lastEventId.isEmpty() || lastEventId.length() > 18 || !lastEventId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 1;
    }
    return Long.parseLong(lastEventId) + 1;
  }

  void requireType(Message message) {
    if (!message.getDescriptorForType().getFullName().equals(messageType.getFullName())) {
      throw new IllegalArgumentException(where + " carries " + messageType.getFullName() + ", not " + message.getDescriptorForType().getFullName());
    }
  }

  StreamSide side() {
    return side;
  }

  ErrorTransform errors() {
    return errors;
  }

  /** The SSE id a message carries in its id field, where the stream has one. */
  Optional<String> eventId(Message message) {
    return idField == null ? Optional.empty() : Optional.of((String) message.getField(idField)).filter(id -> !id.isEmpty());
  }

  boolean hasIdField() {
    return idField != null;
  }

  /** The JSON of one frame: the message, or its body field. */
  String print(Message message) {
    requireType(message);
    return json.print(bodyField == null ? message : (Message) message.getField(bodyField));
  }

  /** The message of one frame's JSON ({@code bytes[start..end)}) and SSE id, over {@code base}. */
  Message parse(byte[] bytes, int start, int end, int frame, Message base, String eventId) {
    Message.Builder message = base.toBuilder();
    Message.Builder target = bodyField == null ? message : message.newBuilderForField(bodyField);
    try (JsonParser in = FACTORY.createParser(bytes, start, end - start)) {
      if (in.nextToken() == null) {
        throw new RestStreamException(RestStreamException.Problem.INVALID_JSON, frame, "empty; expected a JSON " + target.getDescriptorForType().getFullName());
      }
      json.parse(in, target);
      if (in.nextToken() != null) {
        throw new RestStreamException(RestStreamException.Problem.INVALID_JSON, frame, "unexpected content after the JSON value");
      }
    } catch (RestJsonException e) {
      if (e.getCause() instanceof JsonProcessingException malformed) {
        throw malformed(frame, malformed);
      }
      throw new RestStreamException(RestStreamException.Problem.INVALID_JSON, frame,
          "not a REST JSON " + target.getDescriptorForType().getFullName() + " " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw malformed(frame, e);
    } catch (CharConversionException e) {
      // Jackson guessed another encoding from the bytes (UTF-16/32); JSON on the wire is UTF-8 (RFC 8259 §8.1)
      throw new RestStreamException(RestStreamException.Problem.INVALID_JSON, frame, "not UTF-8 JSON text: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading bytes in memory does not fail
    }
    if (bodyField != null) {
      message.setField(bodyField, target.build());
    }
    if (idField != null && eventId != null && !eventId.isEmpty()) {
      message.setField(idField, eventId);
    }
    return message.build();
  }

  private static RestStreamException malformed(int frame, JsonProcessingException e) {
    return new RestStreamException(RestStreamException.Problem.INVALID_JSON, frame, "malformed JSON: " + e.getOriginalMessage(), e);
  }
}
