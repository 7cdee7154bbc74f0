package io.rest2grpc.maven.mappers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import io.rest2grpc.runtime.selfcheck.MapperSelfCheck;
import io.rest2grpc.runtime.selfcheck.MapperSelfCheck.Case;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Runs the runtime's {@link MapperSelfCheck} on a generated mapper class compiled by a test, in both directions,
 * with Jackson configured as the application's: what the generated self-check runs in the app's own tests.
 */
final class MapperRoundTrip {
  private final Class<?> mapper;
  private final MapperSelfCheck check;

  private MapperRoundTrip(Class<?> mapper, ObjectMapper jackson) {
    this.mapper = mapper;
    this.check = MapperSelfCheck.of(List.of(new MappingJackson2HttpMessageConverter(jackson)));
  }

  /**
   * @param mapper a generated mapper class with both {@code toProto} and {@code fromProto}
   * @param jackson an ObjectMapper configured as the application's
   */
  static MapperRoundTrip of(Class<?> mapper, ObjectMapper jackson) {
    return new MapperRoundTrip(mapper, jackson);
  }

  /** The request and the answer check from {@code restJson}; one that cannot run fails too. */
  void assertKeepsRestJson(String restJson) throws Exception {
    Method toProto = method("toProto");
    Method fromProto = method("fromProto");
    Message prototype = (Message) fromProto.getParameterTypes()[0].getMethod("getDefaultInstance").invoke(null);
    MapperSelfCheck.Mapped<Object, Message> mapped = MapperSelfCheck.both(mapper.getSimpleName(),
        ParameterizedTypeReference.forType(fromProto.getReturnType()), prototype, dto -> (Message) invoke(toProto, dto),
        proto -> invoke(fromProto, proto), MapperSelfCheck.seed("the test's JSON", restJson));
    for (Case each : check.cases(mapped)) {
      Optional<String> notRun = each.run();
      if (notRun.isPresent()) {
        throw new AssertionError(each.name() + " did not run: " + notRun.get());
      }
    }
  }

  private static Object invoke(Method method, Object argument) {
    try {
      return method.invoke(null, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private Method method(String name) throws NoSuchMethodException {
    for (Method method : mapper.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        return method;
      }
    }
    throw new NoSuchMethodException(mapper.getName() + " has no " + name + "; plan its DTO with Direction.BOTH");
  }
}
