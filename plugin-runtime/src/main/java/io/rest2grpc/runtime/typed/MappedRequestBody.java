package io.rest2grpc.runtime.typed;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * The {@code @RequestBody} argument of a typed call: the DTO the generated mapper made from the gRPC
 * message, in place of the body Spring MVC would read with its converters. Everything else is Spring
 * MVC's own processor: {@code @Valid}/{@code @Validated} validation raising
 * {@code MethodArgumentNotValidException}, an {@code Errors} argument after it, {@code Optional}.
 */
final class MappedRequestBody extends RequestResponseBodyMethodProcessor {
  /** The request attribute that carries the mapped DTO. */
  static final String ATTRIBUTE = MappedRequestBody.class.getName() + ".DTO";

  MappedRequestBody(List<HttpMessageConverter<?>> converters) {
    super(converters);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(RequestBody.class);
  }

  @Override
  protected Object readWithMessageConverters(NativeWebRequest webRequest, MethodParameter parameter, Type paramType) {
    Object dto = webRequest.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (dto == null && checkRequired(parameter)) {
      throw new HttpMessageNotReadableException("Required request body is missing: " + parameter.getExecutable().toGenericString(),
          new ServletServerHttpRequest(webRequest.getNativeRequest(HttpServletRequest.class)));
    }
    return dto;
  }
}
