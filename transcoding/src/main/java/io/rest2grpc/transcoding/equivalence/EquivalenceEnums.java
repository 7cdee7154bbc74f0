package io.rest2grpc.transcoding.equivalence;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestEnumValue;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNumber;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonString;
import java.math.BigDecimal;

/** Finds the enum value a JSON value stands for, in any of the forms either side may print. */
final class EquivalenceEnums {
  private EquivalenceEnums() {}

  /**
   * The value named by the REST wire value (RestEnumValue), the proto value name, or, for enums
   * whose wire values are strings, the proto number (proto3 JSON parsers accept it). For enums with
   * integer wire values a number is only ever a wire value: {@code 0} may be {@code LEVEL_VALUE_0},
   * not the proto zero. {@code null} when no value matches.
   */
  static EnumValueDescriptor resolve(EnumDescriptor type, EquivalenceJson json) {
    boolean integerWire = type.getOptions().getExtension(OptionsProto.enumType).getIntegerValues();
    for (EnumValueDescriptor value : type.getValues()) {
      RestEnumValue wire = value.getOptions().getExtension(OptionsProto.enumValue);
      boolean matches = json instanceof JsonString s
          ? wire.hasStringValue() && wire.getStringValue().equals(s.value())
          : json instanceof JsonNumber n && integerWire && wire.hasIntegerValue()
              && n.value().compareTo(BigDecimal.valueOf(wire.getIntegerValue())) == 0;
      if (matches) {
        return value;
      }
    }
    if (json instanceof JsonString s) {
      return type.findValueByName(s.value());
    }
    if (json instanceof JsonNumber n && !integerWire) {
      try {
        return type.findValueByNumber(n.value().intValueExact());
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }
}
