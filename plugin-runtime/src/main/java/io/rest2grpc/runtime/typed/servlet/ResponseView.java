package io.rest2grpc.runtime.typed.servlet;

import com.google.protobuf.ByteString;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestHeaders.Header;
import io.rest2grpc.transcoding.http.RestResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The servlet response a typed gRPC call gives Spring MVC to write into (an exception resolver's error
 * answer, an interceptor's headers), read back as a {@link RestResponse} by {@link #toRest()}. Everything
 * is buffered until then: committing only freezes the status and headers, and {@code sendError} writes no
 * error page, it keeps the message ({@link #errorMessage()}). There are no trailers and no async writes.
 */
public final class ResponseView implements HttpServletResponse {
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String CONTENT_LENGTH = "Content-Length";
  private static final String DEFAULT_ENCODING = "ISO-8859-1";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  /** A header's name as first spelled, and its values in order. */
  private record Field(String name, List<String> values) {}

  private final Map<String, Field> headers = new LinkedHashMap<>(); // by lower-case name
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final BodyStream bodyStream = new BodyStream();
  private int status = SC_OK;
  private String mediaType; // the Content-Type without its charset, which is characterEncoding
  private String characterEncoding = DEFAULT_ENCODING;
  private boolean charsetSet; // by setContentType, setCharacterEncoding or getWriter: Content-Type then names it
  private boolean usingStream;
  private StringWriter text; // what getWriter() wrote, encoded by toRest()
  private PrintWriter writer;
  private boolean committed;
  private int bufferSize = 8192;
  private Locale locale = Locale.getDefault();
  private String errorMessage;

  /**
   * The response as a {@link RestResponse}: the status, the headers in order (Content-Type apart, as the media type)
   * and the body. A writer needs no flush first: it does not buffer.
   */
  public RestResponse toRest() {
    List<Header> list = new ArrayList<>();
    headers.values().forEach(field -> field.values().forEach(value -> list.add(new Header(field.name(), value))));
    byte[] bytes = text == null ? body.toByteArray() : text.toString().getBytes(Charset.forName(characterEncoding));
    return new RestResponse(status, new RestHeaders(list), getContentType(), ByteString.copyFrom(bytes));
  }

  /** The message of {@link #sendError(int, String)}, when it was given one. */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  @Override
  public void setStatus(int status) {
    if (!committed) {
      this.status = status;
    }
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void setHeader(String name, String value) {
    if (name.equalsIgnoreCase(CONTENT_TYPE)) {
      setContentType(value);
    } else if (!committed) {
      if (value == null) {
        headers.remove(key(name));
      } else {
        List<String> values = field(name).values();
        values.clear();
        values.add(value);
      }
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (name.equalsIgnoreCase(CONTENT_TYPE) || name.equalsIgnoreCase(CONTENT_LENGTH)) {
      setHeader(name, value); // single-valued: Spring adds them as it copies its HttpHeaders in
    } else if (!committed && value != null) {
      field(name).values().add(value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, Integer.toString(value));
  }

  @Override
  public void setDateHeader(String name, long date) {
    setHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
  }

  @Override
  public void addDateHeader(String name, long date) {
    addHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
  }

  @Override
  public boolean containsHeader(String name) {
    return name.equalsIgnoreCase(CONTENT_TYPE) ? mediaType != null : headers.containsKey(key(name));
  }

  @Override
  public String getHeader(String name) {
    Collection<String> values = getHeaders(name);
    return values.isEmpty() ? null : values.iterator().next();
  }

  @Override
  public Collection<String> getHeaders(String name) {
    if (name.equalsIgnoreCase(CONTENT_TYPE)) {
      return mediaType == null ? List.of() : List.of(getContentType());
    }
    Field field = headers.get(key(name));
    return field == null ? List.of() : List.copyOf(field.values());
  }

  @Override
  public Collection<String> getHeaderNames() {
    List<String> names = new ArrayList<>(headers.values().stream().map(Field::name).toList());
    if (mediaType != null) {
      names.add(CONTENT_TYPE);
    }
    return names;
  }

  @Override
  public void setContentType(String type) {
    if (committed) {
      return;
    }
    if (type == null) {
      mediaType = null;
      return;
    }
    mediaType = Arrays.stream(type.split(";"))
        .filter(part -> !part.strip().toLowerCase(Locale.ROOT).startsWith("charset="))
        .collect(Collectors.joining(";"));
    String charset = RequestView.charset(type);
    if (charset != null && writer == null) {
      characterEncoding = charset;
      charsetSet = true;
    }
  }

  @Override
  public String getContentType() {
    return mediaType == null || !charsetSet ? mediaType : mediaType + ";charset=" + characterEncoding;
  }

  @Override
  public void setCharacterEncoding(String encoding) {
    if (committed || writer != null) {
      return;
    }
    characterEncoding = encoding == null ? DEFAULT_ENCODING : encoding;
    charsetSet = encoding != null;
  }

  @Override
  public String getCharacterEncoding() {
    return characterEncoding;
  }

  @Override
  public void setContentLength(int length) {
    setContentLengthLong(length);
  }

  @Override
  public void setContentLengthLong(long length) {
    setHeader(CONTENT_LENGTH, Long.toString(length));
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() has already been called for this response");
    }
    usingStream = true;
    return bodyStream;
  }

  @Override
  public PrintWriter getWriter() {
    if (usingStream) {
      throw new IllegalStateException("getOutputStream() has already been called for this response");
    }
    if (writer == null) {
      charsetSet = true;
      text = new StringWriter() {
        @Override
        public void flush() {
          committed = true;
        }
      };
      writer = new PrintWriter(text);
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    committed = true;
  }

  @Override
  public boolean isCommitted() {
    return committed;
  }

  @Override
  public void resetBuffer() {
    if (committed) {
      throw new IllegalStateException("The response has already been committed");
    }
    body.reset();
    if (text != null) {
      text.getBuffer().setLength(0);
    }
  }

  @Override
  public void reset() {
    resetBuffer();
    headers.clear();
    status = SC_OK;
    mediaType = null;
    characterEncoding = DEFAULT_ENCODING;
    charsetSet = false;
    usingStream = false;
    text = null;
    writer = null;
    locale = Locale.getDefault();
    errorMessage = null;
  }

  @Override
  public void setBufferSize(int size) {
    if (committed || body.size() > 0 || (text != null && text.getBuffer().length() > 0)) {
      throw new IllegalStateException("The buffer size cannot change once content has been written");
    }
    bufferSize = size;
  }

  @Override
  public int getBufferSize() {
    return bufferSize;
  }

  @Override
  public void setLocale(Locale locale) {
    if (!committed && locale != null) {
      this.locale = locale;
      setHeader("Content-Language", locale.toLanguageTag());
    }
  }

  @Override
  public Locale getLocale() {
    return locale;
  }

  @Override
  public void sendError(int status, String message) {
    resetBuffer();
    this.status = status;
    errorMessage = message;
    committed = true;
  }

  @Override
  public void sendError(int status) {
    sendError(status, null);
  }

  @Override
  public void sendRedirect(String location) {
    resetBuffer();
    status = SC_FOUND;
    setHeader("Location", location);
    committed = true;
  }

  @Override
  public String encodeURL(String url) {
    return url;
  }

  @Override
  public String encodeRedirectURL(String url) {
    return url;
  }

  @Override
  public void addCookie(Cookie cookie) {
    StringBuilder header = new StringBuilder(cookie.getName()).append('=');
    header.append(cookie.getValue() == null ? "" : cookie.getValue());
    // Path, Domain, Max-Age (when not negative), SameSite...; Secure and HttpOnly are kept as "true" or "false"
    cookie.getAttributes().forEach((name, value) -> {
      if (name.equalsIgnoreCase("Secure") || name.equalsIgnoreCase("HttpOnly")) {
        header.append(Boolean.parseBoolean(value) ? "; " + name : "");
      } else {
        header.append("; ").append(name).append(value.isEmpty() ? "" : "=" + value);
      }
    });
    addHeader("Set-Cookie", header.toString());
  }

  private Field field(String name) {
    return headers.computeIfAbsent(key(name), key -> new Field(name, new ArrayList<>()));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Writes into the buffer; a flush commits, as a container's does. */
  private final class BodyStream extends ServletOutputStream {
    @Override
    public void write(int b) {
      body.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      body.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      committed = true;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("Non-blocking writes are not available on a typed gRPC call");
    }
  }
}
