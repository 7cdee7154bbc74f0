package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.rest2grpc.maven.mappers.plan.Conversion;
import java.util.Set;
import java.util.TreeSet;

/**
 * The expressions that convert one value, each way. Conversions longer than one call become private helpers
 * of the mapper class ({@link TimeHelpers}), recorded here so the class writer adds each one once.
 */
final class ConversionCode {

  private static final ClassName BYTE_STRING = ClassName.get("com.google.protobuf", "ByteString");

  private final String mapperPackage;
  private final Set<TimeHelpers.Helper> helpers = new TreeSet<>();

  ConversionCode(String mapperPackage) {
    this.mapperPackage = mapperPackage;
  }

  Set<TimeHelpers.Helper> helpers() {
    return helpers;
  }

  CodeBlock toProto(Conversion conversion, CodeBlock value) {
    if (conversion instanceof Conversion.ViaMapper mapper) {
      return CodeBlock.of("$T.toProto($L)", ClassName.get(mapperPackage, mapper.mapperName()), value);
    }
    if (conversion instanceof Conversion.Timestamp timestamp) {
      return helper(TimeHelpers.Helper.toTimestamp(timestamp.javaType()), value);
    }
    if (conversion instanceof Conversion.Duration) {
      return helper(TimeHelpers.Helper.TO_PROTO_DURATION, value);
    }
    if (conversion instanceof Conversion.DateString || conversion instanceof Conversion.ParsedString) {
      return CodeBlock.of("$L.toString()", value);
    }
    if (conversion instanceof Conversion.BigNumber number) {
      return CodeBlock.of(number.javaType().equals("java.math.BigDecimal") ? "$L.doubleValue()" : "$L.longValueExact()", value);
    }
    if (conversion instanceof Conversion.Wrapper wrapper) {
      return CodeBlock.of("$T.of($L)", wrapperClass(wrapper), value);
    }
    if (conversion instanceof Conversion.Bytes) {
      return CodeBlock.of("$T.copyFrom($L)", BYTE_STRING, value);
    }
    return value;
  }

  CodeBlock fromProto(Conversion conversion, CodeBlock value) {
    if (conversion instanceof Conversion.ViaMapper mapper) {
      return CodeBlock.of("$T.fromProto($L)", ClassName.get(mapperPackage, mapper.mapperName()), value);
    }
    if (conversion instanceof Conversion.Timestamp timestamp) {
      return helper(TimeHelpers.Helper.fromTimestamp(timestamp.javaType()), value);
    }
    if (conversion instanceof Conversion.Duration) {
      return helper(TimeHelpers.Helper.FROM_PROTO_DURATION, value);
    }
    if (conversion instanceof Conversion.DateString) {
      return CodeBlock.of("$T.parse($L)", ClassName.get("java.time", "LocalDate"), value);
    }
    if (conversion instanceof Conversion.ParsedString parsed) {
      ClassName type = ClassName.bestGuess(parsed.javaType());
      return parsed.javaType().equals("java.util.UUID") ? CodeBlock.of("$T.fromString($L)", type, value)
          : CodeBlock.of("new $T($L)", type, value);
    }
    if (conversion instanceof Conversion.BigNumber number) {
      return CodeBlock.of("$T.valueOf($L)", ClassName.bestGuess(number.javaType()), value);
    }
    if (conversion instanceof Conversion.Wrapper) {
      return CodeBlock.of("$L.getValue()", value);
    }
    if (conversion instanceof Conversion.Bytes) {
      return CodeBlock.of("$L.toByteArray()", value);
    }
    return value;
  }

  /** A method reference for a stream's {@code map}, where the conversion is a mapper call. */
  CodeBlock fromProtoFunction(Conversion conversion) {
    if (conversion instanceof Conversion.ViaMapper mapper) {
      return CodeBlock.of("$T::fromProto", ClassName.get(mapperPackage, mapper.mapperName()));
    }
    return CodeBlock.of("value -> $L", fromProto(conversion, CodeBlock.of("value")));
  }

  private CodeBlock helper(TimeHelpers.Helper helper, CodeBlock value) {
    helpers.add(helper);
    return CodeBlock.of("$L($L)", helper.methodName(), value);
  }

  private static ClassName wrapperClass(Conversion.Wrapper wrapper) {
    return ClassName.get("com.google.protobuf", wrapper.wrapperMessage().substring("google.protobuf.".length()));
  }
}
