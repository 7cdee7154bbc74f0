package io.rest2grpc.transcoding.json;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestEnum;
import io.rest2grpc.options.v1.RestEnumValue;
import io.rest2grpc.options.v1.UnknownEnumPolicy;
import java.util.HashMap;
import java.util.Map;

/** An enum's REST wire values, both ways, and what to do with values it does not know. */
final class EnumMeta {
  final EnumDescriptor descriptor;
  final boolean integerValues;
  final boolean rejectUnknown;
  /** Proto number -> wire value (String or Long); absent for the zero _UNSPECIFIED value. */
  private final Map<Integer, Object> wireByNumber = new HashMap<>();
  private final Map<String, EnumValueDescriptor> byText = new HashMap<>();
  private final Map<Long, EnumValueDescriptor> byInteger = new HashMap<>();

  EnumMeta(EnumDescriptor descriptor) {
    this.descriptor = descriptor;
    RestEnum options = descriptor.getOptions().getExtension(OptionsProto.enumType);
    this.integerValues = options.getIntegerValues();
    UnknownEnumPolicy policy = options.getUnknownEnumPolicy();
    if (policy == UnknownEnumPolicy.UNKNOWN_ENUM_POLICY_UNSPECIFIED) {
      policy = descriptor.getFile().getOptions().getExtension(OptionsProto.file).getUnknownEnumPolicy();
    }
    this.rejectUnknown = policy == UnknownEnumPolicy.UNKNOWN_ENUM_POLICY_REJECT;
    // proto names and numbers first, so that REST values win where they collide
    for (EnumValueDescriptor value : descriptor.getValues()) {
      byText.putIfAbsent(value.getName(), value);
      byInteger.putIfAbsent((long) value.getNumber(), value);
    }
    for (EnumValueDescriptor value : descriptor.getValues()) {
      RestEnumValue rest = value.getOptions().getExtension(OptionsProto.enumValue);
      Object wire = switch (rest.getValueCase()) {
        case STRING_VALUE -> rest.getStringValue();
        case INTEGER_VALUE -> rest.getIntegerValue();
        case VALUE_NOT_SET -> unspecified(value) ? null
            : integerValues ? (Object) (long) value.getNumber() : value.getName();
      };
      if (wire instanceof String text) {
        byText.put(text, value);
      } else if (wire instanceof Long number && rest.hasIntegerValue()) {
        byInteger.put(number, value);
      }
      if (wire != null) {
        wireByNumber.putIfAbsent(value.getNumber(), wire);
      }
    }
  }

  private static boolean unspecified(EnumValueDescriptor value) {
    return value.getNumber() == 0 && value.getName().endsWith("_UNSPECIFIED");
  }

  /** The wire value (String or Long) of a proto number; null for the zero _UNSPECIFIED value. */
  Object wire(int number) {
    Object wire = wireByNumber.get(number);
    if (wire == null && descriptor.findValueByNumber(number) == null) {
      return (long) number; // an open enum's unknown number: proto3 JSON prints it as a number
    }
    return wire;
  }

  EnumValueDescriptor byText(String text) {
    return byText.get(text);
  }

  EnumValueDescriptor byInteger(long number) {
    return byInteger.get(number);
  }
}
