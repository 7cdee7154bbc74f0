package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.options.v1.RestEnum;
import io.rest2grpc.options.v1.RestEnumValue;
import java.math.BigDecimal;
import java.util.List;

/** An enum; {@code options} says whether its REST values are integers. */
public record ProtoEnum(String name, String comment, List<Value> values, boolean deprecated, SourceLocation source,
    Reserved reserved, RestEnum options) {

  public ProtoEnum {
    values = List.copyOf(values);
  }

  /** The enum under another name, with these values (renamed or renumbered). */
  public ProtoEnum with(String name, List<Value> values, Reserved reserved) {
    return new ProtoEnum(name, comment, values, deprecated, source, reserved, options);
  }

  /** One value; {@code restValue} is the value on the REST wire, null for {@code <ENUM>_UNSPECIFIED}. */
  public record Value(String name, int number, JsonValue restValue) {

    public Value withName(String name) {
      return new Value(name, number, restValue);
    }

    public Value withNumber(int number) {
      return new Value(name, number, restValue);
    }

    /** The wire value: an integer where it is one, else its text. */
    public RestEnumValue option() {
      if (restValue == null) {
        return RestEnumValue.getDefaultInstance();
      }
      Object value = restValue.value();
      if (value == null) {
        return RestEnumValue.getDefaultInstance();
      }
      if (value instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
        return RestEnumValue.newBuilder().setIntegerValue(new BigDecimal(n.toString()).longValueExact()).build();
      }
      return RestEnumValue.newBuilder().setStringValue(value.toString()).build();
    }
  }
}
