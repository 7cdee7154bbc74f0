package io.rest2grpc.runtime.typed.servlet;

import io.rest2grpc.transcoding.http.QueryString;
import io.rest2grpc.transcoding.http.RestHeaders.Header;
import io.rest2grpc.transcoding.http.RestRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The servlet request a typed gRPC call stands for: its REST form ({@link RestRequest}) seen through
 * {@link HttpServletRequest}, so Spring MVC's argument resolvers, interceptors and exception resolvers run
 * on it in-process. Parameters come from the query only (a form body is not read into them). There is no
 * connection, session, authentication, multipart, async processing, dispatching or upgrade: those
 * methods answer "none" or throw, saying so.
 */
public final class RequestView implements HttpServletRequest {
  private static final ServletConnection CONNECTION = new ServletConnection() {
    @Override
    public String getConnectionId() {
      return "";
    }

    @Override
    public String getProtocol() {
      return "HTTP/2.0";
    }

    @Override
    public String getProtocolConnectionId() {
      return "";
    }

    @Override
    public boolean isSecure() {
      return false;
    }
  };

  private final RestRequest rest;
  private final List<Header> headers;
  private final String contentType;
  private final Map<String, String[]> parameters;
  private final String servletPath;
  private final String serverName;
  private final int serverPort;
  private final ServletContext servletContext;
  private final String contextPath;
  private final String remoteAddress;
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private String characterEncoding;
  private Principal userPrincipal;
  private ServletInputStream inputStream;
  private BufferedReader reader;

  private RequestView(RestRequest rest, ServletContext servletContext, String remoteAddress) {
    this.rest = rest;
    this.contentType = rest.contentType().isEmpty() ? rest.headers().first("Content-Type").orElse(null) : rest.contentType();
    this.headers = new ArrayList<>(rest.headers().list());
    // RestRequest keeps Content-Type apart from its headers; a servlet request lists it among them
    if (!rest.contentType().isEmpty() && rest.headers().first("Content-Type").isEmpty()) {
      headers.add(new Header("Content-Type", rest.contentType()));
    }
    this.characterEncoding = contentType == null ? null : charset(contentType);
    Map<String, String[]> parameters = new LinkedHashMap<>();
    QueryString.decode(rest.query()).forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
    this.parameters = Collections.unmodifiableMap(parameters);
    this.servletPath = decodePath(rest.path());
    String host = rest.headers().first("Host").orElse("localhost");
    int colon = host.lastIndexOf(':');
    boolean hasPort = colon > host.lastIndexOf(']'); // an IPv6 literal is bracketed: [::1]:8080
    this.serverName = hasPort ? host.substring(0, colon) : host;
    this.serverPort = hasPort ? port(host.substring(colon + 1)) : 80;
    this.servletContext = servletContext;
    // as a container presents it: the request URI starts with the context path (server.servlet.context-path)
    this.contextPath = servletContext == null ? "" : servletContext.getContextPath();
    this.remoteAddress = remoteAddress;
  }

  /** The view of {@code rest}, a call from {@code remoteAddress}; {@code servletContext} may be null. */
  public static RequestView of(RestRequest rest, ServletContext servletContext, String remoteAddress) {
    return new RequestView(rest, servletContext, remoteAddress);
  }

  /** The caller the app's security sees (null: anonymous). */
  public void setUserPrincipal(Principal userPrincipal) {
    this.userPrincipal = userPrincipal;
  }

  @Override
  public String getMethod() {
    return rest.method();
  }

  @Override
  public String getRequestURI() {
    return contextPath + rest.path();
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer(getScheme()).append("://").append(serverName).append(serverPort == 80 ? "" : ":" + serverPort)
        .append(getRequestURI());
  }

  @Override
  public String getContextPath() {
    return contextPath;
  }

  @Override
  public String getServletPath() {
    return servletPath;
  }

  @Override
  public String getPathInfo() {
    return null;
  }

  @Override
  public String getPathTranslated() {
    return null;
  }

  @Override
  public String getQueryString() {
    return rest.query().isEmpty() ? null : rest.query();
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values[0];
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String getHeader(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return Collections.enumeration(headerValues(name));
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    Map<String, String> names = new LinkedHashMap<>();
    headers.forEach(h -> names.putIfAbsent(h.name().toLowerCase(Locale.ROOT), h.name()));
    return Collections.enumeration(names.values());
  }

  @Override
  public int getIntHeader(String name) {
    String value = getHeader(name);
    return value == null ? -1 : Integer.parseInt(value.strip());
  }

  @Override
  public long getDateHeader(String name) {
    String value = getHeader(name);
    if (value == null) {
      return -1;
    }
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Header " + name + " is not an RFC 1123 date: " + value, e);
    }
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public String getCharacterEncoding() {
    return characterEncoding;
  }

  @Override
  public void setCharacterEncoding(String encoding) throws UnsupportedEncodingException {
    if (reader != null) {
      return; // as a container: too late once the body is being read as text
    }
    if (!Charset.isSupported(encoding)) {
      throw new UnsupportedEncodingException(encoding);
    }
    characterEncoding = encoding;
  }

  @Override
  public int getContentLength() {
    return rest.body().size();
  }

  @Override
  public long getContentLengthLong() {
    return rest.body().size();
  }

  @Override
  public ServletInputStream getInputStream() {
    if (reader != null) {
      throw new IllegalStateException("getReader() has already been called for this request");
    }
    if (inputStream == null) {
      inputStream = new BodyStream(rest.body().toByteArray());
    }
    return inputStream;
  }

  @Override
  public BufferedReader getReader() {
    if (inputStream != null) {
      throw new IllegalStateException("getInputStream() has already been called for this request");
    }
    if (reader == null) {
      Charset charset = characterEncoding == null ? StandardCharsets.UTF_8 : Charset.forName(characterEncoding);
      reader = new BufferedReader(new InputStreamReader(rest.body().newInput(), charset));
    }
    return reader;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(new ArrayList<>(attributes.keySet())); // a copy: callers remove while iterating
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  @Override
  public Locale getLocale() {
    List<Locale> locales = locales();
    return locales.isEmpty() ? Locale.getDefault() : locales.get(0);
  }

  @Override
  public Enumeration<Locale> getLocales() {
    List<Locale> locales = locales();
    return Collections.enumeration(locales.isEmpty() ? List.of(Locale.getDefault()) : locales);
  }

  @Override
  public String getScheme() {
    return "http";
  }

  @Override
  public String getServerName() {
    return serverName;
  }

  @Override
  public int getServerPort() {
    return serverPort;
  }

  @Override
  public String getRemoteAddr() {
    return remoteAddress;
  }

  @Override
  public String getRemoteHost() {
    return remoteAddress;
  }

  @Override
  public int getRemotePort() {
    return 0;
  }

  @Override
  public String getLocalName() {
    return "localhost";
  }

  @Override
  public String getLocalAddr() {
    return "127.0.0.1";
  }

  @Override
  public int getLocalPort() {
    return serverPort;
  }

  @Override
  public boolean isSecure() {
    return false;
  }

  @Override
  public String getProtocol() {
    return "HTTP/2.0";
  }

  @Override
  public DispatcherType getDispatcherType() {
    return DispatcherType.REQUEST;
  }

  @Override
  public ServletContext getServletContext() {
    return servletContext;
  }

  /** None: a forward or include would need the container's own request. */
  @Override
  public RequestDispatcher getRequestDispatcher(String path) {
    return null;
  }

  @Override
  public String getRequestId() {
    return "";
  }

  @Override
  public String getProtocolRequestId() {
    return "";
  }

  /** A connection with no id, plain HTTP/2: the call's own connection is gRPC's, not the servlet container's. */
  @Override
  public ServletConnection getServletConnection() {
    return CONNECTION;
  }

  @Override
  public Cookie[] getCookies() {
    List<Cookie> cookies = new ArrayList<>();
    for (String header : headerValues("Cookie")) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          String value = pair.substring(equals + 1).strip();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          try {
            cookies.add(new Cookie(pair.substring(0, equals).strip(), value));
          } catch (IllegalArgumentException e) {
            // a name Cookie refuses: skipped, as containers skip what they cannot parse
          }
        }
      }
    }
    return cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
  }

  @Override
  public Principal getUserPrincipal() {
    return userPrincipal;
  }

  @Override
  public String getRemoteUser() {
    return userPrincipal == null ? null : userPrincipal.getName();
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public String getAuthType() {
    return null;
  }

  @Override
  public HttpSession getSession(boolean create) {
    if (create) {
      throw new UnsupportedOperationException("A typed gRPC call has no HTTP session: bridge this handler to the app's MVC"
          + " stack, or have it not use the session");
    }
    return null;
  }

  @Override
  public HttpSession getSession() {
    return getSession(true);
  }

  @Override
  public String getRequestedSessionId() {
    return null;
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    return false;
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    return false;
  }

  @Override
  public boolean isRequestedSessionIdFromURL() {
    return false;
  }

  @Override
  public String changeSessionId() {
    throw unsupported("changeSessionId()");
  }

  @Override
  public boolean authenticate(HttpServletResponse response) {
    throw unsupported("authenticate()");
  }

  @Override
  public void login(String username, String password) {
    throw unsupported("login()");
  }

  @Override
  public void logout() {
    throw unsupported("logout()");
  }

  @Override
  public Collection<Part> getParts() {
    throw unsupported("getParts()");
  }

  @Override
  public Part getPart(String name) {
    throw unsupported("getPart()");
  }

  @Override
  public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
    throw unsupported("upgrade()");
  }

  @Override
  public AsyncContext startAsync() {
    throw new IllegalStateException("startAsync() is not available on a typed gRPC call");
  }

  @Override
  public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
    return startAsync();
  }

  @Override
  public boolean isAsyncStarted() {
    return false;
  }

  @Override
  public boolean isAsyncSupported() {
    return false;
  }

  @Override
  public AsyncContext getAsyncContext() {
    throw new IllegalStateException("getAsyncContext() is not available on a typed gRPC call");
  }

  @Override
  public Map<String, String> getTrailerFields() {
    return Map.of();
  }

  @Override
  public boolean isTrailerFieldsReady() {
    return true;
  }

  private List<String> headerValues(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
  }

  /** The Accept-Language ranges as locales, most preferred first; none when absent or unparsable. */
  private List<Locale> locales() {
    List<String> header = headerValues("Accept-Language");
    if (header.isEmpty()) {
      return List.of();
    }
    try {
      return Locale.LanguageRange.parse(String.join(",", header)).stream()
          .filter(range -> range.getWeight() > 0 && !range.getRange().equals("*"))
          .map(range -> Locale.forLanguageTag(range.getRange()))
          .toList();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(what + " is not available on a typed gRPC call");
  }

  /** The charset parameter of a media type, unquoted; null when it has none. */
  static String charset(String mediaType) {
    String[] parts = mediaType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
        return parameter[1].strip().replace("\"", "");
      }
    }
    return null;
  }

  /** Percent-decoded as UTF-8, a '+' kept (it is a space only in a query); as sent when malformed. */
  private static String decodePath(String path) {
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path;
    }
  }

  private static int port(String port) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  private static final class BodyStream extends ServletInputStream {
    private final ByteArrayInputStream body;

    BodyStream(byte[] body) {
      this.body = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return body.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return body.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return body.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("Non-blocking reads are not available on a typed gRPC call");
    }
  }
}
