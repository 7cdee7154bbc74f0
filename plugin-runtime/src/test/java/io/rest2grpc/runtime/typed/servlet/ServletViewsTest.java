package io.rest2grpc.runtime.typed.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestHeaders.Header;
import io.rest2grpc.transcoding.http.RestRequest;
import io.rest2grpc.transcoding.http.RestResponse;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The servlet views as Spring's own request and response machinery reads and writes them. */
class ServletViewsTest {

  private static RequestView view(String target, String... headers) {
    return RequestView.of(RestRequest.of("GET", target, RestHeaders.of(headers)), null, "10.0.0.7");
  }

  private static RequestView post(String contentType, String body, String... headers) {
    RestRequest rest = RestRequest.of("POST", "/v1/notes", RestHeaders.of(headers), contentType, ByteString.copyFromUtf8(body));
    return RequestView.of(rest, null, "10.0.0.7");
  }

  @Test
  void springRoutesThePercentEncodedPath() throws IOException {
    RequestView request = view("/v1/caf%C3%A9/a+b%2Fc?x=1", "Host", "api.example.com:8443");

    assertThat(request.getRequestURI()).isEqualTo("/v1/caf%C3%A9/a+b%2Fc");
    assertThat(request.getServletPath()).isEqualTo("/v1/café/a+b/c");
    assertThat(request.getContextPath()).isEmpty();
    assertThat(request.getPathInfo()).isNull();
    assertThat(request.getQueryString()).isEqualTo("x=1");
    assertThat(request.getRequestURL()).hasToString("http://api.example.com:8443/v1/caf%C3%A9/a+b%2Fc");

    // the PathPattern route matching Spring MVC does by default, from the cached parsed path
    ServletRequestPathUtils.parseAndCache(request);
    assertThat(request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE)).isNotNull();
    PathPattern pattern = PathPatternParser.defaultInstance.parse("/v1/{name}/{rest}");
    PathPattern.PathMatchInfo match =
        pattern.matchAndExtract(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
    assertThat(match).isNotNull();
    assertThat(match.getUriVariables()).containsOnly(Map.entry("name", "café"), Map.entry("rest", "a+b/c"));

    // and the older UrlPathHelper lookup path, as a Boot app's CharacterEncodingFilter leaves the request (UTF-8)
    RequestView utf8 = view("/v1/caf%C3%A9/items");
    utf8.setCharacterEncoding("UTF-8");
    assertThat(UrlPathHelper.defaultInstance.getLookupPathForRequest(utf8)).isEqualTo("/v1/café/items");
    assertThat(UrlPathHelper.defaultInstance.getRequestUri(utf8)).isEqualTo("/v1/café/items");
  }

  @Test
  void queryParametersAreFormDecodedInOrder() {
    RequestView request = view("/v1/search?q=caf%C3%A9+au+lait&tag=a&tag=b%26c&empty&x=1=2");
    ServletWebRequest web = new ServletWebRequest(request);

    assertThat(web.getParameter("q")).isEqualTo("café au lait");
    assertThat(web.getParameterValues("tag")).containsExactly("a", "b&c");
    assertThat(web.getParameter("empty")).isEmpty();
    assertThat(web.getParameter("x")).isEqualTo("1=2");
    assertThat(web.getParameter("missing")).isNull();
    assertThat(web.getParameterMap()).containsOnlyKeys("q", "tag", "empty", "x");
    assertThat(Collections.list(request.getParameterNames())).containsExactly("q", "tag", "empty", "x");
    assertThatThrownBy(() -> request.getParameterMap().put("y", new String[] {"1"}))
        .isInstanceOf(UnsupportedOperationException.class);

    RequestView none = view("/v1/search");
    assertThat(none.getQueryString()).isNull();
    assertThat(none.getParameterMap()).isEmpty();
  }

  @Test
  void headersAreCaseInsensitive() {
    RequestView request = view("/v1/orders", "X-Trace", "t-1", "accept", "application/json", "x-trace", "t-2",
        "Max-Forwards", "3", "If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT", "Bad-Number", "three");
    ServletWebRequest web = new ServletWebRequest(request);

    assertThat(web.getHeader("x-TRACE")).isEqualTo("t-1");
    assertThat(web.getHeaderValues("X-Trace")).containsExactly("t-1", "t-2");
    assertThat(Collections.list(request.getHeaderNames()))
        .containsExactly("X-Trace", "accept", "Max-Forwards", "If-Modified-Since", "Bad-Number");
    assertThat(request.getIntHeader("max-forwards")).isEqualTo(3);
    assertThat(request.getIntHeader("Missing")).isEqualTo(-1);
    assertThatThrownBy(() -> request.getIntHeader("Bad-Number")).isInstanceOf(NumberFormatException.class);
    assertThat(request.getDateHeader("if-modified-since")).isEqualTo(784111777000L);
    assertThat(request.getDateHeader("Missing")).isEqualTo(-1);
    assertThatThrownBy(() -> request.getDateHeader("Bad-Number")).isInstanceOf(IllegalArgumentException.class);
    // Spring's not-modified check reads the date header the same way
    assertThat(web.checkNotModified(784111777000L)).isTrue();

    HttpHeaders headers = new ServletServerHttpRequest(request).getHeaders();
    assertThat(headers.get("X-TRACE")).containsExactly("t-1", "t-2");
    assertThat(headers.getAccept()).containsExactly(MediaType.APPLICATION_JSON);
  }

  @Test
  void theBodyIsReadThroughSpringWithTheContentTypeCharset() throws IOException {
    RequestView request = post("text/plain;charset=UTF-8", "héllo", "Host", "api.example.com");
    ServletServerHttpRequest server = new ServletServerHttpRequest(request);

    assertThat(server.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
    assertThat(server.getHeaders().getContentLength()).isEqualTo(6);
    assertThat(server.getURI()).isEqualTo(URI.create("http://api.example.com/v1/notes"));
    assertThat(request.getCharacterEncoding()).isEqualTo("UTF-8");
    assertThat(new StringHttpMessageConverter().read(String.class, server)).isEqualTo("héllo");
    assertThat(request.getInputStream().isFinished()).isTrue();
    assertThatThrownBy(request::getReader).isInstanceOf(IllegalStateException.class);

    RequestView text = post("text/plain", "héllo");
    assertThat(text.getCharacterEncoding()).isNull();
    assertThat(text.getReader().readLine()).isEqualTo("héllo");
    assertThat(text.getReader()).isSameAs(text.getReader());
    assertThatThrownBy(text::getInputStream).isInstanceOf(IllegalStateException.class);

    RestHeaders json = RestHeaders.of("content-type", "application/json");
    RequestView fromHeader = RequestView.of(RestRequest.of("PUT", "/v1/notes", json, "", ByteString.EMPTY), null, "10.0.0.7");
    assertThat(fromHeader.getContentType()).isEqualTo("application/json");
    assertThat(fromHeader.getContentLength()).isZero();
  }

  @Test
  void attributesAreRemovedBySettingNull() {
    RequestView request = view("/v1/orders");
    request.setAttribute("a", 1);
    request.setAttribute("b", 2);
    request.setAttribute("a", null);

    assertThat(request.getAttribute("a")).isNull();
    assertThat(Collections.list(request.getAttributeNames())).containsExactly("b");
    request.removeAttribute("b");
    assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
  }

  @Test
  void localesFollowAcceptLanguage() {
    RequestView request = view("/v1/orders", "Accept-Language", "fr-CH, en;q=0.8, fr;q=0.9, de;q=0, *;q=0.5");

    assertThat(request.getLocale()).isEqualTo(Locale.forLanguageTag("fr-CH"));
    assertThat(Collections.list(request.getLocales()))
        .containsExactly(Locale.forLanguageTag("fr-CH"), Locale.FRENCH, Locale.ENGLISH);
    assertThat(new ServletWebRequest(request).getLocale()).isEqualTo(Locale.forLanguageTag("fr-CH"));
    assertThat(view("/v1/orders").getLocale()).isEqualTo(Locale.getDefault());
    assertThat(Collections.list(view("/v1/orders").getLocales())).containsExactly(Locale.getDefault());
  }

  @Test
  void cookiesComeFromTheCookieHeader() {
    Cookie[] cookies = view("/v1/orders", "Cookie", "theme=dark; sid=\"a b\"", "cookie", "lang=fr").getCookies();

    assertThat(cookies).extracting(Cookie::getName).containsExactly("theme", "sid", "lang");
    assertThat(cookies).extracting(Cookie::getValue).containsExactly("dark", "a b", "fr");
    assertThat(view("/v1/orders").getCookies()).isNull();
  }

  @Test
  void whatATypedCallDoesNotHaveIsRefusedOrAbsent() {
    RequestView request = view("/v1/orders");

    assertThat(request.getSession(false)).isNull();
    assertThatThrownBy(request::getSession).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("typed gRPC call has no HTTP session").hasMessageContaining("bridge");
    assertThat(new ServletWebRequest(request).getAttribute("cart", RequestAttributes.SCOPE_SESSION)).isNull();
    assertThatThrownBy(request::startAsync).isInstanceOf(IllegalStateException.class).hasMessageContaining("typed gRPC call");
    assertThatThrownBy(request::getParts).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("typed gRPC call");
    assertThat(request.isAsyncSupported()).isFalse();
    assertThat(request.getUserPrincipal()).isNull();

    request.setUserPrincipal(() -> "ada");
    assertThat(request.getRemoteUser()).isEqualTo("ada");
    assertThat(new ServletWebRequest(request).getRemoteUser()).isEqualTo("ada");
    assertThat(request.getServerName()).isEqualTo("localhost");
    assertThat(request.getServerPort()).isEqualTo(80);
    assertThat(request.getRemoteAddr()).isEqualTo("10.0.0.7");
    assertThat(request.getServletConnection().getProtocol()).isEqualTo("HTTP/2.0");
    assertThat(view("/", "Host", "[::1]:9090").getServerName()).isEqualTo("[::1]");
  }

  @Test
  void aProblemDetailWrittenBySpringBecomesTheRestResponse() throws IOException {
    ResponseView response = new ResponseView();
    ServletServerHttpResponse server = new ServletServerHttpResponse(response);
    server.setStatusCode(HttpStatus.NOT_FOUND);
    server.getHeaders().add("X-Request-Id", "r-1");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order 42");

    new MappingJackson2HttpMessageConverter().write(problem, MediaType.APPLICATION_PROBLEM_JSON, server);

    assertThat(response.isCommitted()).isTrue();
    RestResponse rest = response.toRest();
    assertThat(rest.status()).isEqualTo(404);
    assertThat(rest.mediaType()).isEqualTo("application/problem+json");
    assertThat(rest.headers().list()).containsExactly(new Header("X-Request-Id", "r-1"));
    JsonNode json = new ObjectMapper().readTree(rest.body().toByteArray());
    assertThat(json.get("status").asInt()).isEqualTo(404);
    assertThat(json.get("title").asText()).isEqualTo("Not Found");
    assertThat(json.get("detail").asText()).isEqualTo("No order 42");
  }

  @Test
  void textWrittenBySpringIsEncodedWithTheResponseCharset() throws IOException {
    ResponseView response = new ResponseView();
    MediaType utf8Text = MediaType.parseMediaType("text/plain;charset=UTF-8");
    new StringHttpMessageConverter().write("héllo", utf8Text, new ServletServerHttpResponse(response));

    RestResponse rest = response.toRest();
    assertThat(rest.mediaType()).isEqualTo("text/plain;charset=UTF-8");
    assertThat(rest.body().toStringUtf8()).isEqualTo("héllo");
    assertThat(rest.headers().list()).containsExactly(new Header("Content-Length", "6"));

    ResponseView writer = new ResponseView();
    writer.setContentType("text/plain");
    writer.setCharacterEncoding("UTF-8");
    writer.getWriter().print("é");
    assertThat(writer.toRest().body().toByteArray()).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    assertThat(writer.getContentType()).isEqualTo("text/plain;charset=UTF-8");
    assertThatThrownBy(writer::getOutputStream).isInstanceOf(IllegalStateException.class);

    ResponseView stream = new ResponseView();
    stream.getOutputStream().write(1);
    assertThatThrownBy(stream::getWriter).isInstanceOf(IllegalStateException.class);
    assertThat(stream.getCharacterEncoding()).isEqualTo("ISO-8859-1");
    assertThat(stream.getContentType()).isNull();
    assertThat(stream.toRest().mediaType()).isEmpty();
  }

  @Test
  void headersAreAnOrderedCaseInsensitiveMultimap() {
    ResponseView response = new ResponseView();
    response.addHeader("X-Tag", "a");
    response.setHeader("Retry-After", "10");
    response.addHeader("x-tag", "b");
    response.setIntHeader("retry-after", 30);
    response.setDateHeader("Expires", 784111777000L);
    response.setHeader("content-type", "application/json");

    assertThat(response.getHeaderNames()).containsExactly("X-Tag", "Retry-After", "Expires", "Content-Type");
    assertThat(response.getHeaders("X-TAG")).containsExactly("a", "b");
    assertThat(response.getHeader("x-tag")).isEqualTo("a");
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.containsHeader("CONTENT-TYPE")).isTrue();
    assertThat(response.containsHeader("Missing")).isFalse();
    assertThat(response.toRest().headers().list()).containsExactly(new Header("X-Tag", "a"), new Header("X-Tag", "b"),
        new Header("Retry-After", "30"), new Header("Expires", "Sun, 06 Nov 1994 08:49:37 GMT"));
    assertThat(new ServletServerHttpResponse(response).getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
  }

  @Test
  void cookiesBecomeSetCookieHeaders() {
    ResponseView response = new ResponseView();
    Cookie cookie = new Cookie("sid", "abc");
    cookie.setPath("/");
    cookie.setMaxAge(3600);
    cookie.setHttpOnly(true);
    cookie.setSecure(false);
    response.addCookie(cookie);
    response.addCookie(new Cookie("theme", "dark"));

    assertThat(response.getHeaders("set-cookie")).containsExactly("sid=abc; HttpOnly; Max-Age=3600; Path=/", "theme=dark");
  }

  @Test
  void sendErrorCommitsAndKeepsTheMessage() throws IOException {
    ResponseView response = new ResponseView();
    response.getOutputStream().write(new byte[] {1, 2});
    response.sendError(HttpStatus.CONFLICT.value(), "Order 42 is closed");

    assertThat(response.isCommitted()).isTrue();
    assertThat(response.errorMessage()).contains("Order 42 is closed");
    response.setStatus(200);
    response.setHeader("X-Late", "ignored");
    assertThat(response.toRest().status()).isEqualTo(409);
    assertThat(response.toRest().body().isEmpty()).isTrue();
    assertThat(response.toRest().headers().list()).isEmpty();
    assertThatThrownBy(response::reset).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(response::resetBuffer).isInstanceOf(IllegalStateException.class);

    ResponseView plain = new ResponseView();
    plain.sendError(503);
    assertThat(plain.errorMessage()).isEmpty();

    ResponseView redirect = new ResponseView();
    redirect.sendRedirect("/v1/orders/42");
    assertThat(redirect.getStatus()).isEqualTo(302);
    assertThat(redirect.getHeader("location")).isEqualTo("/v1/orders/42");
  }

  @Test
  void resetClearsEverythingBeforeTheCommit() throws IOException {
    ResponseView response = new ResponseView();
    response.setStatus(201);
    response.setHeader("X-A", "1");
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().print("text");
    response.setLocale(Locale.FRANCE);
    assertThat(response.getHeader("Content-Language")).isEqualTo("fr-FR");

    response.reset();

    RestResponse rest = response.toRest();
    assertThat(rest.status()).isEqualTo(200);
    assertThat(rest.headers().list()).isEmpty();
    assertThat(rest.mediaType()).isEmpty();
    assertThat(rest.body().isEmpty()).isTrue();
    response.getOutputStream().write('x');
    assertThat(response.toRest().body().toStringUtf8()).isEqualTo("x");
  }
}
