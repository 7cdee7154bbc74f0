package io.rest2grpc.transcoding.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.rest2grpc.errors.v1.RestErrorOrigin;
import io.rest2grpc.options.v1.StreamFraming;
import io.rest2grpc.test.v1.StreamChange;
import io.rest2grpc.test.v1.StreamChangeEvent;
import io.rest2grpc.test.v1.StreamTrackingEvent;
import io.rest2grpc.test.v1.StreamUploadRequest;
import io.rest2grpc.test.v1.StreamsProto;
import io.rest2grpc.transcoding.errors.ErrorTransform;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import io.rest2grpc.transcoding.streams.RestStreamException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamCodecTest {
  private static final StreamChange CREATED = StreamChange.newBuilder().setType("order.created").setChangeId("c-7").setOrderId(1001).build();
  private static final StreamChange SHIPPED = StreamChange.newBuilder().setType("order.shipped").setChangeId("c-8").setOrderId(9007199254740993L)
      .setNote("Grüße ✓ 🚚, \"quoted\"\nsecond line").build();
  private static final StreamChange BARE = StreamChange.newBuilder().setOrderId(3).build();
  private static final List<Message> CHANGES = List.of(CREATED, SHIPPED, BARE);

  static MethodDescriptor method(String name) {
    return StreamsProto.getDescriptor().findServiceByName("StreamsService").findMethodByName(name);
  }

  static StreamCodec codec(String method, StreamSide side) {
    return StreamCodec.of(method(method), side);
  }

  /** The whole stream a writer produces for these messages, ending cleanly. */
  static ByteString written(StreamWriter writer, List<? extends Message> messages) {
    ByteString bytes = writer.opening();
    for (Message message : messages) {
      bytes = bytes.concat(writer.write(message));
    }
    StreamEnd end = writer.finish();
    assertThat(end.abort()).isFalse();
    return bytes.concat(end.lastBytes());
  }

  /** Reads the bytes cut at the given offsets, then ends the stream. */
  static List<StreamItem> read(StreamReader reader, ByteString bytes, int... cuts) {
    List<StreamItem> items = new ArrayList<>();
    int from = 0;
    for (int cut : cuts) {
      items.addAll(reader.push(bytes.substring(from, cut)));
      from = cut;
    }
    items.addAll(reader.push(bytes.substring(from)));
    items.addAll(reader.end());
    return items;
  }

  static List<StreamItem> byteByByte(StreamReader reader, ByteString bytes) {
    List<StreamItem> items = new ArrayList<>();
    for (int i = 0; i < bytes.size(); i++) {
      items.addAll(reader.push(bytes.substring(i, i + 1)));
    }
    items.addAll(reader.end());
    return items;
  }

  static List<Message> messages(List<StreamItem> items) {
    return items.stream().map(item -> ((StreamItem.Data) item).message()).toList();
  }

  static RestStreamException failure(StreamReader reader, String text) {
    return catchThrowableOfType(() -> read(reader, ByteString.copyFromUtf8(text)), RestStreamException.class);
  }

  @Nested
  class Writing {
    @Test
    void sseWritesRetryFirstThenIdEventAndDataFromTheMembersAsSpringDoes() {
      StreamWriter writer = codec("WatchChanges", StreamSide.RESPONSE).writer();
      assertThat(writer.opening().toStringUtf8()).isEqualTo("retry:3000\n\n");
      assertThat(writer.write(CREATED).toStringUtf8())
          .isEqualTo("id:c-7\nevent:order.created\ndata:{\"type\":\"order.created\",\"id\":\"c-7\",\"orderId\":1001}\n\n");
      assertThat(writer.write(BARE).toStringUtf8()).as("no member value: no id or event line").isEqualTo("data:{\"orderId\":3}\n\n");
      assertThat(writer.finish()).isEqualTo(new StreamEnd(ByteString.EMPTY, false));
    }

    @Test
    void sseNumbersEventsAfterTheClientsLastEventIdAndWritesTheOnlyEventName() {
      StreamCodec codec = codec("WatchNumbered", StreamSide.RESPONSE);
      StreamWriter resumed = codec.writer("41");
      assertThat(resumed.opening()).as("no retry announced").isEmpty();
      assertThat(resumed.write(BARE).toStringUtf8()).isEqualTo("id:42\nevent:change\ndata:{\"orderId\":3}\n\n");
      assertThat(resumed.write(BARE).toStringUtf8()).startsWith("id:43\n");
      assertThat(codec.writer("not-a-number").write(BARE).toStringUtf8()).startsWith("id:1\n");
      assertThat(codec.writer().write(BARE).toStringUtf8()).startsWith("id:1\n");
    }

    @Test
    void theOpeningIsSentWithTheFirstFrameWhenNotTakenBefore() {
      StreamWriter writer = codec("WatchChanges", StreamSide.RESPONSE).writer();
      assertThat(writer.started()).isFalse();
      assertThat(writer.write(BARE).toStringUtf8()).isEqualTo("retry:3000\n\ndata:{\"orderId\":3}\n\n");
      assertThat(writer.started()).isTrue();
      assertThat(codec("WatchChanges", StreamSide.RESPONSE).writer().finish().lastBytes().toStringUtf8()).isEqualTo("retry:3000\n\n");
    }

    @Test
    void ndjsonAndJsonSeqFrameOneCompactValueEach() {
      assertThat(codec("ExportChanges", StreamSide.RESPONSE).writer().write(BARE).toStringUtf8()).isEqualTo("{\"orderId\":3}\n");
      assertThat(codec("SequenceChanges", StreamSide.RESPONSE).writer().write(BARE).toStringUtf8()).isEqualTo("\u001e{\"orderId\":3}\n");
    }

    @Test
    void aRequestStreamWithABodyFieldWritesOnlyThatField() {
      StreamUploadRequest upload = StreamUploadRequest.newBuilder().setShelf("s1")
          .setBody(StreamTrackingEvent.newBuilder().setOrderId(1001).setStatus("shipped")).build();
      assertThat(codec("UploadEvents", StreamSide.REQUEST).writer().write(upload).toStringUtf8())
          .isEqualTo("{\"orderId\":1001,\"status\":\"shipped\"}\n");
    }

    @Test
    void anSseFieldCannotHoldALineBreak() {
      StreamChange broken = CREATED.toBuilder().setType("order\ncreated").build();
      assertThatThrownBy(() -> codec("WatchChanges", StreamSide.RESPONSE).writer().write(broken))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("RestStream.sse_event_member").hasMessageContaining("line break");
    }

    @Test
    void aMessageOfAnotherTypeIsRefused() {
      assertThatThrownBy(() -> codec("WatchChanges", StreamSide.RESPONSE).writer().write(StreamTrackingEvent.getDefaultInstance()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rest2grpc.test.v1.StreamsService.WatchChanges (response stream) carries rest2grpc.test.v1.StreamChange,"
              + " not rest2grpc.test.v1.StreamTrackingEvent");
    }
  }

  @Nested
  class RoundTrips {
    @ParameterizedTest
    @ValueSource(strings = {"WatchChanges", "WatchNumbered", "ExportChanges", "SequenceChanges"})
    void messagesToBytesToTheSameMessagesWhereverTheBytesAreCut(String method) {
      StreamCodec codec = codec(method, StreamSide.RESPONSE);
      ByteString bytes = written(codec.writer(), CHANGES);
      assertThat(messages(read(codec.reader(StreamChange.getDefaultInstance()), bytes))).isEqualTo(CHANGES);
      assertThat(messages(byteByByte(codec.reader(StreamChange.getDefaultInstance()), bytes))).as("byte by byte").isEqualTo(CHANGES);
      for (int cut = 0; cut <= bytes.size(); cut++) {
        assertThat(messages(read(codec.reader(StreamChange.getDefaultInstance()), bytes, cut))).as("cut at %d", cut).isEqualTo(CHANGES);
      }
    }

    @Test
    void aReaderWithoutABaseGivesDynamicMessagesOfTheSameContent() {
      StreamCodec codec = codec("SequenceChanges", StreamSide.RESPONSE);
      List<Message> read = messages(read(codec.reader(), written(codec.writer(), CHANGES)));
      assertThat(read).allSatisfy(message -> assertThat(message).isInstanceOf(DynamicMessage.class));
      assertThat(read.stream().map(Message::toByteString).toList()).isEqualTo(CHANGES.stream().map(Message::toByteString).toList());
    }

    @Test
    void sseIdsBesideTheDataCrossBothWaysAsTheLegacyApiNumberedThem() {
      StreamCodec codec = codec("WatchWithIds", StreamSide.RESPONSE);
      ByteString legacy = ByteString.copyFromUtf8("id:57\ndata:{\"orderId\":3}\n\nid:58\ndata:{\"orderId\":4}\n\n");

      List<Message> read = messages(read(codec.reader(StreamChangeEvent.getDefaultInstance()), legacy));

      assertThat(read).containsExactly(
          StreamChangeEvent.newBuilder().setChange(StreamChange.newBuilder().setOrderId(3)).setEventId("57").build(),
          StreamChangeEvent.newBuilder().setChange(StreamChange.newBuilder().setOrderId(4)).setEventId("58").build());
      assertThat(written(codec.writer("56"), read)).as("the ids, not a count from Last-Event-ID").isEqualTo(legacy);
    }

    @Test
    void framesAreTheTextAsSentWhereverTheBytesAreCut() {
      String sent = "retry:3000\n\nid:c-7\nevent:order.created\ndata:{\"orderId\" : 1001,\ndata: \"extra\":true}\n\n: a comment\ndata:{}\n\n";
      StreamFrames frames = codec("WatchChanges", StreamSide.RESPONSE).frames();
      List<StreamFrames.Frame> read = new java.util.ArrayList<>();
      for (int i = 0; i < sent.length(); i += 7) {
        read.addAll(frames.push(ByteString.copyFromUtf8(sent.substring(i, Math.min(sent.length(), i + 7)))));
      }
      read.addAll(frames.end());
      assertThat(read).containsExactly(
          new StreamFrames.Frame("{\"orderId\" : 1001,\n\"extra\":true}", new SseFields("order.created", "c-7", OptionalLong.of(3000))),
          new StreamFrames.Frame("{}", new SseFields("", "c-7", OptionalLong.of(3000))));
    }

    @Test
    void sseEventsKeepTheirIdEventAndRetry() {
      StreamCodec codec = codec("WatchNumbered", StreamSide.RESPONSE);
      List<StreamItem> items = read(codec.reader(), written(codec.writer("9"), List.of(BARE, BARE)));
      assertThat(items).extracting(item -> ((StreamItem.Data) item).sse()).containsExactly(
          new SseFields("change", "10", OptionalLong.empty()), new SseFields("change", "11", OptionalLong.empty()));
      assertThat(items).extracting(StreamItem::frame).containsExactly(1, 2);
    }

    @Test
    void aRequestStreamFillsTheBodyFieldOverTheBoundFields() {
      StreamCodec codec = codec("UploadEvents", StreamSide.REQUEST);
      StreamUploadRequest base = StreamUploadRequest.newBuilder().setShelf("s1").build();
      List<StreamUploadRequest> uploads = List.of(
          base.toBuilder().setBody(StreamTrackingEvent.newBuilder().setOrderId(1001).setStatus("in-progress")).build(),
          base.toBuilder().setBody(StreamTrackingEvent.newBuilder().setOrderId(1002).setStatus("shipped")).build());
      ByteString bytes = written(codec.writer(), uploads);
      assertThat(bytes.toStringUtf8()).isEqualTo("{\"orderId\":1001,\"status\":\"in-progress\"}\n{\"orderId\":1002,\"status\":\"shipped\"}\n");
      assertThat(messages(byteByByte(codec.reader(base), bytes))).isEqualTo(uploads);
    }

    @Test
    void unreadableRequestFramesCanBeCarriedToTheOtherSideByteForByte() throws Exception {
      StreamCodec codec = codec("UploadEvents", StreamSide.REQUEST).carryingUnreadableFrames();
      StreamUploadRequest base = StreamUploadRequest.newBuilder().setShelf("s1").build();
      ByteString upload = ByteString.copyFromUtf8("{\"orderId\":1001}\n\nthis is not json\n{\"orderId\":\"many\"}\n{\"orderId\":1002}\n");

      List<Message> read = messages(byteByByte(codec.reader(base), upload));

      assertThat(read).hasSize(4);
      assertThat(read.get(0)).isEqualTo(base.toBuilder().setBody(StreamTrackingEvent.newBuilder().setOrderId(1001)).build());
      assertThat(read.get(3).getUnknownFields().asMap()).as("no blank line before it: nothing carried").isEmpty();
      StreamUploadRequest carrier = StreamUploadRequest.parseFrom(read.get(1).toByteString());
      assertThat(carrier.hasBody()).as("no data, only the bound fields").isFalse();
      assertThat(carrier.getShelf()).isEqualTo("s1");
      assertThat(carrier.getUnknownFields().getField(StreamCodec.UNREADABLE_FRAME_FIELD).getLengthDelimitedList())
          .as("over the gRPC wire").containsExactly(ByteString.copyFromUtf8("this is not json"));
      List<Message> overTheWire = new ArrayList<>();
      for (Message message : read) {
        overTheWire.add(StreamUploadRequest.parseFrom(message.toByteString()));
      }
      assertThat(written(codec("UploadEvents", StreamSide.REQUEST).writer(), overTheWire))
          .as("the blank line too, so the line numbers a legacy API reports stay the same").isEqualTo(upload);
      assertThatThrownBy(() -> codec("WatchChanges", StreamSide.RESPONSE).carryingUnreadableFrames())
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWholeMessageRequestStreamInJsonSeq() {
      StreamCodec codec = codec("UploadWhole", StreamSide.REQUEST);
      List<StreamTrackingEvent> events = List.of(StreamTrackingEvent.newBuilder().setOrderId(1).build(), StreamTrackingEvent.newBuilder().setStatus("x").build());
      assertThat(messages(byteByByte(codec.reader(StreamTrackingEvent.getDefaultInstance()), written(codec.writer(), events)))).isEqualTo(events);
    }

    @Test
    void aSchemalessStreamCarriesAnyJson() {
      StreamCodec codec = codec("WatchAnything", StreamSide.RESPONSE);
      Struct any = Struct.newBuilder().putFields("nested", Value.newBuilder().setStructValue(Struct.newBuilder()
          .putFields("list", Value.newBuilder().setStringValue("a\u2028b").build())).build()).build();
      assertThat(messages(read(codec.reader(Struct.getDefaultInstance()), written(codec.writer(), List.of(any, Struct.getDefaultInstance())))))
          .containsExactly(any, Struct.getDefaultInstance());
    }
  }

  @Nested
  class ReadingSse {
    /** Every rule of the HTML standard's parser at once: BOM, CRLF, CR and LF, comments, unknown fields, id carry-over, retry. */
    private static final String STREAM = "\uFEFF: a comment\r\nretry: 5000\r\n\r\nid: 7\r\nevent: order.created\r\n"
        + "data: {\"type\":\r\ndata:\"order.created\",\"note\":\"Grüße 🚚\"}\r\n\r\n"
        + "foo: ignored\rretry: 12x\rid: bad\u0000id\revent: only a name\r\r"
        + "data:{\"orderId\":2}\n\n";

    @Test
    void readsEveryFieldAsTheHtmlStandardSays() {
      List<StreamItem> items = read(codec("WatchChanges", StreamSide.RESPONSE).reader(StreamChange.getDefaultInstance()), ByteString.copyFromUtf8(STREAM));
      assertThat(items).containsExactly(
          new StreamItem.Data(1, StreamChange.newBuilder().setType("order.created").setNote("Grüße 🚚").build(),
              new SseFields("order.created", "7", OptionalLong.of(5000))),
          new StreamItem.Data(2, StreamChange.newBuilder().setOrderId(2).build(), new SseFields("", "7", OptionalLong.of(5000))));
    }

    @Test
    void everySplitGivesTheSameItems() {
      ByteString bytes = ByteString.copyFromUtf8(STREAM);
      StreamCodec codec = codec("WatchChanges", StreamSide.RESPONSE);
      List<StreamItem> whole = read(codec.reader(StreamChange.getDefaultInstance()), bytes);
      assertThat(byteByByte(codec.reader(StreamChange.getDefaultInstance()), bytes)).isEqualTo(whole);
      for (int cut = 0; cut <= bytes.size(); cut++) {
        for (int second = cut; second <= bytes.size(); second += 7) {
          assertThat(read(codec.reader(StreamChange.getDefaultInstance()), bytes, cut, second)).as("cut at %d and %d", cut, second).isEqualTo(whole);
        }
      }
    }

    @Test
    void readsTheSampleAppsExample() {
      String example = "retry:3000\n\nid:7\nevent:order.status_changed\n"
          + "data:{\"type\":\"order.status_changed\",\"order_id\":1001,\"status\":\"in-progress\",\"occurred_at\":\"2024-03-15T08:00:00Z\"}\n\n";
      assertThat(read(codec("WatchChanges", StreamSide.RESPONSE).reader(StreamChange.getDefaultInstance()), ByteString.copyFromUtf8(example)))
          .containsExactly(new StreamItem.Data(1, StreamChange.newBuilder().setType("order.status_changed").setOrderId(1001).build(),
              new SseFields("order.status_changed", "7", OptionalLong.of(3000))));
    }

    @Test
    void anEventWithoutDataIsNoFrameAndEmptyDataIsAnEmptyFrame() {
      StreamReader reader = codec("WatchChanges", StreamSide.RESPONSE).reader();
      assertThat(reader.push(ByteString.copyFromUtf8("event: nothing\nid: 3\n\n"))).isEmpty();
      RestStreamException e = catchThrowableOfType(() -> reader.push(ByteString.copyFromUtf8("data:\n\n")), RestStreamException.class);
      assertThat(e.problem()).isEqualTo(Problem.INVALID_JSON);
      assertThat(e).hasMessage("frame 1 of the REST stream: empty; expected a JSON rest2grpc.test.v1.StreamChange");
    }
  }

  @Nested
  class Malformed {
    @Test
    void invalidJsonNamesTheFrameAndKeepsTheFramesBeforeIt() {
      StreamReader reader = codec("ExportChanges", StreamSide.RESPONSE).reader();
      RestStreamException e = catchThrowableOfType(() -> reader.push(ByteString.copyFromUtf8("{\"orderId\":1}\n{\"orderId\":}\n")),
          RestStreamException.class);
      assertThat(e.problem()).isEqualTo(Problem.INVALID_JSON);
      assertThat(e.frame()).isEqualTo(2);
      assertThat(e.getMessage()).startsWith("frame 2 of the REST stream: malformed JSON: Unexpected character ('}'");
      assertThat(e.itemsBefore()).extracting(StreamItem::frame).containsExactly(1);
      assertThatThrownBy(() -> reader.push(ByteString.EMPTY)).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed at frame 2");
    }

    @Test
    void jsonOfTheWrongShapeNamesTheFrameAndThePointer() {
      RestStreamException e = failure(codec("UploadEvents", StreamSide.REQUEST).reader(), "{}\n{\"orderId\":\"many\"}\n");
      assertThat(e.problem()).isEqualTo(Problem.INVALID_JSON);
      assertThat(e.getMessage()).startsWith("frame 2 of the REST stream: not a REST JSON rest2grpc.test.v1.StreamTrackingEvent at /orderId: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WatchChanges", "ExportChanges", "SequenceChanges"})
    void aFrameLargerThanTheMaximumFailsBeforeItIsBuffered(String method) {
      StreamCodec codec = codec(method, StreamSide.RESPONSE).withMaxFrameBytes(100);
      StreamReader reader = codec.reader();
      ByteString first = written(codec.writer(), List.of(BARE));
      assertThat(reader.push(first)).hasSize(1);
      String opening = method.equals("SequenceChanges") ? "\u001e{\"note\":\"" : method.equals("WatchChanges") ? "data:{\"note\":\"" : "{\"note\":\"";
      reader.push(ByteString.copyFromUtf8(opening));
      int[] pushed = {0};
      RestStreamException e = catchThrowableOfType(() -> {
        for (; pushed[0] < 10_000; pushed[0]++) {
          reader.push(ByteString.copyFromUtf8("x"));
        }
      }, RestStreamException.class);
      assertThat(pushed[0]).as("fails as the frame passes the maximum, not at its end").isLessThan(100);
      assertThat(e.problem()).isEqualTo(Problem.FRAME_TOO_LARGE);
      assertThat(e).hasMessageStartingWith("frame 2 of the REST stream: longer than 100 bytes before its end");
    }

    @Test
    void aTruncatedLastFrameIsReportedByEnd() {
      assertThat(failure(codec("ExportChanges", StreamSide.RESPONSE).reader(), "{\"orderId\":1}\n{\"orderId\":2, \"note\":\"cut"))
          .extracting(RestStreamException::problem, RestStreamException::frame).containsExactly(Problem.TRUNCATED, 2);
      assertThat(failure(codec("WatchChanges", StreamSide.RESPONSE).reader(), "data:{}\n\ndata:{}\n"))
          .extracting(RestStreamException::problem, RestStreamException::frame).containsExactly(Problem.TRUNCATED, 2);
      assertThat(failure(codec("SequenceChanges", StreamSide.RESPONSE).reader(), "\u001e{\"orderId\":1"))
          .extracting(RestStreamException::problem, RestStreamException::frame).containsExactly(Problem.TRUNCATED, 1);
      assertThat(failure(codec("SequenceChanges", StreamSide.RESPONSE).reader(), "\u001e{\"orderId\":1}\n\u001e{\"orderId\":\u001e{}\n"))
          .as("cut short by the next RS").extracting(RestStreamException::problem, RestStreamException::frame).containsExactly(Problem.TRUNCATED, 2);
    }

    @Test
    void aLastFrameWithoutItsTerminatorIsStillAFrameWhenComplete() {
      assertThat(messages(read(codec("ExportChanges", StreamSide.RESPONSE).reader(StreamChange.getDefaultInstance()),
          ByteString.copyFromUtf8("\uFEFF{\"orderId\":1}\r\n\n  \n{\"orderId\":2}")))).containsExactly(
          StreamChange.newBuilder().setOrderId(1).build(), StreamChange.newBuilder().setOrderId(2).build());
      assertThat(messages(read(codec("SequenceChanges", StreamSide.RESPONSE).reader(StreamChange.getDefaultInstance()),
          ByteString.copyFromUtf8("\u001e\u001e{\n  \"orderId\": 1\n}\n\u001e{\"orderId\":2}")))).containsExactly(
          StreamChange.newBuilder().setOrderId(1).build(), StreamChange.newBuilder().setOrderId(2).build());
    }

    @Test
    void jsonSeqTextOutsideARecordIsMalformedFraming() {
      assertThat(failure(codec("SequenceChanges", StreamSide.RESPONSE).reader(), "\u001e{}\n{}\n"))
          .extracting(RestStreamException::problem, RestStreamException::frame).containsExactly(Problem.MALFORMED_FRAMING, 2);
    }
  }

  @Nested
  class MidStreamErrors {
    private static final RestResponse CONFLICT = RestResponse.of(409, RestHeaders.of("Retry-After", "30"), "application/problem+json",
        "{\"type\":\"https://example.com/probs/stale\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Order 1001 changed\",\"code\":\"staleOrder\"}");

    static Status conflict(String method) {
      return ErrorTransform.of(method(method)).toStatus(CONFLICT);
    }

    /** The Status with its details unpacked: two Statuses are the same when these are equal (map entries in any order). */
    static List<Object> unpacked(Status status) throws Exception {
      List<Object> parts = new ArrayList<>(List.of(status.getCode(), status.getMessage()));
      for (Any detail : status.getDetailsList()) {
        parts.add(detail.is(ErrorInfo.class) ? detail.unpack(ErrorInfo.class) : detail.is(RestErrorOrigin.class)
            ? detail.unpack(RestErrorOrigin.class) : detail.is(RetryInfo.class) ? detail.unpack(RetryInfo.class) : detail);
      }
      return parts;
    }

    @Test
    void sseWritesTheErrorResponseAsAnErrorEventAndAsksForAnAbortedEnd() {
      StreamWriter writer = codec("WatchChanges", StreamSide.RESPONSE).writer();
      writer.write(CREATED);
      StreamEnd end = writer.fail(conflict("WatchChanges"));
      assertThat(end.abort()).isTrue();
      assertThat(end.lastBytes().toStringUtf8()).isEqualTo("event:error\ndata:{\"error\":{\"status\":409,\"headers\":[[\"retry-after\",\"30\"]],"
          + "\"media_type\":\"application/problem+json\",\"body\":{\"type\":\"https://example.com/probs/stale\",\"title\":\"Conflict\","
          + "\"detail\":\"Order 1001 changed\",\"code\":\"staleOrder\",\"status\":409}}}\n\n");
      assertThatThrownBy(() -> writer.write(CREATED)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WatchChanges", "ExportChanges", "SequenceChanges"})
    void theErrorFrameReadsBackAsTheSameStatus(String method) throws Exception {
      StreamCodec codec = codec(method, StreamSide.RESPONSE);
      Status conflict = conflict(method);
      StreamWriter writer = codec.writer();
      ByteString bytes = writer.opening().concat(writer.write(CREATED)).concat(writer.fail(conflict).lastBytes());
      StreamReader reader = codec.reader(StreamChange.getDefaultInstance());
      List<StreamItem> items = new ArrayList<>();
      for (int i = 0; i < bytes.size(); i++) {
        items.addAll(reader.push(bytes.substring(i, i + 1)));
      }
      assertThat(items).hasSize(2);
      assertThat(((StreamItem.Data) items.get(0)).message()).isEqualTo(CREATED);
      StreamItem.Failure failure = (StreamItem.Failure) items.get(1);
      assertThat(failure.frame()).isEqualTo(2);
      assertThat(unpacked(failure.status())).isEqualTo(unpacked(conflict));
      assertThat(ErrorTransform.of(method(method)).toHttp(failure.status()).status()).isEqualTo(409);
      assertThat(reader.push(ByteString.copyFromUtf8("{\"orderId\":5}\n"))).as("nothing follows the error frame").isEmpty();
    }

    @Test
    void aNativeStatusWithoutOriginTravelsToo() {
      StreamCodec codec = codec("ExportChanges", StreamSide.RESPONSE);
      Status unavailable = Status.newBuilder().setCode(Code.UNAVAILABLE_VALUE).setMessage("backend down").build();
      ByteString bytes = codec.writer().fail(unavailable).lastBytes();
      assertThat(bytes.toStringUtf8()).startsWith("{\"error\":{\"status\":503,");
      Status read = ((StreamItem.Failure) read(codec.reader(), bytes).get(0)).status();
      assertThat(read.getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
      assertThat(read.getMessage()).isEqualTo("backend down");
    }

    @Test
    void onlyTheExactShapeIsAnErrorFrame() {
      StreamCodec codec = codec("WatchAnything", StreamSide.RESPONSE);
      List<StreamItem> items = read(codec.reader(), ByteString.copyFromUtf8(
          "{\"error\":{\"status\":500,\"extra\":1}}\n{\"error\":{\"status\":200}}\n{\"error\":\"text\"}\n"));
      assertThat(items).allSatisfy(item -> assertThat(item).isInstanceOf(StreamItem.Data.class)).hasSize(3);
      List<StreamItem> sse = read(codec("WatchChanges", StreamSide.RESPONSE).reader(),
          ByteString.copyFromUtf8("event:other\ndata:{\"error\":{\"status\":500}}\n\n"));
      assertThat(sse.get(0)).as("an SSE error frame is an event named error").isInstanceOf(StreamItem.Data.class);
    }

    @Test
    void aRequestStreamAbortsWithoutAFrame() {
      assertThat(codec("UploadEvents", StreamSide.REQUEST).writer().fail(conflict("WatchChanges"))).isEqualTo(new StreamEnd(ByteString.EMPTY, true));
    }

    @Test
    void aRequestStreamNeverReadsAnErrorFrame() {
      List<StreamItem> items = read(codec("UploadWhole", StreamSide.REQUEST).reader(), ByteString.copyFromUtf8("\u001e{\"error\":{\"status\":500}}\n"));
      assertThat(items.get(0)).isInstanceOf(StreamItem.Data.class);
    }

    @Test
    void aBrokenConnectionWithoutAnErrorFrameIsUnavailable() {
      StreamReader reader = codec("ExportChanges", StreamSide.RESPONSE).reader();
      reader.push(ByteString.copyFromUtf8("{}\n{\"ord"));
      assertThat(reader.connectionLost()).isEqualTo(Status.newBuilder().setCode(Code.UNAVAILABLE_VALUE)
          .setMessage("the REST stream broke off after 1 frame(s), without an error frame").build());
    }
  }

  @Nested
  class Framing {
    @Test
    void theFramingComesFromTheOptionElseTheMediaType() {
      assertThat(codec("WatchChanges", StreamSide.RESPONSE).framing()).isEqualTo(StreamFraming.STREAM_FRAMING_SSE);
      assertThat(codec("ExportChanges", StreamSide.RESPONSE).framing()).isEqualTo(StreamFraming.STREAM_FRAMING_NDJSON);
      assertThat(codec("ExportChanges", StreamSide.RESPONSE).mediaType()).isEqualTo("application/jsonl");
      assertThat(codec("WatchAnything", StreamSide.RESPONSE).mediaType()).isEqualTo("application/x-ndjson");
      assertThat(codec("SequenceChanges", StreamSide.RESPONSE).framing()).isEqualTo(StreamFraming.STREAM_FRAMING_JSON_SEQ);
    }

    @Test
    void aSideThatDoesNotStreamIsRefused() {
      assertThatThrownBy(() -> codec("UploadEvents", StreamSide.RESPONSE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rest2grpc.test.v1.StreamsService.UploadEvents is not server-streaming: its response is one message, not a stream");
    }

    @Test
    void aBaseOfAnotherTypeIsRefused() {
      assertThatThrownBy(() -> codec("UploadEvents", StreamSide.REQUEST).reader(StreamChange.getDefaultInstance()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries rest2grpc.test.v1.StreamUploadRequest");
    }
  }
}
