package io.rest2grpc.transcoding.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.rest2grpc.multipart.v1.FilePart;
import io.rest2grpc.test.v1.MultipartProto;
import io.rest2grpc.test.v1.UploadDocumentRequest;
import io.rest2grpc.test.v1.UploadKind;
import io.rest2grpc.test.v1.UploadLegacyForm;
import io.rest2grpc.test.v1.UploadLegacyRequest;
import io.rest2grpc.test.v1.UploadMeta;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.json.RestJson;
import io.rest2grpc.transcoding.paging.PageTokenKeys;
import io.rest2grpc.transcoding.paging.PageTokens;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import io.rest2grpc.transcoding.routing.Route;
import io.rest2grpc.transcoding.routing.RouteMatch;
import io.rest2grpc.transcoding.routing.RouteTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {
  private static final RouteTable TABLE = RouteTable.of(List.of(MultipartProto.getDescriptor()));
  private static final PageTokens TOKENS = PageTokens.create(PageTokenKeys.of("k1", Map.of("k1", new byte[32])));
  private static final RestJson JSON = RestJson.create();
  /** The boundary curl 8 wrote for the hand-written bodies below. */
  private static final String CURL = "------------------------d74496d66958873e";

  @Test
  void everyKindOfFieldRoundTripsThroughMultipart() throws Exception {
    UploadDocumentRequest request = UploadDocumentRequest.newBuilder()
        .setFolderId(9007199254740993L)
        .setFile(FilePart.newBuilder().setFilename("report.pdf").setContentType("application/pdf").setData(bytes("%PDF-1.7")))
        .setThumbnail(ByteString.copyFrom(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, -1}))
        .addAttachments(FilePart.newBuilder().setFilename("a.csv").setContentType("text/csv").setData(bytes("id\r\n1\r\n")))
        .addAttachments(FilePart.newBuilder().setData(bytes("no name, no type")))
        .setDescription("Q3 – überblick\r\nline two")
        .setPages(12)
        .setChecksum(9007199254740993L)
        .setDraft(true)
        .setKind(UploadKind.UPLOAD_KIND_CREDIT_NOTE)
        .setTakenAt(Timestamp.newBuilder().setSeconds(1714571100))
        .setMeta(UploadMeta.newBuilder().setAuthor("ann").addTags("x").setSize(5))
        .setExtra(UploadMeta.newBuilder().setAuthor("bob"))
        .addLabels("x").addLabels("y z")
        .addHistory(UploadMeta.newBuilder().setAuthor("a")).addHistory(UploadMeta.newBuilder().setAuthor("b"))
        .putProperties("team", "core")
        .setNote("hello")
        .setTrace("t-1")
        .build();

    RestRequest rest = toRest(request);

    assertThat(rest.target()).isEqualTo("/v1/folders/9007199254740993/documents");
    assertThat(rest.contentType()).matches("multipart/form-data; boundary=rest2grpc-[0-9A-Za-z]{32}");
    assertThat(rest.headers().first("X-Trace")).contains("t-1");
    String body = rest.body().toString(StandardCharsets.UTF_8);
    assertThat(body).contains("Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n")
        .contains("name=\"thumbnail\"; filename=\"thumbnail\"\r\nContent-Type: image/png\r\n")
        .contains("name=\"kind\"\r\n\r\ncredit-note\r\n")
        .contains("name=\"takenAt\"\r\n\r\n2024-05-01T13:45:00Z\r\n")
        .contains("name=\"extra\"\r\nContent-Type: application/json\r\n\r\n{\"author\":\"bob\"}\r\n")
        .contains("name=\"note-text\"\r\n\r\nhello\r\n")
        .doesNotContain("name=\"trace\"").doesNotContain("folder");

    GrpcRequest back = toGrpc(rest, UnknownParameters.IGNORE);
    assertThat(UploadDocumentRequest.parseFrom(back.message().toByteString())).isEqualTo(request);
    assertThat(back.unknownParameters()).isEmpty();
  }

  @Test
  void writesOnePartPerValueInDeclarationOrderByteForByte() {
    UploadDocumentRequest request = UploadDocumentRequest.newBuilder()
        .setFolderId(7)
        .setFile(FilePart.newBuilder().setFilename("a \"b\".txt").setContentType("text/plain; charset=utf-8").setData(bytes("hi")))
        .setPages(3)
        .setMeta(UploadMeta.newBuilder().setSize(9007199254740993L))
        .addLabels("x").addLabels("y")
        .addHistory(UploadMeta.newBuilder().setAuthor("a"))
        .build();
    Set<com.google.protobuf.Descriptors.FieldDescriptor> path = Set.of(UploadDocumentRequest.getDescriptor().findFieldByName("folder_id"));

    ByteString body = Multipart.write(new MultipartFields(UploadDocumentRequest.getDescriptor(), path, JSON).print(request), "b0undary");

    assertThat(body.toStringUtf8()).isEqualTo(""
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"a %22b%22.txt\"\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "\r\n"
        + "hi\r\n"
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"pages\"\r\n"
        + "\r\n"
        + "3\r\n"
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"meta\"\r\n"
        + "Content-Type: application/json\r\n"
        + "\r\n"
        + "{\"size\":9007199254740993}\r\n"
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"labels\"\r\n"
        + "\r\n"
        + "x\r\n"
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"labels\"\r\n"
        + "\r\n"
        + "y\r\n"
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"history\"\r\n"
        + "Content-Type: application/json\r\n"
        + "\r\n"
        + "{\"author\":\"a\"}\r\n"
        + "--b0undary--\r\n");
    assertThatThrownBy(() -> Multipart.write(List.of(new Multipart.Part("x", "", "", bytes("a\r\n--b0undary"))), "b0undary"))
        .hasMessage("the bytes of part 'x' contain the boundary --b0undary");
  }

  @Test
  void aBodyAsCurlSendsItBindsEachPartByName() throws Exception {
    String body = curl(
        part("Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\nContent-Type: application/pdf", "%PDF-1.7"),
        part("Content-Disposition: form-data; name=\"attachments\"; filename=\"a.csv\"\r\nContent-Type: text/csv", "id\r\n1"),
        part("Content-Disposition: form-data; name=\"attachments\"; filename=\"b.bin\"\r\nContent-Type: application/octet-stream", "\0\1"),
        part("Content-Disposition: form-data; name=\"description\"", "Q3 report"),
        part("Content-Disposition: form-data; name=\"pages\"", "12"),
        part("Content-Disposition: form-data; name=\"checksum\"", "9007199254740993"),
        part("Content-Disposition: form-data; name=\"draft\"", "true"),
        part("Content-Disposition: form-data; name=\"kind\"", "credit-note"),
        part("Content-Disposition: form-data; name=\"taken_at\"", "2024-05-01T13:45:00Z"),
        part("Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json", "{\"author\":\"ann\",\"tags\":[\"x\"],\"size\":5}"),
        part("Content-Disposition: form-data; name=\"extra\"", "{\"author\":\"bob\"}"),
        part("Content-Disposition: form-data; name=\"labels\"", "x"),
        part("Content-Disposition: form-data; name=\"labels\"", "y"),
        part("Content-Disposition: form-data; name=\"history\"", "{\"author\":\"a\"}"),
        part("Content-Disposition: form-data; name=\"history\"", "{\"author\":\"b\"}"),
        part("Content-Disposition: form-data; name=\"properties\"", "{\"team\":\"core\"}"),
        part("Content-Disposition: form-data; name=\"note-text\"", "hello"),
        part("Content-Disposition: form-data; name=\"description\"", "a second value: the first wins"));

    GrpcRequest grpc = toGrpc(upload("/v1/folders/4/documents", body), UnknownParameters.IGNORE);

    assertThat(UploadDocumentRequest.parseFrom(grpc.message().toByteString())).isEqualTo(UploadDocumentRequest.newBuilder()
        .setFolderId(4)
        .setFile(FilePart.newBuilder().setFilename("report.pdf").setContentType("application/pdf").setData(bytes("%PDF-1.7")))
        .addAttachments(FilePart.newBuilder().setFilename("a.csv").setContentType("text/csv").setData(bytes("id\r\n1")))
        .addAttachments(FilePart.newBuilder().setFilename("b.bin").setContentType("application/octet-stream").setData(bytes("\0\1")))
        .setDescription("Q3 report")
        .setPages(12)
        .setChecksum(9007199254740993L)
        .setDraft(true)
        .setKind(UploadKind.UPLOAD_KIND_CREDIT_NOTE)
        .setTakenAt(Timestamp.newBuilder().setSeconds(1714571100))
        .setMeta(UploadMeta.newBuilder().setAuthor("ann").addTags("x").setSize(5))
        .setExtra(UploadMeta.newBuilder().setAuthor("bob"))
        .addLabels("x").addLabels("y")
        .addHistory(UploadMeta.newBuilder().setAuthor("a")).addHistory(UploadMeta.newBuilder().setAuthor("b"))
        .putProperties("team", "core")
        .setNote("hello")
        .build());
  }

  @Test
  void fileNamesKeepNonAsciiTextRawOrRfc5987Encoded() throws Exception {
    ByteString body = bytes(part("Content-Disposition: form-data; name=\"file\"; filename=\"Zürich 東京.pdf\"\r\n"
            + "Content-Type: application/pdf", "a")
        + part("Content-Disposition: form-data; name=\"attachments\"; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.txt", "b")
        + "--" + CURL + "\r\nContent-Disposition: form-data; name=\"description\"\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n")
        .concat(ByteString.copyFrom("été", StandardCharsets.ISO_8859_1))
        .concat(bytes("\r\n--" + CURL + "--\r\n"));

    UploadDocumentRequest bound = UploadDocumentRequest.parseFrom(toGrpc(RestRequest.of("POST", "/v1/folders/1/documents", RestHeaders.NONE,
        "multipart/form-data; boundary=" + CURL, body), UnknownParameters.IGNORE).message().toByteString());

    assertThat(bound.getFile().getFilename()).isEqualTo("Zürich 東京.pdf");
    assertThat(bound.getAttachments(0).getFilename()).isEqualTo("naïve résumé.txt");
    assertThat(bound.getAttachments(0).getContentType()).isEmpty();
    assertThat(bound.getDescription()).isEqualTo("été");

    RestRequest back = toRest(bound);
    assertThat(back.body().toString(StandardCharsets.UTF_8)).contains("filename=\"Zürich 東京.pdf\"", "filename=\"naïve résumé.txt\"");
    assertThat(UploadDocumentRequest.parseFrom(toGrpc(back, UnknownParameters.IGNORE).message().toByteString())).isEqualTo(bound);
  }

  @Test
  void partBytesMayHoldCrlfDashesAndEveryByte() throws Exception {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    ByteString tricky = bytes("\r\n--\r\n--" + CURL.substring(2) + "x\r\n\r\n--rest2grpc-\r\n").concat(ByteString.copyFrom(all));
    UploadDocumentRequest request = UploadDocumentRequest.newBuilder()
        .setFile(FilePart.newBuilder().setFilename("raw.bin").setData(tricky))
        .setThumbnail(tricky)
        .setDescription("--\r\n--")
        .build();

    RestRequest rest = toRest(request);
    assertThat(UploadDocumentRequest.parseFrom(toGrpc(rest, UnknownParameters.IGNORE).message().toByteString())).isEqualTo(request);

    String nearMiss = "\r\n--\r\n--" + CURL.substring(0, CURL.length() - 1) + "\r\n\r\n--";
    String handWritten = curl(part("Content-Disposition: form-data; name=\"description\"", nearMiss));
    UploadDocumentRequest bound = UploadDocumentRequest.parseFrom(
        toGrpc(upload("/v1/folders/1/documents", handWritten), UnknownParameters.IGNORE).message().toByteString());
    assertThat(bound.getDescription()).isEqualTo(nearMiss);
  }

  @Test
  void aLegacyBytesFieldInsideTheBodyFieldTakesTheFileBytes() throws Exception {
    String body = curl(
        part("Content-Disposition: form-data; name=\"file\"; filename=\"scan.png\"\r\nContent-Type: image/png", "PNG"),
        part("Content-Disposition: form-data; name=\"description\"", "front page"));

    GrpcRequest grpc = toGrpc(upload("/v1/orders/1002/attachments", body), UnknownParameters.IGNORE);
    UploadLegacyRequest bound = UploadLegacyRequest.parseFrom(grpc.message().toByteString());
    assertThat(bound).isEqualTo(UploadLegacyRequest.newBuilder().setOrderId(1002)
        .setForm(UploadLegacyForm.newBuilder().setFile(bytes("PNG")).setDescription("front page")).build());

    RestRequest back = toRest(bound);
    assertThat(back.target()).isEqualTo("/v1/orders/1002/attachments");
    assertThat(back.body().toStringUtf8()).contains("Content-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\nPNG\r\n");
    assertThat(UploadLegacyRequest.parseFrom(toGrpc(back, UnknownParameters.IGNORE).message().toByteString())).isEqualTo(bound);
    assertThat(toRest(UploadLegacyRequest.newBuilder().setOrderId(1).build()).body()).isEmpty();
  }

  @Test
  void unknownPartsAreReportedOrRefusedByPolicy() {
    String body = curl(
        part("Content-Disposition: form-data; name=\"description\"", "d"),
        part("Content-Disposition: form-data; name=\"colour\"", "red"),
        part("Content-Disposition: form-data; name=\"trace\"", "a header field is no part"));
    RestRequest request = upload("/v1/folders/1/documents", body);

    assertThat(toGrpc(request, UnknownParameters.IGNORE).unknownParameters()).containsExactly("colour", "trace");
    assertThatThrownBy(() -> toGrpc(request, UnknownParameters.REJECT))
        .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.location()).isEqualTo(Location.BODY))
        .hasMessage("body parameter 'colour': names no field of the body of POST /v1/folders/{folder_id}/documents");
  }

  @Test
  void malformedBodiesAreInvalidRequestsNamingThePart() {
    String description = "Content-Disposition: form-data; name=\"description\"";
    assertInvalid("multipart/form-data", curl(part(description, "x")), "",
        "Content-Type 'multipart/form-data' needs a boundary parameter of 1 to 70 characters (RFC 2046 §5.1.1): "
            + "multipart/form-data; boundary=…");
    assertInvalid("multipart/form-data; boundary=\"\"", curl(part(description, "x")), "",
        "Content-Type 'multipart/form-data; boundary=\"\"' needs a boundary parameter of 1 to 70 characters (RFC 2046 §5.1.1): "
            + "multipart/form-data; boundary=…");
    assertInvalid("application/json", "{}", "", "Content-Type 'application/json' is not multipart/form-data");
    assertInvalid(null, "description=x", "", "the body has no part: no delimiter line --" + CURL);
    assertInvalid(null, "--" + CURL + "\r\n" + description + "\r\n\r\nhal", "description",
        "the body ends before the part's closing delimiter --" + CURL);
    assertInvalid(null, "--" + CURL + "\r\nContent-Disposition: form-da", "#1",
        "the body ends inside the part's headers");
    assertInvalid(null, curl(part(description, "x"), part("Content-Disposition form-data; name=\"pages\"", "1")), "#2",
        "the part's header line 'Content-Disposition form-data; name=\"pages\"' is no 'Name: value'");
    assertInvalid(null, curl(part("Content-Type: text/plain", "x")), "#1",
        "a part needs 'Content-Disposition: form-data; name=\"…\"', got none");
    assertInvalid(null, curl(part("Content-Disposition: attachment; name=\"x\"", "x")), "#1",
        "a part needs 'Content-Disposition: form-data; name=\"…\"', got 'attachment; name=\"x\"'");
    assertInvalid(null, curl(part("Content-Disposition: form-data; filename=\"a.txt\"", "x")), "#1",
        "the part's Content-Disposition has no name: 'form-data; filename=\"a.txt\"'");
    assertInvalid(null, "--" + CURL + "\r\n" + description + "\r\n\r\nx\r\n--" + CURL + "zz\r\n" + curl(part(description, "y")), "description",
        "the delimiter after the part is followed by neither CRLF nor '--'");
    assertInvalid(null, "--" + CURL + "\r\n" + description + "\r\n\r\nx\r\n--" + CURL, "description",
        "the delimiter after the part is followed by neither CRLF nor '--'");
    assertInvalid(null, "--" + CURL + "\r\nX-Long: " + "a".repeat(20_000) + "\r\n" + description + "\r\n\r\nx\r\n--" + CURL + "--", "#1",
        "the part's headers are longer than 10240 bytes");
    assertInvalid(null, curl(part("Content-Disposition: form-data; name=\"pages\"", "twelve")), "pages", "'twelve' is not an integer");
    assertInvalid(null, curl(part("Content-Disposition: form-data; name=\"meta\"", "{\"size\":\"many\"}")), "meta",
        "'many' is not an integer (at /size)");
    assertInvalid(null, curl(part("Content-Disposition: form-data; name=\"description\"\r\nContent-Type: text/plain; charset=x-none", "x")),
        "description", "the part's charset 'x-none' is not supported; send UTF-8");
  }

  // Helpers

  private static void assertInvalid(String contentType, String body, String parameter, String problem) {
    RestRequest request = RestRequest.of("POST", "/v1/folders/1/documents", RestHeaders.NONE,
        contentType == null ? "multipart/form-data; boundary=" + CURL : contentType, bytes(body));
    RouteMatch.Matched match = (RouteMatch.Matched) TABLE.match("POST", request.target());
    assertThatThrownBy(() -> RequestBinding.of(match.route(), settings(UnknownParameters.IGNORE), JSON).toGrpc(match.variables(), request))
        .isInstanceOfSatisfying(InvalidRequest.class, e -> {
          assertThat(e.location()).isEqualTo(Location.BODY);
          assertThat(e.parameter()).isEqualTo(parameter);
          assertThat(e.problem()).isEqualTo(problem);
        });
  }

  /** A part as curl writes it: its header lines, a blank line, its content. */
  private static String part(String headers, String content) {
    return "--" + CURL + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
  }

  private static String curl(String... parts) {
    return String.join("", parts) + "--" + CURL + "--\r\n";
  }

  private static RestRequest upload(String target, String body) {
    return RestRequest.of("POST", target, RestHeaders.NONE, "multipart/form-data; boundary=" + CURL, bytes(body));
  }

  private static GrpcRequest toGrpc(RestRequest request, UnknownParameters policy) {
    RouteMatch match = TABLE.match(request.method(), request.target(), request.contentType(), null);
    assertThat(match).isInstanceOf(RouteMatch.Matched.class);
    RouteMatch.Matched matched = (RouteMatch.Matched) match;
    return RequestBinding.of(matched.route(), settings(policy), JSON).toGrpc(matched.variables(), request);
  }

  private static RestRequest toRest(Message request) {
    Route route = TABLE.routes().stream().filter(r -> r.method().getInputType().getFullName()
        .equals(request.getDescriptorForType().getFullName())).findFirst().orElseThrow();
    return RequestBinding.of(route, settings(UnknownParameters.IGNORE), JSON).toRest(request, new Metadata());
  }

  private static RequestSettings settings(UnknownParameters policy) {
    return new RequestSettings(TOKENS, RequestSettings.DEFAULT_PASS_THROUGH, policy);
  }

  private static ByteString bytes(String text) {
    return ByteString.copyFrom(text, StandardCharsets.UTF_8);
  }
}
