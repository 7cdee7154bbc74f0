package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/**
 * The private helpers of a mapper class for java.time values. Timestamps come back in UTC, as the REST JSON
 * codec prints them ({@code Z}), so a DTO read from a proto prints the same date-time as the REST response.
 */
final class TimeHelpers {

  private static final ClassName TIMESTAMP = ClassName.get("com.google.protobuf", "Timestamp");
  private static final ClassName PROTO_DURATION = ClassName.get("com.google.protobuf", "Duration");
  private static final ClassName JAVA_DURATION = ClassName.get("java.time", "Duration");
  private static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  private static final ClassName ZONE_OFFSET = ClassName.get("java.time", "ZoneOffset");

  private TimeHelpers() {}

  /** One helper; the constant order is the order they are written in. */
  enum Helper {
    INSTANT_TO_TIMESTAMP("toTimestamp", "java.time.Instant"),
    OFFSET_DATE_TIME_TO_TIMESTAMP("toTimestamp", "java.time.OffsetDateTime"),
    ZONED_DATE_TIME_TO_TIMESTAMP("toTimestamp", "java.time.ZonedDateTime"),
    TIMESTAMP_TO_INSTANT("toInstant", "java.time.Instant"),
    TIMESTAMP_TO_OFFSET_DATE_TIME("toOffsetDateTime", "java.time.OffsetDateTime"),
    TIMESTAMP_TO_ZONED_DATE_TIME("toZonedDateTime", "java.time.ZonedDateTime"),
    TO_PROTO_DURATION("toProtoDuration", "java.time.Duration"),
    FROM_PROTO_DURATION("toJavaDuration", "java.time.Duration");

    private final String methodName;
    private final String javaType;

    Helper(String methodName, String javaType) {
      this.methodName = methodName;
      this.javaType = javaType;
    }

    String methodName() {
      return methodName;
    }

    static Helper toTimestamp(String javaType) {
      return switch (javaType) {
        case "java.time.Instant" -> INSTANT_TO_TIMESTAMP;
        case "java.time.OffsetDateTime" -> OFFSET_DATE_TIME_TO_TIMESTAMP;
        default -> ZONED_DATE_TIME_TO_TIMESTAMP;
      };
    }

    static Helper fromTimestamp(String javaType) {
      return switch (javaType) {
        case "java.time.Instant" -> TIMESTAMP_TO_INSTANT;
        case "java.time.OffsetDateTime" -> TIMESTAMP_TO_OFFSET_DATE_TIME;
        default -> TIMESTAMP_TO_ZONED_DATE_TIME;
      };
    }

    MethodSpec method() {
      ClassName java = ClassName.bestGuess(javaType);
      MethodSpec.Builder method = MethodSpec.methodBuilder(methodName).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
      return switch (this) {
        case INSTANT_TO_TIMESTAMP -> method.returns(TIMESTAMP).addParameter(java, "value")
            .addStatement("return $T.newBuilder().setSeconds(value.getEpochSecond()).setNanos(value.getNano()).build()", TIMESTAMP)
            .build();
        case OFFSET_DATE_TIME_TO_TIMESTAMP, ZONED_DATE_TIME_TO_TIMESTAMP -> method.returns(TIMESTAMP).addParameter(java, "value")
            .addStatement("return $T.newBuilder().setSeconds(value.toEpochSecond()).setNanos(value.getNano()).build()", TIMESTAMP)
            .build();
        case TIMESTAMP_TO_INSTANT -> method.returns(java).addParameter(TIMESTAMP, "value")
            .addStatement("return $T.ofEpochSecond(value.getSeconds(), value.getNanos())", INSTANT)
            .build();
        case TIMESTAMP_TO_OFFSET_DATE_TIME -> method.returns(java).addParameter(TIMESTAMP, "value")
            .addStatement("return $T.ofEpochSecond(value.getSeconds(), value.getNanos()).atOffset($T.UTC)", INSTANT, ZONE_OFFSET)
            .build();
        case TIMESTAMP_TO_ZONED_DATE_TIME -> method.returns(java).addParameter(TIMESTAMP, "value")
            .addStatement("return $T.ofEpochSecond(value.getSeconds(), value.getNanos()).atZone($T.UTC)", INSTANT, ZONE_OFFSET)
            .build();
        case TO_PROTO_DURATION -> method.returns(PROTO_DURATION).addParameter(JAVA_DURATION, "value")
            .addStatement("return $T.newBuilder().setSeconds(value.getSeconds()).setNanos(value.getNano()).build()", PROTO_DURATION)
            .build();
        case FROM_PROTO_DURATION -> method.returns(JAVA_DURATION).addParameter(PROTO_DURATION, "value")
            .addStatement("return $T.ofSeconds(value.getSeconds(), value.getNanos())", JAVA_DURATION)
            .build();
      };
    }
  }
}
