package io.rest2grpc.transcoding.requests;

import com.google.protobuf.ByteString;
import io.rest2grpc.transcoding.http.MediaTypes;
import io.rest2grpc.transcoding.requests.InvalidRequest.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.core.ParameterParser;

/**
 * A {@code multipart/form-data} body (RFC 7578 on RFC 2046) ⇄ its parts. Reading splits the body
 * with Commons FileUpload's {@link MultipartInput} and reads each part's {@code Content-Disposition}
 * with its {@link ParameterParser} (quoted values, RFC 2231/5987 {@code filename*}); writing puts a
 * fresh random boundary between the parts, file names in UTF-8 as browsers send them.
 */
final class Multipart {
  static final String MEDIA_TYPE = "multipart/form-data";
  private static final String CRLF = "\r\n";
  /** FileUpload's own default (512 bytes) is short for a long UTF-8 file name beside its Content-Type. */
  private static final int MAX_HEADERS = 10_240;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BOUNDARY_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  /** One part: its name, file name ("" when none), {@code Content-Type} ("" when none: text/plain) and bytes. */
  record Part(String name, String filename, String contentType, ByteString data) {}

  private Multipart() {}

  // Reading

  /** The parts of a body sent with {@code contentType}; throws {@link InvalidRequest} naming the part for a malformed body. */
  static List<Part> parse(String contentType, ByteString body) {
    String boundary = boundary(contentType);
    MultipartInput input;
    try {
      input = MultipartInput.builder().setInputStream(body.newInput()).setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1))
          .setMaxPartHeaderSize(MAX_HEADERS).get();
      input.setHeaderCharset(StandardCharsets.UTF_8);
      if (!input.skipPreamble()) {
        throw new InvalidRequest(Location.BODY, "", "the body has no part: no delimiter line --" + boundary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory body does not fail to read
    }
    List<Part> parts = new ArrayList<>();
    boolean more = true;
    while (more) {
      String at = "#" + (parts.size() + 1);
      Map<String, String> headers = headers(step(at, "the body ends inside the part's headers", input::readHeaders), at);
      String disposition = headers.get("content-disposition");
      if (disposition == null || !disposition.split(";", 2)[0].strip().equalsIgnoreCase("form-data")) {
        throw new InvalidRequest(Location.BODY, at, "a part needs 'Content-Disposition: form-data; name=\"…\"', got "
            + (disposition == null ? "none" : "'" + disposition + "'"));
      }
      Map<String, String> parameters = parameters(disposition);
      String name = parameters.get("name");
      if (name == null || name.isEmpty()) {
        throw new InvalidRequest(Location.BODY, at, "the part's Content-Disposition has no name: '" + disposition + "'");
      }
      ByteString.Output data = ByteString.newOutput();
      step(name, "the body ends before the part's closing delimiter --" + boundary, () -> input.readBodyData(data));
      parts.add(new Part(name, parameters.getOrDefault("filename", ""), headers.getOrDefault("content-type", ""), data.toByteString()));
      more = step(name, "the delimiter after the part is followed by neither CRLF nor '--'", input::readBoundary);
    }
    return parts;
  }

  /** The {@code boundary} parameter of a {@code multipart/form-data} media type. */
  private static String boundary(String contentType) {
    if (!MediaTypes.essence(contentType).equals(MEDIA_TYPE)) {
      throw new InvalidRequest(Location.BODY, "", "Content-Type '" + contentType + "' is not " + MEDIA_TYPE);
    }
    String boundary = parameters(contentType).get("boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new InvalidRequest(Location.BODY, "", "Content-Type '" + contentType
          + "' needs a boundary parameter of 1 to 70 characters (RFC 2046 §5.1.1): " + MEDIA_TYPE + "; boundary=…");
    }
    return boundary;
  }

  /** Header values by lower-case name, from a part's header section as read (each line {@code Name: value}). */
  private static Map<String, String> headers(String section, String at) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : section.split(CRLF)) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new InvalidRequest(Location.BODY, at, "the part's header line '" + line + "' is no 'Name: value'");
      }
      headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    return headers;
  }

  /** The parameters of a header value ({@code a; name="x"; filename*=UTF-8''y}), names in lower case, {@code *} decoded. */
  static Map<String, String> parameters(String headerValue) {
    ParameterParser parser = new ParameterParser(); // stateful: one per use
    parser.setLowerCaseNames(true);
    return parser.parse(headerValue, ';');
  }

  private interface Step<T> {
    T run() throws IOException;
  }

  /** Runs one step of the reader; a body that does not follow the syntax there is an {@link InvalidRequest} for the part. */
  private static <T> T step(String part, String problem, Step<T> step) {
    try {
      return step.run();
    } catch (FileUploadSizeException e) {
      throw new InvalidRequest(Location.BODY, part, "the part's headers are longer than " + MAX_HEADERS + " bytes");
    } catch (FileUploadException e) { // its message is often the wrapper's "Stream ended unexpectedly": ours says where
      throw new InvalidRequest(Location.BODY, part, problem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Writing

  /** A fresh boundary: 32 random letters and digits after a fixed prefix, never guessed by whoever chose the parts' bytes. */
  static String newBoundary() {
    StringBuilder boundary = new StringBuilder("rest2grpc-");
    for (int i = 0; i < 32; i++) {
      boundary.append(BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)]);
    }
    return boundary.toString();
  }

  /** The body's media type for a boundary. */
  static String contentType(String boundary) {
    return MEDIA_TYPE + "; boundary=" + boundary;
  }

  /** The parts delimited by {@code boundary}; throws {@link IllegalArgumentException} when a part's bytes contain it. */
  static ByteString write(List<Part> parts, String boundary) {
    ByteString delimiter = ByteString.copyFromUtf8("--" + boundary);
    ByteString.Output out = ByteString.newOutput();
    try {
      for (Part part : parts) {
        if (contains(part.data(), delimiter)) {
          throw new IllegalArgumentException("the bytes of part '" + part.name() + "' contain the boundary --" + boundary);
        }
        StringBuilder head = new StringBuilder("--").append(boundary).append(CRLF)
            .append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
        if (!part.filename().isEmpty()) {
          head.append("; filename=\"").append(quoted(part.filename())).append('"');
        }
        head.append(CRLF);
        if (!part.contentType().isEmpty()) {
          head.append("Content-Type: ").append(part.contentType()).append(CRLF);
        }
        out.write(head.append(CRLF).toString().getBytes(StandardCharsets.UTF_8));
        part.data().writeTo(out);
        out.write(CRLF.getBytes(StandardCharsets.US_ASCII));
      }
      out.write(("--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return out.toByteString();
  }

  /** Whether any of the parts' bytes contains the delimiter of {@code boundary}: a fresh boundary is then drawn. */
  static boolean collides(List<Part> parts, String boundary) {
    ByteString delimiter = ByteString.copyFromUtf8("--" + boundary);
    return parts.stream().anyMatch(p -> contains(p.data(), delimiter));
  }

  /** A name or file name inside quotes, as the HTML standard encodes it: {@code "}, CR and LF percent-encoded. */
  private static String quoted(String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static boolean contains(ByteString data, ByteString delimiter) {
    int last = data.size() - delimiter.size();
    for (int i = 0; i <= last; i++) {
      if (data.byteAt(i) == delimiter.byteAt(0) && data.substring(i, i + delimiter.size()).equals(delimiter)) {
        return true;
      }
    }
    return false;
  }
}
