package io.rest2grpc.sample.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.sample.support.ContractClient;
import io.rest2grpc.sample.support.Exchange;
import io.rest2grpc.sample.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Server-sent events, NDJSON upload, multipart upload and the asynchronous export. */
class StreamingContractTest extends ContractTestBase {

  private static final String NDJSON = "application/x-ndjson";

  @Test
  void subscribersReceiveLiveOrderEventsWithIdAndEventFields() throws Exception {
    try (LiveStream stream = new LiveStream(api.get("/v1/order-events").token(Tokens.READER).openLines())) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/event-stream"));

      long orderId = createOrder("watched").path("id").asLong();
      List<String> event = stream.nextEventFor(orderId);

      assertThat(event).anySatisfy(line -> assertThat(line).matches("id:\\d+"));
      assertThat(event).contains("event:order.created");
      JsonNode data = Exchange.parse(dataOf(event));
      assertThat(data.path("type").asText()).isEqualTo("order.created");
      assertThat(data.path("status").asText()).isEqualTo("pending");
      assertThat(data.path("occurred_at").asText()).isNotBlank();
      ContractClient.check(new Exchange("GET", "/v1/order-events", stream.response.statusCode(),
          stream.response.headers(), String.join("\n", event).getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void lastEventIdReplaysMissedEventsAndLimitEndsTheStream() throws Exception {
    long orderId;
    long createdEventId;
    try (LiveStream stream = new LiveStream(api.get("/v1/order-events").token(Tokens.READER).openLines())) {
      orderId = createOrder("replayed").path("id").asLong();
      createdEventId = idOf(stream.nextEventFor(orderId));
    }
    api.post("/v1/orders/" + orderId + "/status").token(Tokens.WRITER).json(Map.of("status", "in-progress")).send();

    // a client that saw every event before the creation reconnects and gets the two it missed
    Exchange replay = api.get("/v1/order-events?limit=2").token(Tokens.READER)
        .header("Last-Event-ID", Long.toString(createdEventId - 1)).send();

    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).startsWith("retry:3000\n\n");
    List<List<String>> events = events(replay.body());
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).contains("event:order.created", "id:" + createdEventId);
    assertThat(events.get(1)).contains("event:order.status_changed");
    assertThat(idOf(events.get(1))).isGreaterThan(createdEventId);
    JsonNode changed = Exchange.parse(dataOf(events.get(1)));
    assertThat(changed.path("order_id").asLong()).isEqualTo(orderId);
    assertThat(changed.path("status").asText()).isEqualTo("in-progress");
  }

  @Test
  void invalidStreamParametersAre400() {
    assertProblem(api.get("/v1/order-events?limit=0").token(Tokens.READER).send(), 400, "VALIDATION_FAILED");
  }

  @Test
  void ndjsonUploadAppliesGoodLinesAndReportsBadOnes() {
    long first = createOrder("tracked 1").path("id").asLong();
    long second = createOrder("tracked 2").path("id").asLong();
    String upload = String.join("\n",
        "{\"order_id\":" + first + ",\"status\":\"in-progress\",\"occurred_at\":\"2024-03-15T08:00:00Z\"}",
        "",
        "{\"order_id\":" + second + ",\"status\":\"shipped\"}",
        "this is not json",
        "{\"order_id\":42,\"status\":\"in-progress\"}",
        "{\"status\":\"shipped\"}") + "\n";

    Exchange summary = api.post("/v1/tracking-events").token(Tokens.WRITER).body(NDJSON, upload).send();

    assertThat(summary.status()).isEqualTo(200);
    JsonNode json = summary.json();
    assertThat(json.path("received").asInt()).isEqualTo(5);
    assertThat(json.path("applied").asInt()).isEqualTo(1);
    assertThat(json.path("rejected").asInt()).isEqualTo(4);
    List<Integer> rejectedLines = new ArrayList<>();
    json.path("errors").forEach(error -> rejectedLines.add(error.path("line").asInt()));
    assertThat(rejectedLines).containsExactly(3, 4, 5, 6);
    assertThat(json.path("errors").get(0).path("message").asText()).contains("cannot move from pending to shipped");
    assertThat(api.get("/v1/orders/" + first).token(Tokens.READER).send().json().path("status").asText())
        .isEqualTo("in-progress");
  }

  @Test
  void ndjsonUploadRefusesOtherMediaTypes() {
    assertProblem(api.post("/v1/tracking-events").token(Tokens.WRITER).json(List.of()).send(), 415,
        "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void multipartUploadStoresTheFileAndDownloadGivesItBack() throws Exception {
    byte[] pdf = "%PDF-1.4 proof of delivery\n".getBytes(StandardCharsets.US_ASCII);
    Multipart form = new Multipart().file("file", "proof.pdf", "application/pdf", pdf)
        .field("description", "signed by the neighbour");

    Exchange uploaded = api.post("/v1/orders/1002/attachments").token(Tokens.WRITER)
        .body(form.contentType(), form.bytes()).send();

    assertThat(uploaded.status()).isEqualTo(201);
    JsonNode attachment = uploaded.json();
    assertThat(attachment.path("filename").asText()).isEqualTo("proof.pdf");
    assertThat(attachment.path("content_type").asText()).isEqualTo("application/pdf");
    assertThat(attachment.path("size_bytes").asLong()).isEqualTo(pdf.length);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    assertThat(attachment.path("sha256").asText()).isEqualTo(sha256);
    assertThat(attachment.path("description").asText()).isEqualTo("signed by the neighbour");

    Exchange download = api.get(uploaded.header("Location")).token(Tokens.READER).send();
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.contentType()).isEqualTo("application/pdf");
    assertThat(download.header("Content-Disposition")).contains("proof.pdf");
    assertThat(download.bytes()).isEqualTo(pdf);
  }

  @Test
  void multipartUploadErrors() {
    Multipart empty = new Multipart().file("file", "empty.txt", "text/plain", new byte[0]);
    assertProblem(api.post("/v1/orders/1002/attachments").token(Tokens.WRITER)
        .body(empty.contentType(), empty.bytes()).send(), 400, "EMPTY_FILE");
    Multipart noFile = new Multipart().field("description", "nothing attached");
    assertProblem(api.post("/v1/orders/1002/attachments").token(Tokens.WRITER)
        .body(noFile.contentType(), noFile.bytes()).send(), 400, "BAD_REQUEST");
    Multipart small = new Multipart().file("file", "a.txt", "text/plain", new byte[] {'a'});
    assertProblem(api.post("/v1/orders/42/attachments").token(Tokens.WRITER)
        .body(small.contentType(), small.bytes()).send(), 404, "ORDER_NOT_FOUND");
    byte[] tooBig = new byte[1_500_000];
    Arrays.fill(tooBig, (byte) 'x');
    Multipart big = new Multipart().file("file", "big.bin", "application/octet-stream", tooBig);
    assertProblem(api.post("/v1/orders/1002/attachments").token(Tokens.WRITER)
        .body(big.contentType(), big.bytes()).send(), 413, "PAYLOAD_TOO_LARGE");
    assertProblem(api.get("/v1/orders/1002/attachments/999999").token(Tokens.READER).send(), 404,
        "ATTACHMENT_NOT_FOUND");
  }

  @Test
  void exportIsAcceptedThenCompletesWithACsv() throws InterruptedException {
    Exchange accepted = api.post("/v1/order-exports").token(Tokens.WRITER)
        .json(Map.of("statuses", List.of("shipped"))).send();

    assertThat(accepted.status()).isEqualTo(202);
    String location = accepted.header("Location");
    assertThat(location).isEqualTo("/v1/order-exports/" + accepted.json().path("id").asText());
    JsonNode job = accepted.json();
    for (int attempt = 0; attempt < 100 && !"completed".equals(job.path("state").asText()); attempt++) {
      TimeUnit.MILLISECONDS.sleep(100);
      job = api.get(location).token(Tokens.READER).send().json();
    }
    assertThat(job.path("state").asText()).isEqualTo("completed");
    assertThat(job.path("download_url").asText()).isEqualTo(location + "/content");

    Exchange csv = api.get(job.path("download_url").asText()).token(Tokens.READER).send();
    assertThat(csv.contentType()).startsWith("text/csv");
    List<String> rows = csv.body().lines().toList();
    assertThat(rows.get(0)).isEqualTo("id,user_id,status,currency,amount_cents,delivery_date,created_at,note");
    assertThat(rows).hasSize(job.path("order_count").asInt() + 1);
    assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).contains(",shipped,"));
    assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("1003,2,shipped,USD,250000,2024-04-02,"));

    assertProblem(api.get("/v1/order-exports/exp_missing").token(Tokens.READER).send(), 404, "EXPORT_NOT_FOUND");
    assertProblem(api.get("/v1/order-exports/exp_missing/content").token(Tokens.READER).send(), 404,
        "EXPORT_NOT_FOUND");
    assertProblem(api.post("/v1/order-exports").token(Tokens.WRITER).json(Map.of("statuses", List.of("lost")))
        .send(), 400, "MALFORMED_BODY");
  }

  private static List<List<String>> events(String body) {
    List<List<String>> events = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (isEvent(block.lines().toList())) {
        events.add(block.lines().toList());
      }
    }
    return events;
  }

  /** A block with data; the stream also sends a block with only {@code retry:}. */
  private static boolean isEvent(List<String> block) {
    return block.stream().anyMatch(line -> line.startsWith("data:"));
  }

  private static String dataOf(List<String> event) {
    return event.stream().filter(line -> line.startsWith("data:")).findFirst()
        .map(line -> line.substring("data:".length())).orElseThrow(() -> new AssertionError("no data: in " + event));
  }

  private static long idOf(List<String> event) {
    return Long.parseLong(event.stream().filter(line -> line.startsWith("id:")).findFirst()
        .orElseThrow(() -> new AssertionError("no id: in " + event)).substring("id:".length()));
  }

  /** An open event stream whose lines a background thread collects as they arrive. */
  private static final class LiveStream implements AutoCloseable {
    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    LiveStream(HttpResponse<Stream<String>> response) {
      this.response = response;
      Thread reader = new Thread(() -> {
        try {
          response.body().forEach(lines::add);
        } catch (RuntimeException closed) {
          // the test closed the stream
        }
      }, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next complete event about this order, skipping others. */
    List<String> nextEventFor(long orderId) throws InterruptedException {
      List<String> event = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (!line.isEmpty()) {
          event.add(line);
        } else if (!event.isEmpty()) {
          if (isEvent(event) && Exchange.parse(dataOf(event)).path("order_id").asLong() == orderId) {
            return event;
          }
          event = new ArrayList<>();
        }
      }
      throw new AssertionError("no event for order " + orderId + " within 10 s");
    }

    @Override
    public void close() {
      response.body().close();
    }
  }

  /** A multipart/form-data body, written by hand so the test owns every byte that goes on the wire. */
  private static final class Multipart {
    private final String boundary = "----contract-test-boundary-7d1f";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart file(String name, String filename, String contentType, byte[] content) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
          + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
      body.writeBytes(content);
      write("\r\n");
      return this;
    }

    Multipart field(String name, String value) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
      return this;
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      ByteArrayOutputStream complete = new ByteArrayOutputStream();
      complete.writeBytes(body.toByteArray());
      complete.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      return complete.toByteArray();
    }

    private void write(String text) {
      body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
