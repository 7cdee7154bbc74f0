package io.rest2grpc.maven.mappers.plan;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestEnumValue;
import io.rest2grpc.options.v1.Wrapper;
import io.rest2grpc.transcoding.json.RestJson;

/** The rest2grpc options a mapper follows, as the REST JSON codec reads them. */
final class ProtoOptions {

  private ProtoOptions() {}

  /** The property name on the REST wire. */
  static String restName(FieldDescriptor field) {
    return RestJson.restName(field);
  }

  /**
   * The codec leaves a field without presence out of the REST JSON when it holds its default (emission
   * PRESENT or NON_EMPTY, the field's, else the file's, else PRESENT), so Jackson reads the property as null.
   */
  static boolean omitsDefault(FieldDescriptor field) {
    Emission emission = field.getOptions().getExtension(OptionsProto.field).getEmission();
    if (emission == Emission.EMISSION_UNSPECIFIED) {
      emission = field.getFile().getOptions().getExtension(OptionsProto.file).getEmission();
    }
    return emission != Emission.EMISSION_ALWAYS && emission != Emission.EMISSION_NON_NULL;
  }

  /** A wrapper message carries a nested collection, printed as the bare array or object of its one field. */
  static boolean wrapper(Descriptor message) {
    return message.getOptions().getExtension(OptionsProto.message).getWrapper() != Wrapper.WRAPPER_UNSPECIFIED;
  }

  static Format format(FieldDescriptor field) {
    return field.getOptions().getExtension(OptionsProto.field).getFormat();
  }

  /** The value on the REST wire: {@code RestEnumValue}, else the proto name. */
  static String wireValue(EnumValueDescriptor value) {
    RestEnumValue option = value.getOptions().getExtension(OptionsProto.enumValue);
    return switch (option.getValueCase()) {
      case STRING_VALUE -> option.getStringValue();
      case INTEGER_VALUE -> Long.toString(option.getIntegerValue());
      case VALUE_NOT_SET -> value.getName();
    };
  }

  static boolean hasWireValue(EnumValueDescriptor value) {
    return value.getOptions().getExtension(OptionsProto.enumValue).getValueCase() != RestEnumValue.ValueCase.VALUE_NOT_SET;
  }

  /** The zero value that stands for "no value": {@code *_UNSPECIFIED}, never printed by the codec. */
  static boolean unspecified(EnumValueDescriptor value) {
    return value.getNumber() == 0 && value.getName().endsWith("_UNSPECIFIED");
  }
}
