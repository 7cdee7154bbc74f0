package io.rest2grpc.maven.mappers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.json.RestJson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves that a generated typed mapper keeps a DTO's REST JSON: what the application's Jackson prints for the
 * DTO a proto maps to is that proto again, as the REST JSON codec reads it, and the DTO maps back to the same
 * proto. The check an application's tests run per mapped DTO; a failure names the differing field paths.
 */
public final class MapperRoundTrip {

  private final Class<?> mapper;
  private final Method fromProto;
  private final Method toProto;
  private final ObjectMapper jackson;
  private final RestJson restJson = RestJson.create();

  private MapperRoundTrip(Class<?> mapper, ObjectMapper jackson) throws NoSuchMethodException {
    this.mapper = mapper;
    this.fromProto = method(mapper, "fromProto");
    this.toProto = method(mapper, "toProto");
    this.jackson = jackson;
  }

  /**
   * @param mapper a generated mapper class with both {@code toProto} and {@code fromProto}
   * @param jackson an ObjectMapper configured as the application's
   */
  public static MapperRoundTrip of(Class<?> mapper, ObjectMapper jackson) throws NoSuchMethodException {
    return new MapperRoundTrip(mapper, jackson);
  }

  /** proto → {@code fromProto} → DTO → Jackson → REST JSON codec → proto, and DTO → {@code toProto}: both the original. */
  public void assertKeeps(Message original) throws Exception {
    Object dto = invoke(fromProto, original);
    String json = jackson.writerFor(fromProto.getReturnType()).writeValueAsString(dto);
    List<String> differences = new ArrayList<>();
    ProtoDifferences.between(original, restJson.parse(json, original.newBuilderForType()).build())
        .forEach(difference -> differences.add("through Jackson's JSON " + json + ": " + difference));
    ProtoDifferences.between(original, (Message) invoke(toProto, dto))
        .forEach(difference -> differences.add("through toProto: " + difference));
    if (!differences.isEmpty()) {
      throw new AssertionError(failure(original.getDescriptorForType().getFullName(), differences));
    }
  }

  /** REST JSON (a spec example) → codec → proto → DTO → Jackson: the same REST JSON; then {@link #assertKeeps}. */
  public void assertKeepsRestJson(String restJsonText) throws Exception {
    Message.Builder builder = (Message.Builder) fromProto.getParameterTypes()[0].getMethod("newBuilder").invoke(null);
    Message proto = restJson.parse(restJsonText, builder).build();
    String json = jackson.writerFor(fromProto.getReturnType()).writeValueAsString(invoke(fromProto, proto));
    Comparison comparison = RestJsonEquivalence.compare(proto.getDescriptorForType(), restJsonText, json);
    if (!comparison.equal()) {
      throw new AssertionError(failure(proto.getDescriptorForType().getFullName(),
          List.of("Jackson prints " + json + " for " + restJsonText + ": " + comparison.describe())));
    }
    assertKeeps(proto);
  }

  private String failure(String message, List<String> differences) {
    return mapper.getSimpleName() + " does not keep the REST JSON of " + fromProto.getReturnType().getName() + " ⇔ " + message
        + ", it differs at:\n  " + String.join("\n  ", differences)
        + "\nRoute this DTO's RPCs through the bridge instead (leave it out of the typed mappers) until the mapper or the DTO is fixed.";
  }

  private static Object invoke(Method method, Object argument) throws Exception {
    try {
      return method.invoke(null, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Method method(Class<?> mapper, String name) throws NoSuchMethodException {
    for (Method method : mapper.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        return method;
      }
    }
    throw new NoSuchMethodException(mapper.getName() + " has no " + name + "; plan its DTO with Direction.BOTH");
  }
}
