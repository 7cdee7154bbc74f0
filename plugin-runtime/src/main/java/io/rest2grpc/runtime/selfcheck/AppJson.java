package io.rest2grpc.runtime.selfcheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * JSON as the application's Spring MVC reads a {@code @RequestBody} and writes a response body: through the first of
 * its message converters that takes the type as {@code application/json}, so with the app's own {@code ObjectMapper}
 * (its naming strategy, modules, mixins and features), whichever Jackson the app is on: Spring 6's Jackson 2
 * converter is a {@link GenericHttpMessageConverter}, Spring 7's Jackson 3 one a {@link SmartHttpMessageConverter};
 * both are asked with the full generic type, so a {@code List<Item>} is read as items, not maps.
 */
final class AppJson {
  private final List<HttpMessageConverter<?>> converters;

  private AppJson(List<HttpMessageConverter<?>> converters) {
    this.converters = List.copyOf(converters);
  }

  static AppJson of(ApplicationContext context) {
    return new AppJson(context.getBean(RequestMappingHandlerAdapter.class).getMessageConverters());
  }

  static AppJson of(List<HttpMessageConverter<?>> converters) {
    return new AppJson(converters);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  String write(Object value, Type type) throws IOException {
    Class<?> raw = ResolvableType.forType(type).resolve(Object.class);
    Output body = new Output();
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof SmartHttpMessageConverter smart && smart.canWrite(ResolvableType.forType(type), raw, MediaType.APPLICATION_JSON)) {
        smart.write(value, ResolvableType.forType(type), MediaType.APPLICATION_JSON, body, null);
        return body.text();
      }
      if (converter instanceof GenericHttpMessageConverter generic && generic.canWrite(type, raw, MediaType.APPLICATION_JSON)) {
        generic.write(value, type, MediaType.APPLICATION_JSON, body);
        return body.text();
      }
      if (converter.canWrite(raw, MediaType.APPLICATION_JSON)) {
        ((HttpMessageConverter) converter).write(value, MediaType.APPLICATION_JSON, body);
        return body.text();
      }
    }
    throw new IllegalStateException("none of the app's message converters writes " + type.getTypeName() + " as application/json");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  Object read(String json, Type type) throws IOException {
    Class<?> raw = ResolvableType.forType(type).resolve(Object.class);
    Input body = new Input(json);
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof SmartHttpMessageConverter smart && smart.canRead(ResolvableType.forType(type), MediaType.APPLICATION_JSON)) {
        return smart.read(ResolvableType.forType(type), body, null);
      }
      if (converter instanceof GenericHttpMessageConverter generic && generic.canRead(type, null, MediaType.APPLICATION_JSON)) {
        return generic.read(type, null, body);
      }
      if (converter.canRead(raw, MediaType.APPLICATION_JSON)) {
        return ((HttpMessageConverter) converter).read((Class) raw, body);
      }
    }
    throw new IllegalStateException("none of the app's message converters reads " + type.getTypeName() + " as application/json");
  }

  /** A request body in memory. */
  private record Input(String json) implements HttpInputMessage {
    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public HttpHeaders getHeaders() {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      return headers;
    }
  }

  /** A response body in memory. */
  private static final class Output implements HttpOutputMessage {
    private final HttpHeaders headers = new HttpHeaders();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public OutputStream getBody() {
      return body;
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }
}
